// A polygon Shapefile in the working CRS whose every ring is certainly simple is imported without
// loading GEOS (~35 ms and ~20 MB of every such `quytap import`): a look at its geometries first
// settles it. Anything the look cannot settle (a bow-tie, a hole, another CRS, repair asked) still
// goes to GEOS, and an invalid polygon is still refused.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Geometry, PropValue } from '../../../src/shared/model';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import { TM3_108_30_PRJ as TM3, writeShapefile } from './shapefile-fixture';
import * as validity from '../../../src/main/io/validity';
import type { ProjectStore } from '../../../src/main/store';
import { AUTHOR, newProject, tempDir } from './helpers';

vi.mock('../../../src/main/io/validity', async (original) => {
  const real = await original<typeof import('../../../src/main/io/validity')>();
  return { ...real, geosChecker: vi.fn(real.geosChecker) };
});

const WGS84 = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

let dir: string;
let cleanup: () => void;
let store: ProjectStore;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  store = newProject(dir);
  vi.mocked(validity.geosChecker).mockClear();
});
afterEach(() => {
  store.close();
  cleanup();
});

const square = (x: number, y: number, d: number): number[][] => [[x, y], [x, y + d], [x + d, y + d], [x + d, y], [x, y]];
const bowTie = (x: number, y: number, d: number): number[][] => [[x, y], [x + d, y + d], [x + d, y], [x, y + d], [x, y]];

/** One feature per entry: its polygons (one polygon: a Polygon; more: a MultiPolygon), each a list of rings. */
function writeAreas(name: string, features: number[][][][][], prj: string): string {
  const geoms: Geometry[] = features.map((f) => (f.length === 1 ? { type: 'Polygon', coordinates: f[0]! } : { type: 'MultiPolygon', coordinates: f }));
  const rings = features;
  const rows: PropValue[][] = rings.map(() => ['not_started']);
  return writeShapefile(dir, name, 'polygon', geoms, ['status'], rows, prj);
}

const areas = (n: number, polygon: (i: number) => number[][][]) => Array.from({ length: n }, (_, i) => [polygon(i)]);
const at = (i: number): [number, number] => [420_000 + (i % 20) * 100, 1_360_000 + Math.floor(i / 20) * 100];
const run = (shp: string, extra: object = {}) => runImport(store, filesForPath(shp), { table: 'search_areas', map: { status: 'status' }, ...extra }, { author: AUTHOR });

describe('GEOS for a polygon import', () => {
  it('is not loaded when every polygon is one certainly simple ring in the working CRS', async () => {
    const out = await run(writeAreas('simple', areas(300, (i) => [square(...at(i), 50)]), TM3));
    expect(out.prepared.count).toBe(300);
    expect(validity.geosChecker).not.toHaveBeenCalled();
    expect(store.query('search_areas', { limit: 1000 }).rows).toHaveLength(300);
  });

  it('is loaded, and refuses the file, when one polygon is a bow-tie', async () => {
    const rings = areas(300, (i) => [i === 217 ? bowTie(...at(i), 50) : square(...at(i), 50)]);
    await expect(run(writeAreas('bowtie', rings, TM3))).rejects.toMatchObject({ code: 'validation', details: { invalid: [expect.objectContaining({ row: 218 })] } });
    expect(validity.geosChecker).toHaveBeenCalledTimes(1);
    expect(store.query('search_areas', { limit: 1000 }).rows).toHaveLength(0);
  });

  it('is loaded for a polygon of two parts, for a file in another CRS, and when repair is asked', async () => {
    await run(writeAreas('parts', Array.from({ length: 10 }, (_, i) => [[square(...at(i), 30)], [square(at(i)[0] + 60, at(i)[1], 30)]]), TM3));
    expect(validity.geosChecker).toHaveBeenCalledTimes(1);
    await run(writeAreas('wgs', areas(10, (i) => [square(107.7 + i * 0.01, 12.3, 0.005)]), WGS84));
    expect(validity.geosChecker).toHaveBeenCalledTimes(2);
    await run(writeAreas('repair', areas(10, (i) => [square(...at(i + 200), 50)]), TM3), { repair: true });
    expect(validity.geosChecker).toHaveBeenCalledTimes(3);
  });
});
