// Each check on small hand-made cases, edge cases included. Every case starts from a clean base
// (two communes with boundaries, sourced features) so a finding can only come from the fault.
import { describe, expect, it } from 'vitest';
import { area, communeA, communeB, form, found, grave, link, point, row, sourcedArea, sourcedGrave, square } from './helpers';

const base = () => [communeA(), communeB()];

describe('a clean case', () => {
  it('produces no findings', async () => {
    expect(await found([...base(), ...sourcedGrave('A', 500, 500), ...sourcedArea('B', square(1100, 100, 1300, 300))])).toEqual([]);
  });
});

describe('geometry.invalid / unclosed / empty', () => {
  it('finds a self-intersecting (bow-tie) area with GEOS and points at the crossing', async () => {
    const bow = { type: 'Polygon' as const, coordinates: [[[100, 100], [300, 300], [300, 100], [100, 300], [100, 100]]] };
    const rows = [...base(), ...sourcedArea('A', bow)];
    const fs = await found(rows);
    expect(fs.map((f) => f.rule)).toEqual(['geometry.invalid']);
    expect(fs[0].severity).toBe('error');
    expect(fs[0].vi).toMatch(/tự cắt tại 200\.0, 200\.0/);
    expect(fs[0].extent).toEqual([170, 170, 230, 230]);
  });
  it('says any other GEOS reason as a sentence, not in GEOS English', async () => {
    // A hole outside its shell: GEOS says "Hole lies outside shell[x y]".
    const holeOut = { type: 'Polygon' as const, coordinates: [[[100, 100], [300, 100], [300, 300], [100, 300], [100, 100]], [[500, 500], [600, 500], [600, 600], [500, 600], [500, 500]]] };
    const fs = await found([...base(), ...sourcedArea('A', holeOut)]);
    expect(fs.map((f) => f.rule)).toEqual(['geometry.invalid']);
    expect(fs[0].vi).toMatch(/hình học không hợp lệ \(một lỗ thủng nằm ngoài vùng chứa nó tại 500\.0, 500\.0\)/);
    expect(fs[0].en).toMatch(/invalid geometry \(a hole lies outside its area at 500\.0, 500\.0\)/);
    expect(`${fs[0].vi} ${fs[0].en}`).not.toMatch(/Hole lies outside shell/);
  });
  it('finds an unclosed ring and an empty geometry without handing them to GEOS', async () => {
    const open = { type: 'Polygon' as const, coordinates: [[[100, 100], [300, 100], [300, 300], [100, 300], [100, 110]]] };
    const empty = { type: 'MultiPolygon' as const, coordinates: [] };
    const rows = [...base(), ...sourcedArea('A', open), ...sourcedArea('A', empty)];
    expect((await found(rows)).map((f) => f.rule).sort()).toEqual(['geometry.empty', 'geometry.unclosed']);
  });
});

describe('commune.outside / crosses', () => {
  it('a grave exactly on the commune boundary is inside', async () => {
    expect(await found([...base(), ...sourcedGrave('A', 1000, 500), ...sourcedGrave('A', 0, 0)])).toEqual([]);
  });
  it('a grave a centimetre outside is outside', async () => {
    const fs = await found([...base(), ...sourcedGrave('A', 1000.01, 500)]);
    expect(fs.map((f) => [f.rule, f.severity, f.communeCode])).toEqual([['commune.outside', 'error', 'A']]);
  });
  it('an area over the boundary crosses it; one wholly in the neighbour is outside', async () => {
    const crossing = sourcedArea('A', square(900, 100, 1100, 200));
    const away = sourcedArea('A', square(1500, 100, 1600, 200));
    const fs = await found([...base(), ...crossing, ...away]);
    expect(fs.map((f) => [f.rule, f.id]).sort()).toEqual([['commune.crosses', crossing[0].id], ['commune.outside', away[0].id]].sort());
  });
  it('an area drawn up to the boundary (sharing its edge) does not cross it', async () => {
    expect(await found([...base(), ...sourcedArea('A', square(800, 0, 1000, 200))])).toEqual([]);
  });
  it('a feature that belongs to no commune is an error (no commune map would report it)', async () => {
    const fs = await found([...base(), ...sourcedGrave('A', 10, 10, { commune_code: null })]);
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['commune.unassigned', 'error']]);
    expect(fs[0].vi).toMatch(/không thuộc xã nào của dự án/);
  });
});

