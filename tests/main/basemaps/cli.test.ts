// `quytap basemap add|list|remove`, run as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gdal, makeTestTiffs, MBTILES_RASTER, MBTILES_VECTOR } from './helpers';

const quytap = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: 'Cán bộ huyện' } });

describe('quytap basemap', () => {
  it('adds, lists and removes; refuses a vector MBTiles and asks for a CRS when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quytap-basemap-cli-'));
    const project = join(dir, 'p.gpkg');
    expect(quytap('init', project, '--title', 'Thử', '--province', 'Đắk Nông').status).toBe(0);
    const added = quytap('basemap', 'add', project, MBTILES_RASTER, '--name', 'Thế giới');
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const table = /TABLE=(basemap_[0-9a-f]+)/.exec(added.stdout)![1]!;
    expect(gdal('gdalinfo', ['-oo', `TABLE=${table}`, project])).toMatch(/Size is 512, 512/);

    const vector = quytap('basemap', 'add', project, MBTILES_VECTOR);
    expect(vector.status).toBe(1);
    expect(vector.stderr).toMatch(/MBTiles vector \(pbf\)/);
    expect(vector.stderr).toMatch(/vector MBTiles/);

    const tiffs = makeTestTiffs(join(dir, 'made'));
    const noCrs = quytap('basemap', 'add', project, tiffs.nocrs);
    expect(noCrs.status).toBe(1);
    expect(noCrs.stderr).toMatch(/Hãy chọn hệ tọa độ/);
    expect(quytap('basemap', 'add', project, tiffs.nocrs, '--crs', 'EPSG:4326').status).toBe(0);
    expect(quytap('basemap', 'add', project, tiffs.tm3).stdout).toMatch(/EPSG:9218/);

    const list = quytap('basemap', 'list', project);
    expect(list.status).toBe(0);
    const rows = list.stdout.trim().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatch(/tiles\tEPSG:3857\tz0-1\t.*Thế giới$/);
    const id = rows[2]!.split('\t')[0]!;
    expect(quytap('basemap', 'remove', project, id).status).toBe(0);
    expect(quytap('basemap', 'list', project).stdout.trim().split('\n')).toHaveLength(2);
    expect(quytap('basemap', 'remove', project, id).status).toBe(1);
    expect(quytap('basemap', 'frobnicate', project).status).toBe(2);
  }, 120_000);
});
