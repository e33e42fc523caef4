// A sheet is composed once per print: planned first (frame, scale, series, legend), its base maps
// warped into the planned frame, then drawn. Before, a sheet with a base map was composed, warped,
// composed again (and again while the frame moved), and "print.pdf" composed its first sheet once
// more just to name the file.
import jpeg from 'jpeg-js';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/print/compose', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/shared/print/compose')>();
  return { ...m, compose: vi.fn(m.compose) };
});

import { compose } from '../../../src/shared/print/compose';
import { printInput, sheetMeasure } from '../../../src/main/print/print-sheet';
import { composeWithBaseMaps, openAll } from '../../../src/main/print/raster/sheet-base-maps';
import type { TileRasterSource } from '../../../src/main/print/raster/source';
import { fixture } from '../../shared/print/fixture';

// A grey Web Mercator pyramid: every tile the same 256 px JPEG.
const tile = jpeg.encode({ data: Buffer.alloc(256 * 256 * 4, 190), width: 256, height: 256 }, 80).data;
const source: TileRasterSource = { kind: 'tiles', name: 'Nền thử', minZoom: 8, maxZoom: 13, getTile: async () => new Uint8Array(tile) };
const calls = () => vi.mocked(compose).mock.calls.length;

describe('a sheet is composed once', () => {
  it('with a base map: planned, warped into the planned frame, composed once', async () => {
    vi.mocked(compose).mockClear();
    const r = await composeWithBaseMaps(fixture(), { paper: 'A3', area: { kind: 'all' }, scale: 10000 }, sheetMeasure(), await openAll([{ source, opacity: 1 }]), { dpi: 30 });
    expect(calls()).toBe(1);
    // The base map is on it, inside the frame, and named in the notes.
    const images = r.list.items.filter((i) => i.kind === 'image');
    expect(images.length).toBeGreaterThan(0);
    expect(r.list.items.some((i) => i.kind === 'text' && i.text.includes('Nền thử'))).toBe(true);
  });

  it('a series with its index sheet: one composition per page', async () => {
    vi.mocked(compose).mockClear();
    const r = await printInput(fixture(), { paper: 'A4', area: { kind: 'all' }, scale: 5000 }, { series: true, baseMaps: { sources: [source] } });
    expect(r.reports.length).toBeGreaterThan(1);
    expect(r.index).not.toBeNull();
    expect(calls()).toBe(r.reports.length + 1);
  }, 60_000);
});