describe('areas.overlap', () => {
  it('touching along an edge or at a corner is not overlapping', async () => {
    const rows = [...base(), ...sourcedArea('A', square(100, 100, 200, 200)), ...sourcedArea('A', square(200, 100, 300, 200)), ...sourcedArea('A', square(300, 200, 400, 300))];
    expect(await found(rows)).toEqual([]);
  });
  it('overlapping interiors are an error naming both areas and the overlap', async () => {
    const a = sourcedArea('A', square(100, 100, 200, 200), { code: 'KV1' });
    const b = sourcedArea('A', square(150, 150, 250, 250), { code: 'KV2' });
    const fs = await found([...base(), ...a, ...b]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'areas.overlap', severity: 'error', id: b[0].id, otherId: a[0].id });
    expect(fs[0].vi).toMatch(/KV2.*KV1.*2500 m²/);
  });
  it('a vertex a rounding error inside its neighbour (traced onto the shared edge) is not an overlap; a centimetre is', async () => {
    const a = sourcedArea('A', square(100, 100, 200, 200));
    const poke = (dx: number) => ({ type: 'Polygon' as const, coordinates: [[[200, 100], [300, 100], [300, 200], [200, 200], [200 - dx, 150], [200, 100]]] });
    expect(await found([...base(), ...a, ...sourcedArea('A', poke(1e-10))])).toEqual([]);
    const fs = await found([...base(), ...a, ...sourcedArea('A', poke(0.01))]);
    expect(fs.map((f) => f.rule)).toEqual(['areas.overlap']);
  });
  it('one area inside another overlaps too', async () => {
    const fs = await found([...base(), ...sourcedArea('A', square(100, 100, 400, 400)), ...sourcedArea('A', square(200, 200, 300, 300))]);
    expect(fs.map((f) => f.rule)).toEqual(['areas.overlap']);
  });
});

describe('graves too close', () => {
  it('twice in one commune closer than N metres is a warning; exactly N metres is not reported', async () => {
    const near = [...sourcedGrave('A', 100, 100), ...sourcedGrave('A', 100, 119.9)];
    expect((await found([...base(), ...near])).map((f) => [f.rule, f.severity])).toEqual([['graves.near_same_commune', 'warning']]);
    const apart = [...sourcedGrave('A', 100, 100), ...sourcedGrave('A', 100, 120)];
    expect(await found([...base(), ...apart])).toEqual([]);
  });
  it('in two communes it is an error (one grave counted twice)', async () => {
    const fs = await found([...base(), ...sourcedGrave('A', 995, 500), ...sourcedGrave('B', 1005, 500)]);
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['graves.near_other_commune', 'error']]);
  });
  it('follows the project distance', async () => {
    const rows = [...base(), ...sourcedGrave('A', 100, 100), ...sourcedGrave('A', 100, 140)];
    expect(await found(rows, { distance: 20 })).toEqual([]);
    expect((await found(rows, { distance: 50 })).map((f) => f.rule)).toEqual(['graves.near_same_commune']);
  });
});

describe('links.no_source', () => {
  it('a grave linked only to a martyr, and an area linked to nothing, are reported', async () => {
    const g = grave('A', 100, 100);
    const m = row('martyrs', { full_name: 'Nguyễn Văn A', commune_code: 'A' });
    const a = area('A', square(300, 300, 400, 400));
    const fs = await found([...base(), g, m, link(g, m, 'buried_here'), a]);
    expect(fs.map((f) => [f.rule, f.id]).sort()).toEqual([['links.no_source', a.id], ['links.no_source', g.id]].sort());
  });
  it('a link in either direction to a form or a conclusion counts', async () => {
    const a = area('A', square(300, 300, 400, 400));
    const c = row('conclusions', { level: 'commune', unit_name: 'Xã A', date: '2019-01-01', commune_code: 'A' });
    expect(await found([...base(), a, c, link(c, a, 'concludes')])).toEqual([]);
  });
});

describe('props.required', () => {
  it('an area without status and a form with an unknown verification value', async () => {
    const a = sourcedArea('A', square(100, 100, 200, 200), { status: null });
    const f = form('A');
    f.props.verification = 'maybe';
    const g = grave('A', 500, 500);
    const fs = await found([...base(), ...a, g, f, link(g, f)]);
    expect(fs.map((x) => [x.rule, x.id]).sort()).toEqual([['props.required', a[0].id], ['props.required', f.id]].sort());
    expect(fs.find((x) => x.id === a[0].id)!.vi).toMatch(/Chưa nhập trường bắt buộc: Tình trạng/);
  });
});

