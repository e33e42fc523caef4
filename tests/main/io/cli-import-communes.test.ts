// `quytap import` loads GEOS only once the project has commune boundaries, looking again before each
// file of a run: boundaries brought by an earlier `--and` file still place the later files' features.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../src/main/store';
import { tempDir } from './helpers';

const cli = (args: string[]) => spawnSync('npx', ['tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: 'Lê Thị Hoa' } });

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('quytap-cli-communes-')));
afterAll(() => cleanup());

const square = (x: number, y: number, d: number) => [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]];

function geojson(name: string, features: { props: Record<string, unknown>; geometry: unknown }[]): string {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: features.map((x) => ({ type: 'Feature', properties: x.props, geometry: x.geometry })) }));
  return f;
}

describe('quytap import and commune boundaries', () => {
  it('boundaries imported by the first file of a run place the graves of the next one; without boundaries none is placed', () => {
    const communes = geojson('communes.geojson', [
      { props: { ma: '24001', ten: 'Xã Một' }, geometry: { type: 'Polygon', coordinates: square(107.7, 12.3, 0.1) } },
      { props: { ma: '24002', ten: 'Xã Hai' }, geometry: { type: 'Polygon', coordinates: square(107.8, 12.3, 0.1) } },
    ]);
    const graves = geojson('graves.geojson', [
      { props: { ten: 'Mộ A' }, geometry: { type: 'Point', coordinates: [107.75, 12.35] } },
      { props: { ten: 'Mộ B' }, geometry: { type: 'Point', coordinates: [107.85, 12.35] } },
      { props: { ten: 'Mộ C' }, geometry: { type: 'Point', coordinates: [107.95, 12.35] } },
    ]);
    const gravesArgs = [graves, '--layer', 'graves', '--map', 'ten=name', '--set', 'kind=newly_found', '--set', 'verification=not_verified'];
    const communeOf = (p: string) => {
      const store = ProjectStore.open(p, { access: 'read' });
      try {
        return Object.fromEntries(store.query('graves').rows.map((r) => [r.props.name, r.props.commune_code]));
      } finally {
        store.close();
      }
    };

    const bare = join(dir, 'bare.gpkg');
    expect(cli(['init', bare, '--province', 'Đắk Nông']).status).toBe(0);
    const r0 = cli(['import', bare, ...gravesArgs]);
    expect(r0.stderr).not.toMatch(/Lỗi|Error/);
    expect(communeOf(bare)).toEqual({ 'Mộ A': null, 'Mộ B': null, 'Mộ C': null });

    const p = join(dir, 'run.gpkg');
    expect(cli(['init', p, '--province', 'Đắk Nông']).status).toBe(0);
    const r = cli(['import', p, communes, '--layer', 'admin_units', '--map', 'ma=code', '--map', 'ten=name', '--set', 'level=commune', '--and', ...gravesArgs]);
    expect(r.stderr).not.toMatch(/Lỗi|Error/);
    expect(r.stdout).toMatch(/imported: 2 → admin_units/);
    expect(r.stdout).toMatch(/imported: 3 → graves/);
    expect(communeOf(p)).toEqual({ 'Mộ A': '24001', 'Mộ B': '24002', 'Mộ C': null });
  }, 60_000);
});
