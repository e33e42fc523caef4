// When the import wizard lets the user run: a known CRS for features, not every row a duplicate
// unless asked, never twice at once; and which warnings the steps show.
import { describe, expect, it } from 'vitest';
import type { PreviewLayer } from '../../../src/renderer/exchange/import/import-options';
import { allDuplicates, crsKnown, mixesGeometryTypes, openRingRows, runBlocked, showCrsWarning, showProblem } from '../../../src/renderer/exchange/import/import-steps';

const layer = (over: Record<string, unknown>) => ({ count: 3, duplicates: null, crs: { code: null }, geometryTypes: {}, openRings: [], openRingCount: 0, invalidCount: 0, outsideVietnam: 0, problem: null, ...over }) as unknown as PreviewLayer;
const ok = { running: false, crsKnown: true, kind: 'feature' as const, allDuplicates: false, dupImport: false };

describe('import wizard: may it run', () => {
  it('runs with a known CRS and new rows', () => {
    expect(runBlocked(ok)).toBe(false);
  });
  it('not while a job runs', () => {
    expect(runBlocked({ ...ok, running: true })).toBe(true);
  });
  it('features need a CRS; records do not', () => {
    expect(runBlocked({ ...ok, crsKnown: false })).toBe(true);
    expect(runBlocked({ ...ok, crsKnown: false, kind: 'record' })).toBe(false);
  });
  it('all duplicates only when the user asks to import them', () => {
    expect(runBlocked({ ...ok, allDuplicates: true })).toBe(true);
    expect(runBlocked({ ...ok, allDuplicates: true, dupImport: true })).toBe(false);
  });
  it('the CRS is known from the user’s choice or the file', () => {
    expect(crsKnown('', layer({}))).toBe(false);
    expect(crsKnown('', undefined)).toBe(false);
    expect(crsKnown('EPSG:4326', layer({}))).toBe(true);
    expect(crsKnown('', layer({ crs: { code: 'EPSG:9210' } }))).toBe(true);
  });
  it('all duplicates when as many as the rows, and only when counted', () => {
    expect(allDuplicates(layer({ duplicates: 3 }))).toBe(true);
    expect(allDuplicates(layer({ duplicates: 2 }))).toBe(false);
    expect(allDuplicates(layer({ duplicates: null }))).toBe(false);
    expect(allDuplicates(undefined)).toBe(false);
  });
});

describe('import wizard: warnings', () => {
  it('the 200 m warning when the CRS is unknown or overridden', () => {
    expect(showCrsWarning(false, '')).toBe(true);
    expect(showCrsWarning(true, 'EPSG:4326')).toBe(true);
    expect(showCrsWarning(true, '')).toBe(false);
  });
  it('"skip the other types" only for mixed geometry types, rows without geometry not counted', () => {
    expect(mixesGeometryTypes(layer({ geometryTypes: { Point: 1, null: 2 } }))).toBe(false);
    expect(mixesGeometryTypes(layer({ geometryTypes: { Point: 1, LineString: 2 } }))).toBe(true);
  });
  it('open rings: the first 20 rows, then an ellipsis', () => {
    const rows = Array.from({ length: 25 }, (_, i) => i + 1);
    expect(openRingRows(layer({ openRings: rows.slice(0, 3), openRingCount: 3 }))).toBe('1, 2, 3');
    expect(openRingRows(layer({ openRings: rows, openRingCount: 25 }))).toBe(`${rows.slice(0, 20).join(', ')}, …`);
  });
  it('the general problem only when no specific warning explains it', () => {
    const problem = { vi: 'x', en: 'x' };
    expect(showProblem(layer({ problem }))).toBe(true);
    expect(showProblem(layer({ problem, openRingCount: 1 }))).toBe(false);
    expect(showProblem(layer({ problem, invalidCount: 1 }))).toBe(false);
    expect(showProblem(layer({ problem, outsideVietnam: 1 }))).toBe(false);
    expect(showProblem(layer({}))).toBe(false);
  });
});
