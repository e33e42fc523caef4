// The pure parts of the review: candidate pairs, ring facts, the state table, the CSV.
import { describe, expect, it } from 'vitest';
import { boxPairs, nearPairs } from '../../../src/shared/review/grid';
import { ringProblem } from '../../../src/shared/review/rings';
import { actRefusal, stateRefusal, TRANSITIONS } from '../../../src/shared/review/state';
import { statisticsCsv } from '../../../src/shared/review/csv';
import { communeStatistics, districtTotals, emptyFigures, inconsistency, type CommuneStatistics, type StatRecord } from '../../../src/shared/review/statistics';
import type { Row } from '../../../src/shared/model';

describe('grid pairs', () => {
  it('nearPairs finds each close pair once, strictly closer than the distance, across cell edges', () => {
    const pts = [[0, 0], [19.99, 0], [40, 0], [-0.5, -19.9], [1000, 1000]];
    expect(nearPairs(pts, 20).map((p) => p.join('-')).sort()).toEqual(['0-1', '0-3'].sort());
    expect(nearPairs([[0, 0], [20, 0]], 20)).toEqual([]);
    expect(nearPairs(pts, 0)).toEqual([]);
  });
  it('nearPairs agrees with brute force on random points', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 500;
    const pts = Array.from({ length: 400 }, () => [rnd(), rnd()]);
    const brute: string[] = [];
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) if (Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]) < 15) brute.push(`${i}-${j}`);
    expect(nearPairs(pts, 15).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`).sort()).toEqual(brute.sort());
  });
  it('boxPairs reports touching and overlapping boxes once, even when they share many cells', () => {
    const boxes: [number, number, number, number][] = [[0, 0, 100, 100], [100, 0, 200, 100], [50, 50, 400, 400], [500, 500, 600, 600]];
    expect(boxPairs(boxes, 30).map((p) => p.join('-')).sort()).toEqual(['0-1', '0-2', '1-2'].sort());
  });
});

describe('ringProblem', () => {
  it('tells empty, unclosed and short rings apart from judgeable ones', () => {
    expect(ringProblem(null)).toEqual({ kind: 'empty' });
    expect(ringProblem({ type: 'MultiPolygon', coordinates: [] })).toEqual({ kind: 'empty' });
    expect(ringProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 2]]] })).toEqual({ kind: 'unclosed', at: [0, 2] });
    expect(ringProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })?.kind).toBe('too_short');
    expect(ringProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })).toBeNull();
    expect(ringProblem({ type: 'Point', coordinates: [1, 2] })).toBeNull();
  });
});

describe('review states', () => {
  it('follows draft → submitted → returned/approved; approved only leaves by unlock', () => {
    expect(stateRefusal('draft', 'submit')).toBeNull();
    expect(stateRefusal('returned', 'submit')).toBeNull();
    expect(stateRefusal('draft', 'approve')?.vi).toMatch(/Đang lập/);
    expect(stateRefusal('approved', 'submit')).not.toBeNull();
    expect(stateRefusal('approved', 'return')).not.toBeNull();
    expect(TRANSITIONS.unlock).toEqual({ from: ['approved'], to: 'draft' });
  });
  it('role rules', () => {
    const staff = { name: 'a', role: 'commune_staff' as const, communeCode: '1' };
    expect(actRefusal(staff, 'submit', '1')).toBeNull();
    expect(actRefusal(staff, 'submit', '2')).not.toBeNull();
    expect(actRefusal(staff, 'approve', '1')?.vi).toMatch(/Chỉ cán bộ thẩm định/);
    expect(actRefusal({ name: 'r', role: 'reviewer', communeCode: null }, 'approve', '1')).toBeNull();
    expect(actRefusal({ name: 'r', role: 'reviewer', communeCode: null }, 'submit', '1')).not.toBeNull();
    expect(actRefusal({ name: 'q', role: 'admin', communeCode: null }, 'submit', '1')).toBeNull();
    expect(actRefusal({ name: 's', role: 'commune_staff', communeCode: null }, 'submit', '2')).toBeNull();
    expect(actRefusal(null, 'submit', '1')).not.toBeNull();
  });
});

describe('statistics', () => {
  const c = (p: Record<string, unknown>) => ({ props: p }) as unknown as Row;
  it('inconsistency only when the figures contradict', () => {
    expect(inconsistency(c({ initially_buried: 5, recovered: 2, not_recovered: 3 }))).toBeNull();
    expect(inconsistency(c({ initially_buried: 5, recovered: 2, not_recovered: 2 }))).not.toBeNull();
    expect(inconsistency(c({ initially_buried: null, recovered: 2, not_recovered: 2 }))).toBeNull();
    // Without "not recovered": only more recovered than buried contradicts; all recovered is fine.
    expect(inconsistency(c({ initially_buried: 5, recovered: 5 }))).toBeNull();
    expect(inconsistency(c({ initially_buried: 5, recovered: 6 }))).toEqual({ initially: 5, recovered: 6, notRecovered: null });
    expect(inconsistency(c({ initially_buried: 5, recovered: 0, not_recovered: 5 }))).toBeNull();
    expect(inconsistency(c({ initially_buried: 5, recovered: 5, not_recovered: 1 }))).toEqual({ initially: 5, recovered: 5, notRecovered: 1 });
  });
  it('CSV: BOM, CRLF, quoted Vietnamese names, totals row', () => {
    const f = { ...emptyFigures(), initially_buried: 7, recovered: 4, not_recovered: 3 };
    const row: CommuneStatistics & { state: 'approved' } = {
      communeCode: '1',
      communeName: 'Đắk Drô, "cũ"',
      figures: f,
      source: 'commune',
      conclusionIds: [],
      date: '2019-06-20',
      map: {
        graves: 2,
        gravesNewlyFound: 1,
        gravesFamilyCared: 1,
        gravesByKind: { newly_found: 1, family_cared: 1, unidentified: 0 },
        areas: 3,
        areasByStatus: { done: 1, continuing: 1, not_started: 1, no_result: 0, unclear: 0 },
        estimatedRemainsOpen: 4,
      },
      mismatches: ['family_cared'],
      state: 'approved',
    };
    const csv = statisticsCsv([row], districtTotals([row]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('1,"Đắk Drô, ""cũ""",Đã phê duyệt,Kết luận cấp xã,7,4,3,,,,2,1,3,1,1,1,0,0,4,"Số mộ liệt sĩ do gia đình chăm sóc, quản lý (bản đồ 1)"');
    expect(lines[2]).toBe(',Tổng cộng,,,7,4,3,,,,2,1,3,1,1,1,0,0,4,"Số mộ liệt sĩ do gia đình chăm sóc, quản lý"');
  });
});

describe('the conclusion levels rule (communeStatistics)', () => {
  const con = (level: string, date: string, f: number, extra: Record<string, unknown> = {}): StatRecord => ({
    id: `${level}-${date}-${f}`,
    props: { level, date, commune_code: 'A', unit_name: 'x', initially_buried: f, family_cared: f, ...extra } as StatRecord['props'],
  });
  const grave = (code: string, kind: string): StatRecord => ({ props: { commune_code: code, kind } });
  const area = (code: string, status: string, estimated_remains: number | null): StatRecord => ({ props: { commune_code: code, status, estimated_remains } });
  const stats = (conclusions: StatRecord[], graves: StatRecord[] = [], areas: StatRecord[] = []) =>
    communeStatistics(
      [
        { code: 'A', name: 'Xã A' },
        { code: 'B', name: 'Xã B' },
      ],
      { conclusions, graves, search_areas: areas },
    );

  it('a district conclusion wins over later commune ones; commune over villages; villages summed, latest per village', () => {
    const v = [con('village', '2019-01-01', 1, { unit_name: 'Thôn 1' }), con('village', '2019-02-01', 2, { unit_name: 'thôn  1' }), con('village', '2019-01-05', 4, { unit_name: 'Thôn 2' })];
    expect(stats(v)[0]).toMatchObject({ source: 'village', date: '2019-02-01', conclusionIds: [v[1].id, v[2].id] });
    expect(stats(v)[0].figures.initially_buried).toBe(6);
    const c = [con('commune', '2019-03-01', 10), con('commune', '2019-04-01', 20)];
    expect(stats([...v, ...c])[0]).toMatchObject({ source: 'commune', conclusionIds: [c[1].id] });
    const d = con('district', '2019-02-15', 30);
    expect(stats([...v, ...c, d])[0]).toMatchObject({ source: 'district', conclusionIds: [d.id], date: '2019-02-15' });
    // The same date at the same level: the one written later counts.
    const again = con('commune', '2019-04-01', 25);
    expect(stats([...c, again])[0].figures.initially_buried).toBe(25);
    expect(stats([])[0]).toMatchObject({ source: 'none', figures: emptyFigures(), mismatches: [] });
    // Commune B has none of A's conclusions.
    expect(stats([...v, ...c, d])[1].source).toBe('none');
  });

  it('village conclusions naming their village row are told apart by it, not by a shared name', () => {
    // Two villages both called "Thôn 1" in their minutes (issue 18 links a conclusion to its village row).
    const v = [con('village', '2019-01-01', 1, { unit_name: 'Thôn 1', village_id: 'v-a' }), con('village', '2019-01-02', 2, { unit_name: 'Thôn 1', village_id: 'v-b' })];
    expect(stats(v)[0].figures.initially_buried).toBe(3);
    // The same village twice: the latest counts.
    const again = con('village', '2019-03-01', 5, { unit_name: 'Thôn Một', village_id: 'v-a' });
    expect(stats([...v, again])[0].figures.initially_buried).toBe(7);
  });

  it('the map counts each commune’s own features; open areas’ estimated remains; a mismatch only on family-cared graves', () => {
    const graves = [grave('A', 'family_cared'), grave('A', 'newly_found'), grave('B', 'family_cared'), grave('B', 'family_cared'), grave('B', 'unidentified')];
    const areas = [area('A', 'done', 5), area('A', 'continuing', 3), area('A', 'no_result', null), area('B', 'done', 7), area('B', 'unclear', 2), area('B', 'unclear', 1)];
    const [a, b] = stats([con('commune', '2019-01-01', 1, { initially_buried: 99 }), con('commune', '2019-01-01', 2, { commune_code: 'B' })], graves, areas);
    expect(a.map).toEqual({
      graves: 2,
      gravesNewlyFound: 1,
      gravesFamilyCared: 1,
      gravesByKind: { newly_found: 1, family_cared: 1, unidentified: 0 },
      areas: 3,
      areasByStatus: { done: 1, continuing: 1, not_started: 0, no_result: 1, unclear: 0 },
      estimatedRemainsOpen: 3,
    });
    expect(b.map.areasByStatus).toEqual({ done: 1, continuing: 0, not_started: 0, no_result: 0, unclear: 2 });
    expect(b.map.estimatedRemainsOpen).toBe(3);
    expect(a.mismatches).toEqual([]); // 99 initially buried: the map has no count to set against it
    expect(b.mismatches).toEqual([]);
    const [, b2] = stats([con('commune', '2019-01-01', 3, { commune_code: 'B' })], graves, areas);
    expect(b2.mismatches).toEqual(['family_cared']);
    expect(districtTotals([a, b2])).toMatchObject({ mismatches: ['family_cared'], mapTotals: { gravesFamilyCared: 3, estimatedRemainsOpen: 6, areas: 6 } });
  });
});
