// MBTiles base maps: copied into a GeoPackage tile pyramid inside the project, judged by GDAL
// (gdalinfo reads the pyramid from our project file, validate_gpkg.py finds nothing wrong).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBasemapSource } from '../../../src/main/basemaps/source';
import { MbtilesFile } from '../../../src/main/store/mbtiles-file';
import { bootWithProject, gdal, MBTILES_RASTER, MBTILES_VECTOR } from './helpers';

const VALIDATOR = ['/usr/share/doc/python3-gdal/examples/validate_gpkg.py', '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py'].find(existsSync);

let env: Awaited<ReturnType<typeof bootWithProject>>;
let id: string;

beforeAll(async () => {
  env = await bootWithProject();
  id = await env.add(env.put(MBTILES_RASTER), { name: 'Bản đồ thế giới' });
});
afterAll(() => env.services.close());

describe('adding an MBTiles base map', () => {
  it('lists it with its zooms, extent and who added it', async () => {
    const { items, online } = await env.call('basemaps.list', {});
    expect(items).toHaveLength(1);
    const b = items[0]!;
    expect(b).toMatchObject({ id, name: 'Bản đồ thế giới', kind: 'tiles', format: 'png', minZoom: 0, maxZoom: 1, tileSize: 256, visible: true, opacity: 1, addedBy: 'Người thử' });
    expect(b.crs.code).toBe('EPSG:3857');
    expect(b.extentWgs84[0]).toBeCloseTo(-180, 5);
    expect(b.extentWgs84[3]).toBeCloseTo(85.0511, 3);
    expect(b.sizeBytes).toBe(statSync(MBTILES_RASTER).size);
    expect(b.table).toMatch(/^basemap_[0-9a-f]{12}$/);
    expect(online.enabled).toBe(false);
  });

  it('stores the tiles top-down (XYZ) while MBTiles stores them bottom-up (TMS)', async () => {
    const src = MbtilesFile.open(MBTILES_RASTER);
    const tiles = [...src.batches()].flat();
    src.close();
    expect(tiles).toHaveLength(5);
    await env.withStore(async (store) => {
      const source = openBasemapSource(store, id);
      expect(source.kind).toBe('tiles');
      if (source.kind !== 'tiles') return;
      for (const t of tiles) {
        const got = await source.getTile(t.zoom, t.column, 2 ** t.zoom - 1 - t.tmsRow);
        expect(Buffer.from(got!).equals(t.data)).toBe(true);
      }
      expect(await source.getTile(1, 0, 5)).toBeNull();
      expect(await source.getTile(2, 0, 0)).toBeNull();
    });
  });

  it('GDAL reads the pyramid from the project file, and validate_gpkg.py is clean', async () => {
    const t = (await env.call('basemaps.list', {})).items[0]!.table!;
    const info = gdal('gdalinfo', ['-oo', `TABLE=${t}`, env.projectPath]);
    expect(info).toMatch(/Driver: GPKG/);
    expect(info).toMatch(/Size is 512, 512/);
    expect(info).toMatch(/Pseudo-Mercator/);
    // The top-left pixel of zoom 1 is the top-left of the world (rows were flipped correctly):
    // compare a GDAL rendering of our table with one of the source MBTiles.
    const tmp = join(env.dir, 'judge');
    gdal('gdal_translate', ['-q', '-of', 'PNG', '-oo', `TABLE=${t}`, env.projectPath, `${tmp}-ours.png`]);
    gdal('gdal_translate', ['-q', '-of', 'PNG', MBTILES_RASTER, `${tmp}-src.png`]);
    const ours = gdal('gdalinfo', ['-stats', `${tmp}-ours.png`]).match(/Mean=[\d.]+/g);
    const theirs = gdal('gdalinfo', ['-stats', `${tmp}-src.png`]).match(/Mean=[\d.]+/g);
    expect(ours).toEqual(theirs);
    const rowOurs = gdal('gdallocationinfo', ['-valonly', `${tmp}-ours.png`, '100', '40']);
    const rowSrc = gdal('gdallocationinfo', ['-valonly', `${tmp}-src.png`, '100', '40']);
    expect(rowOurs).toBe(rowSrc);
    if (VALIDATOR) {
      const r = spawnSync('/usr/bin/python3', [VALIDATOR, '-k', '--extra', env.projectPath], { encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('audits the add and the removal; removal drops the tile table', async () => {
    const second = await env.add(env.put(MBTILES_RASTER, 'copy.mbtiles'));
    let list = (await env.call('basemaps.list', {})).items;
    expect(list.map((b) => b.id)).toEqual([second, id]);
    const table = list[0]!.table!;
    await env.call('basemaps.remove', { id: second });
    list = (await env.call('basemaps.list', {})).items;
    expect(list.map((b) => b.id)).toEqual([id]);
    await env.withStore((store) => {
      const h = store.basemaps((r) => r.history());
      expect(h.filter((e) => e.uuid === second).map((e) => e.action)).toEqual(['insert', 'delete']);
      expect(h.find((e) => e.action === 'delete')!.label).toBe('Xóa bản đồ nền: Geography Class');
    });
    const tables = gdal('ogrinfo', ['-ro', '-q', env.projectPath]);
    expect(tables).not.toContain(table);
  });

  it('saves visibility, opacity and order in the project', async () => {
    const other = await env.add(env.put(MBTILES_RASTER, 'third.mbtiles'));
    await env.call('basemaps.update', { id, visible: false, opacity: 0.4 });
    await env.call('basemaps.reorder', { ids: [id, other] });
    env.services.close();
    await env.call('project.open', { path: env.projectPath });
    const items = (await env.call('basemaps.list', {})).items;
    expect(items.map((b) => [b.id, b.visible, b.opacity])).toEqual([
      [id, false, 0.4],
      [other, true, 1],
    ]);
  });
});

describe('refusing what is not a raster MBTiles, leaving the project unchanged', () => {
  const before = async () => (await env.call('basemaps.list', {})).items.map((b) => b.id);

  it('refuses a vector (pbf) MBTiles with a clear message', async () => {
    const ids = await before();
    const file = env.put(MBTILES_VECTOR);
    const err = await env.callErr('basemaps.inspect', { file });
    expect(err.vi).toMatch(/vector \(pbf\)/);
    expect(err.en).toMatch(/vector MBTiles/);
    await expect(env.add(file)).rejects.toThrow(/vector MBTiles/);
    expect(await before()).toEqual(ids);
  });

  it('refuses a truncated MBTiles', async () => {
    const ids = await before();
    const cut = join(env.imports, 'cut.mbtiles');
    copyFileSync(MBTILES_RASTER, cut);
    truncateSync(cut, Math.floor(statSync(cut).size / 2));
    const err = await env.callErr('basemaps.inspect', { file: 'cut.mbtiles' });
    expect(err.vi).toMatch(/cắt cụt/);
    expect(err.en).toMatch(/truncated/);
    await expect(env.add('cut.mbtiles')).rejects.toThrow(/truncated/);
    expect(await before()).toEqual(ids);
  });

  it('refuses a file that is neither MBTiles nor GeoTIFF', async () => {
    writeFileSync(join(env.imports, 'notes.mbtiles'), 'this is not a database');
    const err = await env.callErr('basemaps.inspect', { file: 'notes.mbtiles' });
    expect(err.code).toBe('validation');
    expect(err.vi).toMatch(/không phải MBTiles hay GeoTIFF/);
  });

  it('refuses a tile that is not an image, and rolls the whole copy back', async () => {
    const ids = await before();
    const tablesBefore = gdal('ogrinfo', ['-ro', '-q', env.projectPath]).match(/basemap_/g)?.length ?? 0;
    const bad = join(env.imports, 'bad-tile.mbtiles');
    copyFileSync(MBTILES_RASTER, bad);
    const r = spawnSync('python3', ['-c', `import sqlite3;c=sqlite3.connect(${JSON.stringify(bad)});c.execute("update images set tile_data=x'00010203' where tile_id=(select tile_id from map where zoom_level=1 and tile_column=1 and tile_row=0)");c.commit()`]);
    expect(r.status).toBe(0);
    await expect(env.add('bad-tile.mbtiles')).rejects.toThrow(/not a PNG, JPEG or WebP/);
    expect(await before()).toEqual(ids);
    const after = gdal('ogrinfo', ['-ro', '-q', env.projectPath]);
    expect(after.match(/basemap_/g)?.length ?? 0, after).toBe(tablesBefore);
  });

  it('a failure in the middle of the copy leaves no table, no registration and no record', async () => {
    await env.withStore((store) => {
      const count = (sql: string) => (store as unknown as { db: { prepare(s: string): { get(): { n: number } } } }).db.prepare(sql).get().n;
      const contents = count('SELECT count(*) AS n FROM gpkg_contents');
      const matrices = count('SELECT count(*) AS n FROM gpkg_tile_matrix');
      const audit = count('SELECT count(*) AS n FROM qt_audit_log');
      const records = store.basemaps((r) => r.list()).length;
      const src = MbtilesFile.open(MBTILES_RASTER);
      let seen = 0;
      try {
        expect(() =>
          store.basemaps((r) =>
            r.addTiles(
              {
                id: '0190a000-0000-7000-8000-000000000001',
                name: 'broken',
                kind: 'tiles',
                format: 'png',
                crsCode: 'EPSG:3857',
                crsProj4: '+proj=merc',
                extent: [0, 0, 1, 1],
                wgs84: [0, 0, 1, 1],
                minZoom: 0,
                maxZoom: 1,
                tileSize: 256,
                sizeBytes: 1,
                sha256: 'x',
                info: {},
                sourceFile: 'broken.mbtiles',
              },
              () => src.batches(1),
              () => {
                if (++seen === 4) throw new Error('disk full');
                return 'png';
              },
              'Người thử',
            ),
          ),
        ).toThrow(/disk full/);
      } finally {
        src.close();
      }
      expect(seen).toBe(4);
      expect(count('SELECT count(*) AS n FROM gpkg_contents')).toBe(contents);
      expect(count('SELECT count(*) AS n FROM gpkg_tile_matrix')).toBe(matrices);
      expect(count('SELECT count(*) AS n FROM qt_audit_log')).toBe(audit);
      expect(count("SELECT count(*) AS n FROM sqlite_master WHERE name = 'basemap_0190a0000000'")).toBe(0);
      expect(store.basemaps((r) => r.list()).length).toBe(records);
    });
  });

  it('refuses file names that leave the imports folder', async () => {
    expect((await env.callErr('basemaps.add', { file: '../krong-no.gpkg' })).code).toBe('validation');
    // A hidden name is refused at the contract's edge, before any folder is looked at.
    expect((await env.callErr('basemaps.inspect', { file: '.hidden' })).code).toBe('validation');
    expect((await env.callErr('basemaps.add', { file: 'missing.mbtiles' })).code).toBe('not_found');
    expect(readFileSync(env.projectPath).length).toBeGreaterThan(0);
  });
});
