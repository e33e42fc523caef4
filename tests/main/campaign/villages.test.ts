// Villages and the campaign plan through the real dispatcher on the demo project: the store's one
// writer gives a village its commune from the geometry, audits it and undoes it; staff keep to
// their commune; only the district sets the plan; progress shows Nam Đà under target and overdue.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, openWritable, ProjectStore } from '../../../src/main/store';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from '../store/helpers';
import { campaignProject, type CampaignEnv } from './fixture';

describe('villages and the plan, through the contract', () => {
  let c: CampaignEnv;
  beforeAll(async () => {
    c = await campaignProject();
  }, 120_000);

  it('a village takes its commune from its geometry, whatever the request wrote, with an audit entry', async () => {
    const rows = await c.villages();
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.props.commune_code).toBe(c.ND);
    const other = c.info.settings.communes.find((x) => x.code !== c.ND)!.code;
    await c.env.call('session.setOperator', { name: 'Cán bộ huyện', role: 'admin', communeCode: null });
    const v = rows[0]!;
    await c.env.call('edits.apply', { label: 'Sửa thôn', put: [{ table: 'villages', id: v.id, baseVersion: v.meta.version, props: { commune_code: other } }] });
    const after = (await c.villages()).find((r) => r.id === v.id)!;
    expect(after.props.commune_code).toBe(c.ND);
    const history = await c.env.call('history.of', { table: 'villages', id: v.id });
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['insert', 'update']));
    await c.env.call('edits.undo', {});
    expect((await c.villages()).find((r) => r.id === v.id)!.meta.version).toBeGreaterThan(after.meta.version);
  });

  it('a village entered without a position (to be drawn later) does not block the commune’s map', async () => {
    await c.env.call('session.setOperator', { name: 'Cán bộ xã Nam Đà', role: 'commune_staff', communeCode: c.ND });
    const put = await c.env.call('edits.apply', { label: 'Thêm thôn', put: [{ table: 'villages', geometry: null, props: { name: 'Thôn chưa vẽ', kind: 'thon', commune_code: c.ND, households: 10 } }] });
    const id = put.rows[0]!.id;
    const run = await c.env.call('review.run', { communes: [c.ND] });
    expect(run.findings.filter((f) => f.id === id)).toEqual([]);
    expect((await c.env.call('campaign.progress', {})).communes.find((x) => x.communeCode === c.ND)!.villages.some((v) => v.id === id)).toBe(true);
    await c.env.call('edits.apply', { label: 'Xóa', remove: [{ table: 'villages', id, baseVersion: put.rows[0]!.version }] });
  }, 60_000);

  it('staff of another commune cannot enter Nam Đà’s figures', async () => {
    const other = c.info.settings.communes.find((x) => x.code !== c.ND)!.code;
    await c.env.call('session.setOperator', { name: 'Cán bộ xã khác', role: 'commune_staff', communeCode: other });
    const v = (await c.villages())[1]!;
    const err = await c.env.callErr('edits.apply', { label: 'Số phiếu', put: [{ table: 'villages', id: v.id, baseVersion: v.meta.version, props: { forms_returned: 80 } }] });
    expect(err.code).toBe('forbidden');
    expect((await c.villages())[1]!.props.forms_returned).toBe(60);
  });

  it('only reviewers and administrators set the plan; it is kept in the settings', async () => {
    await c.env.call('session.setOperator', { name: 'Cán bộ xã Nam Đà', role: 'commune_staff', communeCode: c.ND });
    const err = await c.env.callErr('campaign.setPlan', { deadlines: { forms: '2030-01-01' } });
    expect(err.code).toBe('forbidden');
    expect(err.vi).toContain('Chỉ cán bộ thẩm định');
    await c.env.call('session.setOperator', { name: 'Cán bộ huyện', role: 'reviewer', communeCode: null });
    const plan = await c.env.call('campaign.setPlan', { targetPercent: 95, deadlines: { commune_conclusion: '2019-07-15' } });
    // Named steps change, the others keep their dates.
    expect(plan.deadlines).toMatchObject({ forms: '2019-05-31', village_conclusions: '2019-06-30', commune_conclusion: '2019-07-15', approved: '2099-12-31', submitted: null });
    expect((await c.env.call('project.info', {})).settings.campaign.deadlines.commune_conclusion).toBe('2019-07-15');
  });

  it('progress: Nam Đà under target, its forms and village conclusions overdue', async () => {
    const p = await c.env.call('campaign.progress', { today: '2026-12-05' });
    const nd = p.communes.find((x) => x.communeCode === c.ND)!;
    expect(nd.coverage).toMatchObject({ households: 250, returned: 228, percent: 91.2, meetsTarget: false });
    expect(nd.villages.find((v) => v.name === 'Buôn Ja Rá')!.coverage.percent).toBe(75);
    expect(nd.villages.find((v) => v.pilot)!.name).toBe('Thôn Nam Tân');
    expect(nd.villages.find((v) => v.name === 'Thôn Nam Tân')!.conclusionId).toBe(c.conclusionId);
    expect(nd.overdue).toEqual(['forms', 'village_conclusions']);
    expect(nd.currentStep).toBe('forms');
    // The day before the first due date nothing is overdue yet.
    const early = await c.env.call('campaign.progress', { today: '2019-05-31' });
    expect(early.communes.find((x) => x.communeCode === c.ND)!.overdue).toEqual([]);
  });
});

