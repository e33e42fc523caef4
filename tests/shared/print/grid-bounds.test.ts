// The sheet's loops end whatever the extent: grid values are counted before they are made (a frame
// around 1e20 made `v += step` stand still), and a box too big for the collision grid is never walked
// cell by cell. Each call runs in a worker stopped after a few seconds, so a loop that does not end
// fails the test instead of hanging the run.
import { describe, expect, it } from 'vitest';
import { gridValues } from '../../../src/shared/print';
import { MAX_GRID_VALUES } from '../../../src/shared/print/grid';
import { callInWorker } from '../../support/call-in-worker';

const FIXTURE = 'tests/shared/print/far-extent.fixture.ts';

describe('print grid: bounded', () => {
  it('gives the same values as before for ordinary frames', () => {
    expect(gridValues(0, 1000, 100)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(gridValues(430_050, 432_950, 1000)).toEqual([431_000, 432_000]);
    expect(gridValues(-1500, -499.9999999, 500)).toEqual([-1500, -1000, -500]);
  });

  it('ends for a frame around 1e20, where adding the step changes nothing', async () => {
    const v = await callInWorker<number[]>('src/shared/print/grid.ts', 'gridValues', [1e20, 1e20 + 200_000, 100], 5000);
    expect(v.length).toBeLessThanOrEqual(MAX_GRID_VALUES);
  });

  it('draws no grid rather than 10^10 lines for an absurd extent', async () => {
    expect(await callInWorker<number[]>('src/shared/print/grid.ts', 'gridValues', [0, 1e12, 100], 5000)).toEqual([]);
    expect(gridValues(NaN, 1000, 100)).toEqual([]);
    expect(gridValues(0, Infinity, 100)).toEqual([]);
  });

  it('a sheet drawn on an extent around 1e20 is composed in bounded time', async () => {
    // Doubles 16,384 apart there: the 5 km grid step of 1:50,000 added nothing.
    const r = await callInWorker<{ ok: boolean; gridLabels: number; message: string }>(FIXTURE, 'composeAt', [1e20, 1e20, 65_536, 50_000], 8000);
    expect(r.message).toBe('');
    expect(r.ok).toBe(true);
  }, 15_000);

  it('a box of 10^9 mm is kept out of the collision grid and still collides', async () => {
    const hits = await callInWorker<boolean[]>(FIXTURE, 'boxIndexWithHugeBox', [1e9], 5000);
    expect(hits).toEqual([true, true, false]);
  });
});
