// The demo's boundaries ship in the repository (assets/demo, a trimmed copy of ../shared/data/real):
// the demo built from that copy must be the demo built from the full third-party files, row for row.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDemoDataDir, readDemoCommunes, readFormerKrongNoDistrict, readLamDong } from '../../../src/main/demo/sources';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';
import type { TableName } from '../../../src/shared/model';

const REPO_COPY = resolve('assets/demo');
const SHARED = resolve('../shared/data/real');
const dir = mkdtempSync(join(tmpdir(), 'quytap-demo-copy-'));
const TABLES: TableName[] = [
  'admin_units',
  'search_areas',
  'graves',
  'cemeteries',
  'info_points',
  'base_points',
  'base_lines',
  'martyrs',
  'links',
];

/** Per table: each row's id, code or name, and a hash of its geometry and properties (the times are in meta). */
function fingerprint(file: string): Record<string, string[]> {
  const store = ProjectStore.open(file, { access: 'read' });
  try {
    const out: Record<string, string[]> = {};
    for (const t of TABLES) {
      const { rows } = store.query(t);
      out[t] = rows
        .map((r) => {
          const h = createHash('sha256')
            .update(JSON.stringify({ g: r.geometry, p: r.props }))
            .digest('hex')
            .slice(0, 16);
          return `${r.id} ${r.props.code ?? r.props.name ?? ''} ${h}`;
        })
        .sort();
    }
    return out;
  } finally {
    store.close();
  }
}

describe('the demo data in the repository', () => {
  const fromRepo = join(dir, 'repo.gpkg');
  const fromShared = join(dir, 'shared.gpkg');
  beforeAll(async () => {
    await createDemoProject(fromRepo, { author: 'test', dataDir: REPO_COPY });
    await createDemoProject(fromShared, { author: 'test', dataDir: SHARED });
  }, 120_000);

  it('is what the demo reads by default, not ../shared', () => {
    const saved = process.env.QUYTAP_DEMO_DATA;
    delete process.env.QUYTAP_DEMO_DATA;
    try {
      expect(defaultDemoDataDir()).toBe(REPO_COPY);
    } finally {
      if (saved !== undefined) process.env.QUYTAP_DEMO_DATA = saved;
    }
  });

  it('reads the same boundaries as the third-party files, coordinate for coordinate', () => {
    expect(readDemoCommunes(REPO_COPY)).toEqual(readDemoCommunes(SHARED));
    expect(readLamDong(REPO_COPY)).toEqual(readLamDong(SHARED));
    expect(readFormerKrongNoDistrict(REPO_COPY)).toEqual(readFormerKrongNoDistrict(SHARED));
    expect(readDemoCommunes(REPO_COPY).map((c) => c.code)).toEqual(['24688', '24697', '24703', '24712', '24678']);
    expect(readDemoCommunes(REPO_COPY)[0].formerUnits).toMatch(/Đắk Drô/);
  });

  it('builds the same demo project: same communes, same geometry hashes, table by table', () => {
    const a = fingerprint(fromRepo);
    const b = fingerprint(fromShared);
    expect(a.admin_units.length).toBe(8);
    expect(a.admin_units.join('\n')).toMatch(/24688/);
    for (const t of TABLES) expect(a[t], t).toEqual(b[t]);
  });

  it('stays small: only what the demo reads', () => {
    const files = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));
    const all = files(REPO_COPY);
    const bytes = all.reduce((s, f) => s + statSync(f).size, 0);
    expect(bytes).toBeLessThan(1.2 * 1024 * 1024);
    expect(all.map((f) => f.slice(REPO_COPY.length + 1)).sort()).toEqual([
      'SOURCES.md',
      'daohoangson-dvhcvn/67.json',
      'daohoangson-dvhcvn/LICENSE-GPL-3.0.txt',
      'thanglequoc-vietnamese-provinces-database/24678_dak_sak.geojson',
      'thanglequoc-vietnamese-provinces-database/24688_krong_no.geojson',
      'thanglequoc-vietnamese-provinces-database/24697_nam_da.geojson',
      'thanglequoc-vietnamese-provinces-database/24703_nam_nung.geojson',
      'thanglequoc-vietnamese-provinces-database/24712_quang_phu.geojson',
      'thanglequoc-vietnamese-provinces-database/68_lam_dong.geojson',
      'thanglequoc-vietnamese-provinces-database/LICENSE-MIT.txt',
      'thanglequoc-vietnamese-provinces-database/xa2434.geojson',
    ]);
  });
});
