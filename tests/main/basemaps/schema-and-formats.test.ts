// The v5 step can run again harmlessly (files made while it was a no-op get the tables on first use),
// and JPEG tiles made by GDAL are stored and read back by GDAL from the project.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToV5 } from '../../../src/main/store/schema-v5-basemaps';
import { imageSize, sniffTile } from '../../../src/main/basemaps/image-format';
import { bootWithProject, gdal, WORLD_TIF } from './helpers';

let env: Awaited<ReturnType<typeof bootWithProject>>;
beforeAll(async () => {
  env = await bootWithProject();
});
afterAll(() => env.services.close());

describe('schema v5', () => {
  it('is idempotent and registers its tables once', async () => {
    env.services.close();
    const db = new Database(env.projectPath);
    try {
      migrateToV5(db);
      migrateToV5(db);
      const rows = db.prepare("SELECT table_name FROM gpkg_extensions WHERE table_name LIKE 'qt_basemap%' ORDER BY table_name").all() as { table_name: string }[];
      expect(rows.map((r) => r.table_name)).toEqual(['qt_basemap_chunks', 'qt_basemap_online', 'qt_basemaps']);
      // A file whose v5 step ran as a no-op: the tables are missing until the repo is first used.
      db.exec('DROP TABLE qt_basemap_chunks; DROP TABLE qt_basemap_online; DROP TABLE qt_basemaps;');
    } finally {
      db.close();
    }
    await env.call('project.open', { path: env.projectPath });
    expect((await env.call('basemaps.list', {})).items).toEqual([]);
  });
});

describe('tile formats', () => {
  it('stores a JPEG MBTiles made by GDAL; GDAL reads the same pixels back from the project', async () => {
    const src = join(env.dir, 'world-jpeg.mbtiles');
    gdal('gdal_translate', ['-q', '-of', 'MBTiles', '-co', 'TILE_FORMAT=JPEG', '-b', '1', '-b', '1', '-b', '1', '-scale', '0', '1', '40', '220', WORLD_TIF, src]);
    const id = await env.add(env.put(src));
    const b = (await env.call('basemaps.list', {})).items.find((x) => x.id === id)!;
    expect(b).toMatchObject({ format: 'jpeg', tileSize: 256 });
    const stats = (f: string, extra: string[] = []) => gdal('gdalinfo', ['-stats', ...extra, f]).match(/Mean=[\d.]+/g);
    expect(stats(env.projectPath, ['-oo', `TABLE=${b.table}`])).toEqual(stats(src));
  });

  it('tells PNG, JPEG, WebP and gzip apart and reads their pixel size', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000100000001000806000000', 'hex');
    expect(sniffTile(png)).toBe('png');
    expect(imageSize(png)).toEqual({ width: 256, height: 256 });
    // A JPEG header with an APP0 segment before the baseline frame (SOF0: 512 × 512).
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0001108020002000301220002110103110100', 'hex');
    expect(sniffTile(jpeg)).toBe('jpeg');
    expect(imageSize(jpeg)).toEqual({ width: 512, height: 512 });
    // Lossy WebP (VP8): width/height 14 bits little-endian at 26 and 28.
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'latin1');
    webp.write('WEBP', 8, 'latin1');
    webp.write('VP8 ', 12, 'latin1');
    webp.writeUInt16LE(256, 26);
    webp.writeUInt16LE(256, 28);
    expect(sniffTile(webp)).toBe('webp');
    expect(imageSize(webp)).toEqual({ width: 256, height: 256 });
    expect(sniffTile(Buffer.from([0x1f, 0x8b, 8, 0]))).toBe('gzip');
    expect(sniffTile(Buffer.from('{"type":"x"}'))).toBeNull();
  });
});
