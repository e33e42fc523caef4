// Import behaviour that works: repair on request, CSV in VN-2000 with X = northing, one undoable edit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../src/shared/crs';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import { previewImport } from '../../../src/main/io/preview';
import { AUTHOR, REAL, freshProjectPerTest } from './helpers';

const env = freshProjectPerTest();

describe('import', () => {
  it('a VN-2000 CSV (X = northing, Y = easting, Đồng Tháp zone 105°) lands on the published WGS 84 position', async () => {
    // Pair 1 of namlunkaka/vn2000-converter: X 1142228.861, Y 557975.802 ↔ 10.32843706 N, 105.53115606 E.
    const f = join(env.dir, 'moc.csv');
    writeFileSync(f, '\ufeffTên,X,Y\nMốc Đồng Tháp,1142228.861,557975.802\n');
    const pv = await previewImport(filesForPath(f), { workingCrs: 'EPSG:9218', crs: 'EPSG:5897', table: 'info_points' });
    expect(pv.layers[0]!.crs.notes[0]!.en).toMatch(/column "X" is X \(northing\), "Y" is Y \(easting\)/);
    expect(pv.layers[0]!.outsideVietnam).toBe(0);
    await runImport(
      env.store,
      filesForPath(f),
      { table: 'info_points', crs: 'EPSG:5897', map: { name: 'Tên' }, defaults: { kind: 'death_or_battle' } },
      { author: AUTHOR },
    );
    const row = env.store.query('info_points').rows[0]!;
    expect(row.props.name).toBe('Mốc Đồng Tháp');
    const [lon, lat] = toWgs84('EPSG:9218', (row.geometry as { coordinates: number[] }).coordinates);
    expect(lon).toBeCloseTo(105.53115606, 7);
    expect(lat).toBeCloseTo(10.32843706, 7);
  });

  it('without a CRS a VN-2000 CSV is not guessed: the preview asks, and says it is a 200 m question', async () => {
    const f = join(env.dir, 'moc.csv');
    writeFileSync(f, 'ten,X,Y\nA,1371000,430000\n');
    const pv = await previewImport(filesForPath(f), { workingCrs: 'EPSG:9218' });
    expect(pv.layers[0]!.crs.code).toBeNull();
    await expect(
      runImport(env.store, filesForPath(f), { table: 'info_points', defaults: { kind: 'death_or_battle' } }, { author: AUTHOR }),
    ).rejects.toMatchObject({
      en: expect.stringContaining('about 200 m'),
    });
  });

  it('repair on request: a bow-tie becomes a valid two-part polygon (GEOS MakeValid)', async () => {
    const f = join(env.dir, 'bowtie.geojson');
    const bowtie = [
      [
        [107.8, 12.4],
        [107.81, 12.41],
        [107.81, 12.4],
        [107.8, 12.41],
        [107.8, 12.4],
      ],
    ];
    writeFileSync(
      f,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: 'Nơ' }, geometry: { type: 'Polygon', coordinates: bowtie } }],
      }),
    );
    const pv = await previewImport(filesForPath(f), { workingCrs: 'EPSG:9218', table: 'base_areas' });
    expect(pv.layers[0]!.invalid).toHaveLength(1);
    const out = await runImport(
      env.store,
      filesForPath(f),
      { table: 'base_areas', repair: true, defaults: { kind: 'other_area' } },
      { author: AUTHOR },
    );
    expect(out.prepared.repaired).toBe(1);
    const g = env.store.query('base_areas').rows[0]!.geometry as { type: string; coordinates: unknown[] };
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates).toHaveLength(2);
  });

  it('the whole import is ONE edit: one undo removes every row, with audit entries', async () => {
    const f = REAL('daohoangson-dvhcvn/67.json');
    const out = await runImport(
      env.store,
      filesForPath(f),
      { table: 'admin_units', defaults: { level: 'district' } },
      { author: AUTHOR, layer: 'level2s' },
    );
    expect(env.store.query('admin_units').rows).toHaveLength(8);
    expect(env.store.undoState(AUTHOR).undoLabel).toMatch(/^Nhập 67\.json/);
    expect(env.store.history('admin_units', out.result.rows![0]!.id)[0]!.author).toBe(AUTHOR);
    env.store.undo(AUTHOR);
    expect(env.store.query('admin_units').rows).toHaveLength(0);
  });

  it('cancel before the write leaves the project unchanged', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(
      runImport(
        env.store,
        filesForPath(REAL('daohoangson-dvhcvn/67.json')),
        { table: 'admin_units', defaults: { level: 'district' } },
        { author: AUTHOR, layer: 'level2s', signal: ctl.signal },
      ),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(env.store.query('admin_units').rows).toHaveLength(0);
  });
});
