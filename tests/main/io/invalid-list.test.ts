// More invalid geometries than the preview lists: the count is complete, the rest is paged through,
// and the repair offer covers every one of them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import { invalidGeometries, PREVIEW_INVALID, previewImport } from '../../../src/main/io/preview';
import { AUTHOR, freshProjectPerTest } from './helpers';

const env = freshProjectPerTest();
const N = 620;

it(`counts all ${N} invalid geometries, lists the first ${PREVIEW_INVALID}, pages through the rest and repairs them all`, async () => {
  const f = join(env.dir, 'no.geojson');
  // Bow-ties 200 m apart along a row near Krông Nô; every third one is valid, for the rows to tell apart.
  const features = [];
  for (let i = 0; i < N * 1.5; i++) {
    const x = 107.7 + (i % 300) * 0.002;
    const y = 12.3 + Math.floor(i / 300) * 0.002;
    const ring = i % 3 === 2 ? [[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001], [x, y]] : [[x, y], [x + 0.001, y + 0.001], [x + 0.001, y], [x, y + 0.001], [x, y]];
    features.push({ type: 'Feature', properties: { name: `Vùng ${i + 1}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
  }
  writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features }));
  const invalidRows = features.map((_, i) => i + 1).filter((r) => (r - 1) % 3 !== 2);
  expect(invalidRows).toHaveLength(N);

  const pv = await previewImport(filesForPath(f), { workingCrs: 'EPSG:9218', table: 'base_areas' });
  expect(pv.layers[0]!.invalidCount).toBe(N);
  expect(pv.layers[0]!.invalid.map((v) => v.row)).toEqual(invalidRows.slice(0, PREVIEW_INVALID));

  const tail = await invalidGeometries(filesForPath(f), { workingCrs: 'EPSG:9218', offset: 600, limit: 50 });
  expect(tail.total).toBe(N);
  expect(tail.items.map((v) => v.row)).toEqual(invalidRows.slice(600));
  expect(tail.items[0]!.reason).toMatch(/Self-intersection/);

  await expect(runImport(env.store, filesForPath(f), { table: 'base_areas', defaults: { kind: 'other_area' } }, { author: AUTHOR })).rejects.toMatchObject({
    en: expect.stringMatching(new RegExp(`${N} invalid geometries`)),
    details: { invalid: expect.arrayContaining([{ row: invalidRows[N - 1], reason: expect.any(String) }]) },
  });
  const out = await runImport(env.store, filesForPath(f), { table: 'base_areas', repair: true, defaults: { kind: 'other_area' } }, { author: AUTHOR });
  expect(out.prepared).toMatchObject({ repaired: N, count: features.length });
}, 120_000);
