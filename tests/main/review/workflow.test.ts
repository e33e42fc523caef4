// The commune map's life: submit, return with comments, resubmit, approve, locked, unlock; the role
// rules enforced on the main side (edits.apply, undo, redo and the review acts), every act recorded.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../src/shared/api';
import type { Row } from '../../../src/shared/model';
import { boot } from './boot';

describe('review workflow and permissions', () => {
  let env: Awaited<ReturnType<typeof boot>>;
  let info: Output<'project.info'>;
  let K: string;
  let N: string;
  let kGrave: Row;
  let nGrave: Row;
  let kOther: Row;
  const as = (name: string, role: 'commune_staff' | 'reviewer' | 'admin', communeCode: string | null = null) =>
    env.call('session.setOperator', { name, role, communeCode });
  const fresh = async (id: string) => env.call('rows.get', { table: 'graves', id });
  const name = (code: string) => info.settings.communes.find((c) => c.code === code)!.name;

  beforeAll(async () => {
    env = await boot();
    info = await env.call('project.openDemo', {});
    [K, N] = info.settings.communes.map((c) => c.code);
    const graves = (await env.call('features.query', { table: 'graves' })).rows;
    kGrave = graves.find((g) => g.props.commune_code === K)!;
    nGrave = graves.find((g) => g.props.commune_code === N)!;
    kOther = graves.find((g) => g.props.commune_code === K && g.id !== kGrave.id)!;
  }, 120_000);

  it('commune staff change only their own commune', async () => {
    await as('Cán bộ xã K', 'commune_staff', K);
    const ok = await env.call('edits.apply', { label: 'sửa mộ', put: [{ table: 'graves', id: kGrave.id, baseVersion: kGrave.meta.version, props: { description: 'đã sửa' } }] });
    expect(ok.rows[0].version).toBe(kGrave.meta.version + 1);
    const g = await fresh(nGrave.id);
    const err = await env.callErr('edits.apply', { put: [{ table: 'graves', id: g.id, baseVersion: g.meta.version, props: { description: 'x' } }] });
    expect(err.code).toBe('forbidden');
    expect(err.vi).toMatch(/không được sửa đối tượng của xã/);
    // A feature belongs to the commune its geometry lies in: moving one's own grave into another
    // commune, or drawing one there, is refused whatever commune_code the request claims.
    const k = await fresh(kGrave.id);
    const inN = nGrave.geometry!;
    const moved = await env.callErr('edits.apply', { put: [{ table: 'graves', id: k.id, baseVersion: k.meta.version, geometry: inN, props: { commune_code: K } }] });
    expect(moved.code).toBe('forbidden');
    expect(moved.vi).toMatch(new RegExp(`thuộc xã ${name(N)}, không thuộc xã ${name(K)}`));
    const insert = { table: 'graves' as const, id: randomUUID(), geometry: inN, props: { kind: 'newly_found', verification: 'not_verified', commune_code: K } };
    expect((await env.callErr('edits.apply', { put: [insert] })).code).toBe('forbidden');
    // A commune_code naming another commune is overwritten by the geometry's, not obeyed.
    const claimed = await env.call('edits.apply', { put: [{ table: 'graves', id: k.id, baseVersion: k.meta.version, props: { commune_code: N } }] });
    expect((await fresh(kGrave.id)).props.commune_code).toBe(K);
    await env.call('edits.undo', {});
    expect(claimed.rows).toHaveLength(1);
    const link = { table: 'links' as const, props: { from_table: 'graves', from_id: nGrave.id, to_table: 'graves', to_id: kGrave.id, role: 'related' } };
    expect((await env.callErr('edits.apply', { put: [link] })).code).toBe('forbidden');
    // Attaching a photo to another commune's grave is an edit of that commune too.
    const photo = { ownerTable: 'graves' as const, ownerId: nGrave.id, filename: 'anh.jpg', mime: 'image/jpeg', dataBase64: Buffer.from('ảnh').toString('base64') };
    expect((await env.callErr('attachments.upload', photo)).code).toBe('forbidden');
    expect((await env.call('attachments.upload', { ...photo, ownerId: kGrave.id })).size).toBe(Buffer.from('ảnh').length);
    // Nothing was written by the refused edits.
    expect((await fresh(nGrave.id)).meta.version).toBe(nGrave.meta.version);
  });

  it('only reviewers return, approve or unlock; staff submit only their own commune', async () => {
    await as('Cán bộ xã K', 'commune_staff', K);
    expect((await env.callErr('review.act', { communeCode: N, act: 'submit' })).code).toBe('forbidden');
    expect((await env.callErr('review.act', { communeCode: K, act: 'approve' })).code).toBe('forbidden');
    const submitted = await env.call('review.act', { communeCode: K, act: 'submit' });
    expect(submitted).toMatchObject({ state: 'submitted', updatedBy: 'Cán bộ xã K' });
    expect((await env.callErr('review.act', { communeCode: K, act: 'return', note: 'x' })).code).toBe('forbidden');
    expect((await env.callErr('review.act', { communeCode: K, act: 'submit' })).code).toBe('conflict');
  });

  it('a reviewer comments on a feature and returns the map; staff see the open comment and reply', async () => {
    await as('Thẩm định viên', 'reviewer');
    expect((await env.callErr('review.act', { communeCode: K, act: 'return' })).code).toBe('validation');
    const c = await env.call('review.comment.add', { communeCode: K, table: 'graves', featureId: kGrave.id, text: 'Vị trí mộ lệch, kiểm tra lại' });
    expect(c).toMatchObject({ author: 'Thẩm định viên', role: 'reviewer', resolved: false, table: 'graves' });
    const pin = await env.call('review.comment.add', { communeCode: K, x: 1, y: 2, text: 'Thiếu khu vực ở đây?' });
    const returned = await env.call('review.act', { communeCode: K, act: 'return', note: 'Sửa theo góp ý' });
    expect(returned.state).toBe('returned');

    await as('Cán bộ xã K', 'commune_staff', K);
    const open = await env.call('review.comments', { communeCode: K, openOnly: true });
    expect(open.map((o) => o.id).sort()).toEqual([c.id, pin.id].sort());
    await env.call('review.comment.add', { communeCode: K, parentId: c.id, text: 'Đã sửa vị trí' });
    expect((await env.callErr('review.comment.add', { communeCode: N, x: 0, y: 0, text: 'x' })).code).toBe('forbidden');
    expect((await env.callErr('review.comment.add', { communeCode: K, text: 'không ghim' })).code).toBe('validation');
    // Staff answer; the reviewer judges whether the answer settles the comment.
    const staffResolve = await env.callErr('review.comment.resolve', { id: c.id, resolved: true });
    expect(staffResolve.code).toBe('forbidden');
    expect(staffResolve.vi).toMatch(/Chỉ cán bộ thẩm định \(hoặc quản trị\) mới đánh dấu góp ý đã xử lý/);
    expect((await env.call('review.comments', { communeCode: K, openOnly: true })).map((o) => o.id)).toContain(c.id);
    await as('Thẩm định viên', 'reviewer');
    await env.call('review.comment.resolve', { id: c.id, resolved: true });
    await env.call('review.comment.resolve', { id: pin.id, resolved: true });
    expect(await env.call('review.comments', { communeCode: K, openOnly: true })).toEqual([expect.objectContaining({ parentId: c.id })]);
    await as('Cán bộ xã K', 'commune_staff', K);
    expect((await env.call('review.act', { communeCode: K, act: 'submit' })).state).toBe('submitted');
  });

  it('submission is refused while the checks find errors', async () => {
    await as('Cán bộ xã N', 'commune_staff', N);
    // A small search area drawn inside an existing one of N: an overlap, an error.
    const host = (await env.call('features.query', { table: 'search_areas' })).rows.find((r) => r.props.commune_code === N)!;
    const ring = (host.geometry as { coordinates: number[][][][] }).coordinates[0]![0]!;
    const cx = ring.slice(0, -1).reduce((a, p) => a + p[0]!, 0) / (ring.length - 1);
    const cy = ring.slice(0, -1).reduce((a, p) => a + p[1]!, 0) / (ring.length - 1);
    const sq = [[cx - 20, cy - 20], [cx + 20, cy - 20], [cx + 20, cy + 20], [cx - 20, cy + 20], [cx - 20, cy - 20]];
    await env.call('edits.apply', { put: [{ table: 'search_areas', geometry: { type: 'Polygon', coordinates: [sq] }, props: { status: 'continuing' } }] });
    const err = await env.callErr('review.act', { communeCode: N, act: 'submit' });
    expect(err.code).toBe('validation');
    expect(err.vi).toMatch(/còn 1 lỗi/);
    expect((err.details as any).findings[0].rule).toBe('areas.overlap');
    await env.call('edits.undo', {});
    expect((await env.call('review.act', { communeCode: N, act: 'submit' })).state).toBe('submitted');
  });

  it('an approved map is locked for everyone, undo and redo included, until a reviewer unlocks it with a reason', async () => {
    const put = (g: Row, description: string, label = '') => env.call('edits.apply', { label, put: [{ table: 'graves', id: g.id, baseVersion: g.meta.version, props: { description } }] });
    // K is submitted: its staff wait until the district returns it.
    await as('Thẩm định viên', 'reviewer');
    await env.call('review.act', { communeCode: K, act: 'return', note: 'Bổ sung mô tả mộ' });
    await as('Cán bộ xã K', 'commune_staff', K);
    await put(await fresh(kGrave.id), 'trước phê duyệt');
    // An edit undone before the approval: redoing it would write into the approved commune.
    await put(await fresh(kGrave.id), 'làm lại sau phê duyệt', 'sẽ làm lại');
    await env.call('edits.undo', {});
    expect(await env.call('edits.state', {})).toMatchObject({ canRedo: true, redoLabel: 'sẽ làm lại' });
    await env.call('review.act', { communeCode: K, act: 'submit' });
    // The others have an edit of commune K of their own to undo (each operator undoes their own);
    // reviewers may still correct a submitted map.
    await as('Quản trị', 'admin');
    await put(await fresh(kOther.id), 'quản trị sửa', 'quản trị sửa');
    await as('Thẩm định viên', 'reviewer');
    await put(await fresh(kOther.id), 'thẩm định sửa', 'thẩm định sửa');
    const approved = await env.call('review.act', { communeCode: K, act: 'approve' });
    expect(approved.state).toBe('approved');
    for (const who of [() => as('Cán bộ xã K', 'commune_staff', K), () => as('Quản trị', 'admin'), () => as('Thẩm định viên', 'reviewer')]) {
      await who();
      const g = await fresh(kGrave.id);
      const err = await env.callErr('edits.apply', { put: [{ table: 'graves', id: g.id, baseVersion: g.meta.version, props: { description: 'sau phê duyệt' } }] });
      expect(err.code).toBe('forbidden');
      expect(err.vi).toMatch(/đã được phê duyệt và đang khóa/);
      expect((await env.call('edits.state', {})).canUndo).toBe(true);
      const undo = await env.callErr('edits.undo', {});
      expect(undo.code).toBe('forbidden');
      expect(undo.vi).toMatch(/đã được phê duyệt và đang khóa/);
    }
    await as('Cán bộ xã K', 'commune_staff', K);
    const redo = await env.callErr('edits.redo', {});
    expect(redo.code).toBe('forbidden');
    expect(redo.vi).toMatch(/đã được phê duyệt và đang khóa/);
    expect((await fresh(kGrave.id)).props.description).toBe('trước phê duyệt');
    expect((await fresh(kOther.id)).props.description).toBe('thẩm định sửa');
    expect(await env.call('edits.state', {})).toMatchObject({ canRedo: true, redoLabel: 'sẽ làm lại' });
    expect((await env.callErr('review.act', { communeCode: K, act: 'unlock', note: 'x' })).code).toBe('forbidden');
    await as('Thẩm định viên', 'reviewer');
    expect((await env.callErr('review.act', { communeCode: K, act: 'unlock' })).code).toBe('validation');
    expect((await env.call('review.act', { communeCode: K, act: 'unlock', note: 'Bổ sung mộ mới phát hiện' })).state).toBe('draft');
    // Unlocked: the reviewer's undo takes back the reviewer's own edit, not the staff's later ones.
    await env.call('edits.undo', {});
    expect((await fresh(kOther.id)).props.description).toBe('quản trị sửa');
    expect((await fresh(kGrave.id)).props.description).toBe('trước phê duyệt');
    await as('Cán bộ xã K', 'commune_staff', K);
    await env.call('edits.redo', {});
    expect((await fresh(kGrave.id)).props.description).toBe('làm lại sau phê duyệt');
    await env.call('edits.undo', {});
    await env.call('edits.undo', {});
    expect((await fresh(kGrave.id)).props.description).toBe('đã sửa');
  });

  it('records who did what and when, and shows it in the overview', async () => {
    const acts = await env.call('review.history', { communeCode: K });
    expect(acts.map((a) => [a.from, a.to, a.author])).toEqual([
      ['draft', 'submitted', 'Cán bộ xã K'],
      ['submitted', 'returned', 'Thẩm định viên'],
      ['returned', 'submitted', 'Cán bộ xã K'],
      ['submitted', 'returned', 'Thẩm định viên'],
      ['returned', 'submitted', 'Cán bộ xã K'],
      ['submitted', 'approved', 'Thẩm định viên'],
      ['approved', 'draft', 'Thẩm định viên'],
    ]);
    expect(acts[6].note).toBe('Bổ sung mộ mới phát hiện');
    expect(acts.every((a) => !Number.isNaN(Date.parse(a.at)))).toBe(true);
    const o = await env.call('review.overview', {});
    const k = o.communes.find((c) => c.communeCode === K)!;
    expect(k).toMatchObject({ state: 'draft', updatedBy: 'Thẩm định viên', hasBoundary: true, openComments: 0 });
    // Exact counts of this commune's own areas and graves, read back feature by feature.
    const areas = (await env.call('features.query', { table: 'search_areas' })).rows;
    const graves = (await env.call('features.query', { table: 'graves' })).rows;
    const count = (rows: Row[], field: string, values: readonly string[]) =>
      Object.fromEntries(values.map((v) => [v, rows.filter((r) => r.props.commune_code === K && r.props[field] === v).length]));
    expect(k.counts.areasByStatus).toEqual(count(areas, 'status', ['done', 'continuing', 'not_started', 'no_result', 'unclear']));
    expect(k.counts.gravesByKind).toEqual(count(graves, 'kind', ['newly_found', 'family_cared', 'unidentified']));
    expect(areas.some((a) => a.props.commune_code !== K)).toBe(true); // other communes' areas exist and are not counted
    expect(k.findings).toMatchObject({ errors: 0 });
    expect(o.communes.find((c) => c.communeCode === N)!.state).toBe('submitted');
  });

  it('the grave distance is a reviewer setting, recorded', async () => {
    await as('Cán bộ xã K', 'commune_staff', K);
    expect((await env.callErr('review.config', { minGraveDistance: 5 })).code).toBe('forbidden');
    await as('Thẩm định viên', 'reviewer');
    expect(await env.call('review.config', {})).toEqual({ minGraveDistance: 20 });
    expect(await env.call('review.config', { minGraveDistance: 5000 })).toEqual({ minGraveDistance: 5000 });
    const r = await env.call('review.run', { communes: [K] });
    expect(r.findings.some((f) => f.rule === 'graves.near_same_commune')).toBe(true);
    await env.call('review.config', { minGraveDistance: 20 });
  });

  it('statistics: six figures per commune with totals and the map counts; CSV with BOM', async () => {
    const s = await env.call('review.statistics', {});
    expect(s.rows).toHaveLength(info.settings.communes.length);
    const conclusions = (await env.call('records.query', { table: 'conclusions' })).rows;
    for (const r of s.rows) {
      const c = conclusions.find((x) => x.props.commune_code === r.communeCode)!;
      expect(r.figures.initially_buried).toBe(c.props.initially_buried);
      expect(r.figures.recovered! + r.figures.not_recovered!).toBe(r.figures.initially_buried);
      expect(r.mismatches).toEqual([]);
      expect(r.map.gravesFamilyCared).toBe(r.figures.family_cared);
    }
    expect(s.totals.initially_buried).toBe(s.rows.reduce((a, r) => a + r.figures.initially_buried!, 0));
    const csv = await env.call('review.statisticsCsv', {});
    expect(csv.csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(s.rows.length + 2);
    expect(lines[0]).toMatch(/^Mã xã,Xã,Trạng thái bản đồ,Nguồn số liệu,Số liệt sĩ chôn cất ban đầu,/);
    expect(lines.at(-1)).toContain(`Tổng cộng,,,${s.totals.initially_buried},`);
  });
});

describe('district statistics as PDF', () => {
  it('is a one-page A4 landscape PDF whose text poppler reads back in Vietnamese, with the figures', async () => {
    const { execFileSync } = await import('node:child_process');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const env = await boot();
    await env.call('project.openDemo', {});
    const s = await env.call('review.statistics', {});
    const pdf = await env.call('review.statisticsPdf', {});
    expect(pdf.fileName).toMatch(/^bao-cao-thong-ke-quy-tap-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = join(env.dir, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1/);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('BẢNG TỔNG HỢP SỐ LIỆU TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ');
    for (const r of s.rows) expect(text).toContain(r.communeName);
    expect(text).toMatch(new RegExp(`Tổng cộng\\s+${s.totals.initially_buried}\\s+${s.totals.recovered}\\s+${s.totals.not_recovered}`));
    expect(text).toContain('Đang lập');
  }, 120_000);
});