describe('statistics', () => {
  const conclusion = (props: Record<string, number | null>) =>
    row('conclusions', { level: 'commune', unit_name: 'Xã A', date: '2019-06-20', commune_code: 'A', ...props });
  const linked = (c: ReturnType<typeof conclusion>) => {
    const a = area('A', square(100, 100, 200, 200));
    return [c, a, link(a, c, 'concludes')];
  };
  it('recovered + not recovered ≠ initially buried is an error', async () => {
    const c = conclusion({ initially_buried: 10, recovered: 6, not_recovered: 3 });
    const fs = await found([...base(), ...linked(c)]);
    expect(fs.map((f) => [f.rule, f.severity, f.id])).toEqual([['stats.inconsistent', 'error', c.id]]);
    expect(fs[0].vi).toMatch(/6 \+ chưa quy tập 3 = 9, khác số chôn cất ban đầu 10/);
  });
  it('consistent figures pass; recovered above initially buried fails even without the third figure', async () => {
    expect(await found([...base(), ...linked(conclusion({ initially_buried: 10, recovered: 6, not_recovered: 4 }))])).toEqual([]);
    expect((await found([...base(), ...linked(conclusion({ initially_buried: 3, recovered: 6, not_recovered: null }))])).map((f) => f.rule)).toEqual(['stats.inconsistent']);
  });
  it('family-cared graves on the map differing from the conclusion is a warning', async () => {
    const c = conclusion({ family_cared: 2 });
    const g = grave('A', 500, 500, { kind: 'family_cared' });
    const fs = await found([...base(), ...linked(c), g, link(g, c, 'concludes')]);
    expect(fs.map((f) => [f.rule, f.severity, f.communeCode])).toEqual([['stats.map_mismatch', 'warning', 'A']]);
    expect(fs[0].vi).toBe('Xã Xã A: số mộ liệt sĩ do gia đình chăm sóc, quản lý theo kết luận cấp xã là 2, bản đồ đếm được 1.');
    expect(fs[0].id).toBe(c.id);
    // The same figures summed from two villages' conclusions (each linked to an area): the same warning, on the first.
    const v1 = row('conclusions', { level: 'village', unit_name: 'Thôn 1', date: '2019-06-20', commune_code: 'A', family_cared: 1 });
    const v2 = row('conclusions', { level: 'village', unit_name: 'Thôn 2', date: '2019-06-21', commune_code: 'A', family_cared: 1 });
    const a2 = area('A', square(300, 300, 400, 400));
    const fv = await found([...base(), ...linked(v1), v2, a2, link(a2, v2, 'concludes'), g, link(g, v1, 'concludes')]);
    expect(fv.map((f) => [f.rule, f.id, f.vi])).toEqual([['stats.map_mismatch', v1.id, 'Xã Xã A: số mộ liệt sĩ do gia đình chăm sóc, quản lý theo tổng kết luận cấp thôn là 2, bản đồ đếm được 1.']]);
  });
});

describe('records and links', () => {
  it('a martyr linked to nothing, and a link to a row that is gone', async () => {
    const m = row('martyrs', { full_name: 'Trần Văn B', commune_code: 'A' });
    const g = sourcedGrave('A', 100, 100);
    const ghost = row('graves', { kind: 'newly_found', verification: 'not_verified', commune_code: 'A' }, point(1, 1));
    const dangling = link(g[1], ghost);
    const fs = await found([...base(), m, ...g, dangling]);
    expect(fs.map((f) => [f.rule, f.id]).sort()).toEqual([['links.dangling', dangling.id], ['records.orphan', m.id]].sort());
    expect(fs.find((f) => f.rule === 'links.dangling')!.communeCode).toBe('A');
  });
});

describe('base.no_boundary', () => {
  it('a project commune without boundary is an error; its features are not judged outside', async () => {
    const fs = await found([communeA(), ...sourcedGrave('B', 1500, 500)]);
    expect(fs.map((f) => [f.rule, f.severity, f.communeCode])).toEqual([['base.no_boundary', 'error', 'B']]);
  });
});