describe('schema step: the campaign tables in a file made before them', () => {
  const tmp = tempDir('quytap-campaign-migrate-');
  afterAll(() => tmp.cleanup());
  const NEW_COLUMNS = ['village_id', 'attendees_military', 'attendees_veterans', 'attendees_labour', 'attendees_elders', 'outcome'];

  /** A file as the version before the campaign made it: no villages table, conclusions without the new columns. */
  function oldFile(): string {
    const path = join(tmp.dir, 'old.gpkg');
    ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR).close();
    const db = openWritable(path);
    db.exec('DROP TRIGGER "qt_conclusions_version"');
    for (const col of NEW_COLUMNS) db.exec(`ALTER TABLE conclusions DROP COLUMN "${col}"`);
    for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'villages'").all() as { name: string }[]) db.exec(`DROP TRIGGER "${t.name}"`);
    db.exec('DROP TABLE villages; DROP TABLE rtree_villages_geom');
    for (const t of ['gpkg_geometry_columns', 'gpkg_extensions', 'gpkg_contents']) db.prepare(`DELETE FROM ${t} WHERE table_name IN ('villages', 'rtree_villages_geom')`).run();
    db.prepare("UPDATE qt_meta SET value = ? WHERE key = 'schema_version'").run(String(LATEST_SCHEMA_VERSION - 1));
    db.close();
    return path;
  }

  it('adds the villages table and the conclusions’ fields, and their version trigger watches the new fields', () => {
    const path = oldFile();
    const s = ProjectStore.open(path);
    expect(s.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    s.applyEdit({ label: 'Thôn', put: [{ table: 'villages', geometry: { type: 'Point', coordinates: [X0, Y0] }, props: { name: 'Thôn 1', kind: 'thon', households: 10 } }] }, AUTHOR);
    const put = s.applyEdit({ label: 'KL', put: [{ table: 'conclusions', props: { level: 'village', unit_name: 'Thôn 1', date: '2019-06-01', outcome: 'concluded', attendees_elders: 4 } }] }, AUTHOR);
    const id = put.rows[0]!.id;
    expect(s.get('conclusions', id)!.props).toMatchObject({ outcome: 'concluded', attendees_elders: 4 });
    s.close();
    const db: Database.Database = openWritable(path);
    try {
      expect(db.prepare("SELECT data_type FROM gpkg_contents WHERE table_name = 'villages'").get()).toEqual({ data_type: 'features' });
      // Another tool changing a new field bumps the version (so a stale client gets a conflict).
      db.prepare('UPDATE conclusions SET outcome = ? WHERE uuid = ?').run('reconclude', id);
      expect(db.prepare('SELECT version FROM conclusions WHERE uuid = ?').get(id)).toEqual({ version: 2 });
    } finally {
      db.close();
    }
  });
});
