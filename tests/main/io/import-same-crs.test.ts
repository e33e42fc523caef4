// A file already in the project's working CRS is imported with its positions as read (no transform,
// no copy): what is stored must still be exactly its x and y, Z dropped, and a bad polygon among
// the good ones still refused by GEOS with the row named.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import { AUTHOR, freshProjectPerTest } from './helpers';

const env = freshProjectPerTest();
const X = 430_000.123;
const Y = 1_370_000.456;

function geojson(name: string, features: unknown[]): string {
  const f = join(env.dir, name);
  writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:9218' } }, features }));
  return f;
}

describe('import in the working CRS', () => {
  it('stores exactly the x and y of the file, Z dropped, lines and polygons alike', async () => {
    const lines = Array.from({ length: 250 }, (_, i) => ({
      type: 'Feature',
      properties: { kind: 'road' },
      geometry: { type: 'LineString', coordinates: [[X + i, Y, 512.5], [X + i + 0.25, Y + 10.125, 498]] },
    }));
    const f = geojson('lines.geojson', lines);
    await runImport(env.store, filesForPath(f), { table: 'base_lines', defaults: { kind: 'road' } }, { author: AUTHOR });
    const rows = env.store.query('base_lines', { limit: 1000 }).rows;
    expect(rows).toHaveLength(250);
    const got = rows.map((r) => JSON.stringify(r.geometry)).sort();
    const want = lines.map((l) => JSON.stringify({ type: 'MultiLineString', coordinates: [l.geometry.coordinates.map((p) => p.slice(0, 2))] })).sort();
    expect(got).toEqual(want);

    const areas = [
      { type: 'Feature', properties: { status: 'done' }, geometry: { type: 'Polygon', coordinates: [[[X, Y, 1], [X + 5, Y, 1], [X + 5, Y + 5, 1], [X, Y, 1]]] } },
    ];
    await runImport(env.store, filesForPath(geojson('areas.geojson', areas)), { table: 'search_areas', map: { status: 'status' } }, { author: AUTHOR });
    expect(env.store.query('search_areas').rows[0]!.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[[X, Y], [X + 5, Y], [X + 5, Y + 5], [X, Y]]]] });
  });

  it('still has GEOS refuse a self-crossing polygon among simple ones, naming its row', async () => {
    const sq = (x: number) => [[[x, Y], [x + 5, Y], [x + 5, Y + 5], [x, Y + 5], [x, Y]]];
    const features = [0, 10, 20].map((d) => ({ type: 'Feature', properties: { status: 'done' }, geometry: { type: 'Polygon', coordinates: sq(X + d) } }));
    features.splice(1, 0, { type: 'Feature', properties: { status: 'done' }, geometry: { type: 'Polygon', coordinates: [[[X, Y], [X + 5, Y + 5], [X + 5, Y], [X, Y + 5], [X, Y]]] } });
    await expect(runImport(env.store, filesForPath(geojson('bad.geojson', features)), { table: 'search_areas', map: { status: 'status' } }, { author: AUTHOR })).rejects.toMatchObject({
      details: { invalid: [{ row: 2, reason: expect.stringMatching(/Self-intersection/) }] },
    });
    expect(env.store.query('search_areas').rows).toHaveLength(0);
  });
});
