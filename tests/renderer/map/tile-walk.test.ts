// The map's tile walks end whatever a feature's extent: for a row far out (written before the store
// checked coordinates) the tile numbers passed 2^53, `x++` stood still and the page froze when an
// edit asked for the row's tiles to be redrawn. Run in a worker stopped after a few seconds.
import { describe, expect, it } from 'vitest';
import { callInWorker } from '../../support/call-in-worker';

const FIXTURE = 'tests/renderer/map/tile-walk.fixture.ts';
const at = (e: number[]) => callInWorker<string[]>(FIXTURE, 'invalidateAt', [e], 10_000);

describe('TiledVectorRenderer.invalidate', () => {
  it('marks the tiles under an extent, and ends for a feature at [1e20, 1e20] or reaching ±Infinity', async () => {
    expect(await at([10, 10, 300, 20])).toEqual(['0,0', '1,0']);
    expect(await at([1e20, 1e20, 1e20, 1e20])).toEqual([]);
    expect(await at([-Infinity, 0, Infinity, 10])).toEqual(['0,0', '1,0']);
  }, 40_000);
});
