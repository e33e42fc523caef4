// `quytap import` and `quytap export` as a user types them.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_GDAL, REAL, run, tempDir } from './helpers';

const cli = (args: string[]) => spawnSync('npx', ['tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: 'Đỗ Văn Hùng' } });

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('quytap-cli-')));
afterAll(() => cleanup());

describe.skipIf(!HAS_GDAL)('CLI import / export', () => {
  it('imports the district JSON with --set and --map, then exports a Shapefile zip GDAL reads', () => {
    const p = join(dir, 'kn.gpkg');
    expect(cli(['init', p, '--title', 'Krông Nô', '--province', 'Đắk Nông']).status).toBe(0);
    const imp = cli(['import', p, REAL('daohoangson-dvhcvn/67.json'), '--layer', 'admin_units', '--source-layer', 'level2s', '--set', 'level=district', '--map', 'name=name', '--map', 'code=code']);
    expect(imp.stderr).not.toMatch(/Lỗi/);
    expect(imp.stdout).toMatch(/imported: 8 → admin_units/);
    const out = join(dir, 'kn.zip');
    const exp = cli(['export', p, '--format', 'shp', '--layer', 'admin_units', '--out', out]);
    expect(exp.stdout).toMatch(/exported: 8/);
    const info = run('ogrinfo', ['-so', '-al', '-wkt_format', 'WKT1', `/vsizip/${out}/admin_units.shp`]);
    expect(info).toMatch(/Feature Count: 8/);
    expect(info).toMatch(/TOWGS84\[-191\.90441429/);
  });

  it('imports a sheet of an Excel workbook written by GDAL, choosing the sheet and the header row', () => {
    const p = join(dir, 'xlsx.gpkg');
    expect(cli(['init', p, '--title', 'Đắk Drô', '--province', 'Đắk Nông']).status).toBe(0);
    const csv = join(dir, 'mo.csv');
    writeFileSync(csv, 'Tên mộ,X,Y\nMộ A,1360123.45,420456.78\nMộ B,1360200.5,420500.25\n');
    const xlsx = join(dir, 'mo.xlsx');
    run('ogr2ogr', ['-f', 'XLSX', xlsx, csv, '-oo', 'AUTODETECT_TYPE=YES', '-nln', 'Mộ mới']);
    const imp = cli(['import', p, xlsx, '--layer', 'graves', '--source-layer', 'Mộ mới', '--header-row', '1', '--crs', 'EPSG:9218', '--map', 'Tên mộ=name', '--set', 'kind=newly_found', '--set', 'verification=not_verified']);
    expect(imp.stderr).not.toMatch(/Lỗi/);
    expect(imp.stdout).toMatch(/imported: 2 → graves/);
    const info = run('ogrinfo', ['-al', '-q', p, 'graves']);
    expect(info).toMatch(/name \(String\) = Mộ A/);
    expect(info).toMatch(/POINT \(420456\.78 1360123\.45\)/);
    expect(cli(['import', p, xlsx, '--layer', 'graves', '--header-row', '0']).status).toBe(2);
  });

  it('a file without a CRS fails with exit 1 and the 200 m message; bad arguments exit 2 with usage', () => {
    const p = join(dir, 'kn.gpkg');
    const r = cli(['import', p, REAL('GeospatialPython-pyshp/blockgroups.shp'), '--layer', 'base_areas', '--set', 'kind=other_area']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/200 m/);
    const u = cli(['export', p, '--format', 'dwg', '--out', join(dir, 'x.dwg')]);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/quytap export/);
  });

  it('a self-crossing area: our sentence on stderr, no GEOS English on either stream; --repair prints none either', () => {
    const p = join(dir, 'bow.gpkg');
    expect(cli(['init', p, '--province', 'Đắk Nông']).status).toBe(0);
    const f = join(dir, 'bow.geojson');
    const bowtie = [[[107.8, 12.4], [107.81, 12.41], [107.81, 12.4], [107.8, 12.41], [107.8, 12.4]]];
    writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: bowtie } }] }));
    const r = cli(['import', p, f, '--layer', 'base_areas', '--set', 'kind=other_area']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/1 hình học không hợp lệ \(dòng 1: ranh giới tự cắt .* tại \d+\.\d, \d+\.\d\)/);
    const fixed = cli(['import', p, f, '--layer', 'base_areas', '--set', 'kind=other_area', '--repair']);
    expect(fixed.status).toBe(0);
    for (const out of [r.stdout, r.stderr, fixed.stdout, fixed.stderr]) expect(out).not.toMatch(/Self-intersection|at or near point/);
  });

  it('--and imports several files in one run, each as its own edit (undone on its own)', () => {
    const p = join(dir, 'and.gpkg');
    expect(cli(['init', p, '--province', 'Đắk Nông']).status).toBe(0);
    const points = (name: string, n: number) => {
      const f = join(dir, `${name}.geojson`);
      const features = Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { name: `${name} ${i + 1}` }, geometry: { type: 'Point', coordinates: [107.8 + i * 0.001, 12.4] } }));
      writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features }));
      return f;
    };
    const r = cli(['import', p, points('mo', 3), '--layer', 'graves', '--set', 'kind=newly_found', '--set', 'verification=not_verified', '--and', points('diem', 2), '--layer', 'info_points', '--set', 'kind=initial_burial']);
    expect(r.stderr).not.toMatch(/Lỗi/);
    expect(r.stdout).toMatch(/imported: 3 → graves.*edit 1\n/);
    expect(r.stdout).toMatch(/imported: 2 → info_points.*edit 2\n/);
    expect(run('ogrinfo', ['-so', p, 'graves'])).toMatch(/Feature Count: 3/);
    expect(run('ogrinfo', ['-so', p, 'info_points'])).toMatch(/Feature Count: 2/);
    // A part without its file is a usage error, before anything is imported.
    const bad = cli(['import', p, points('mo2', 1), '--layer', 'graves', '--set', 'kind=newly_found', '--and', '--layer', 'info_points']);
    expect(bad.status).toBe(2);
    expect(run('ogrinfo', ['-so', p, 'graves'])).toMatch(/Feature Count: 3/);
  });
});
