// The lessons' checks over rows made by hand: each accepts the right result and refuses a wrong one
// with a sentence naming what is wrong.
import { describe, expect, it } from 'vitest';
import type { Geometry, Position, Row, TableName } from '../../../src/shared/model';
import { contains, distanceToBoundary, interiorPoint } from '../../../src/shared/training/geometry';
import { LESSONS, LESSON_IDS, lessonById, type LessonData, type PracticeSetup } from '../../../src/shared/training/lessons';

// A 2 km square commune with its south-west corner at (500 000, 1 300 000).
const X0 = 500_000;
const Y0 = 1_300_000;
const square: Geometry = { type: 'MultiPolygon', coordinates: [[[[X0, Y0], [X0 + 2000, Y0], [X0 + 2000, Y0 + 2000], [X0, Y0 + 2000], [X0, Y0]]]] };
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
function row(table: TableName, geometry: Geometry | null, props: Row['props'] = {}, rowId = id()): Row {
  const at = '2026-12-05T01:00:00.000Z';
  return { table, id: rowId, geometry, props, meta: { version: 1, createdAt: at, createdBy: 'hv', updatedAt: at, updatedBy: 'hv', deleted: false } };
}
const point = (p: Position): Geometry => ({ type: 'Point', coordinates: p });
const setup: PracticeSetup = {
  communeCode: '24688',
  communeName: 'Nam Đà',
  form: [X0 + 1000, Y0 + 1000],
  formNumber: 'LT-24688-01',
  gpsFile: 'gps-luyen-tap-an.gpx',
  gps: [[X0 + 500, Y0 + 500], [X0 + 600, Y0 + 500], [X0 + 700, Y0 + 500]],
  seeded: [id(), id()],
};
const seededPair = (gap: number) => [row('graves', point([X0 + 1500, Y0 + 1500]), { name: 'Mộ số 7 (luyện tập)' }, setup.seeded[0]), row('graves', point([X0 + 1500 + gap, Y0 + 1500]), { name: 'Mộ số 7 (ghi trùng)' }, setup.seeded[1])];

function data(over: Partial<LessonData> = {}, rows: Partial<LessonData['rows']> = {}): LessonData {
  return {
    communes: [{ code: '24688', name: 'Nam Đà' }],
    focus: '24688',
    setup,
    boundary: square,
    rows: { search_areas: [], graves: [], martyrs: [], links: [], points: [], ...rows },
    seededGraves: seededPair(1),
    prints: [],
    minGraveDistance: 20,
    state: 'draft',
    ...over,
  };
}
const refusal = (r: ReturnType<(typeof LESSONS)[number]['check']>) => (r.ok ? null : r.vi);

describe('lessons: data', () => {
  it('are eight, in order, each with Vietnamese and English task, steps and a control to point at', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSON_IDS]);
    expect(LESSONS).toHaveLength(8);
    for (const l of LESSONS) {
      expect(l.task(setup).vi.length).toBeGreaterThan(10);
      expect(l.task(setup).en.length).toBeGreaterThan(10);
      expect(l.steps.length).toBeGreaterThan(0);
      expect(l.target).toMatch(/^\[data-testid="[a-z-]+"\]$/);
    }
  });
  it('the grave lesson quotes the form as surveyors write it: X the northing, Y the easting', () => {
    expect(lessonById('grave').task(setup).vi).toContain(`X = ${Y0 + 1000}, Y = ${X0 + 1000}`);
  });
});

describe('lessons: checks', () => {
  it('commune: a commune of the project must be focused', () => {
    expect(lessonById('commune').check(data()).ok).toBe(true);
    expect(refusal(lessonById('commune').check(data({ focus: null })))).toMatch(/Chưa chọn xã/);
    expect(refusal(lessonById('commune').check(data({ focus: '99999' })))).toMatch(/không thuộc dự án luyện tập/);
  });

  it('area: inside the commune with two vertices on its boundary; refused when not along it or outside', () => {
    const along = row('search_areas', { type: 'Polygon', coordinates: [[[X0 + 100, Y0 + 0.5], [X0 + 600, Y0 + 0.5], [X0 + 400, Y0 + 400], [X0 + 100, Y0 + 0.5]]] });
    const inner = row('search_areas', { type: 'Polygon', coordinates: [[[X0 + 100, Y0 + 100], [X0 + 600, Y0 + 100], [X0 + 400, Y0 + 400], [X0 + 100, Y0 + 100]]] });
    const outside = row('search_areas', { type: 'Polygon', coordinates: [[[X0 - 900, Y0], [X0 - 400, Y0], [X0 - 600, Y0 - 400], [X0 - 900, Y0]]] });
    const check = lessonById('area').check;
    expect(check(data({}, { search_areas: [along] })).ok).toBe(true);
    expect(refusal(check(data({}, { search_areas: [] })))).toMatch(/Chưa có khu vực tìm kiếm mới/);
    expect(refusal(check(data({}, { search_areas: [inner] })))).toMatch(/chưa bám theo ranh giới xã Nam Đà/);
    expect(refusal(check(data({}, { search_areas: [outside] })))).toMatch(/nằm ra ngoài xã Nam Đà/);
  });

  it('grave: within 5 m of the form; a grave 300 m off is refused naming the distance and the form’s X/Y', () => {
    const check = lessonById('grave').check;
    expect(check(data({}, { graves: [row('graves', point([X0 + 1003, Y0 + 1003]))] })).ok).toBe(true);
    const off = refusal(check(data({}, { graves: [row('graves', point([X0 + 1300, Y0 + 1000]))] })));
    expect(off).toMatch(/cách vị trí ghi trên phiếu 300 m/);
    expect(off).toContain(`X = ${Y0 + 1000}, Y = ${X0 + 1000}`);
    // X and Y swapped (easting typed as X) lands far away: refused too.
    expect(check(data({}, { graves: [row('graves', point([X0 + 1006, Y0 + 1000]))] })).ok).toBe(false);
    expect(refusal(check(data()))).toMatch(/Chưa có mộ mới/);
    // The seeded duplicates are not the learner's grave, however close they are.
    expect(check(data({}, { graves: [row('graves', point(setup.form), {}, setup.seeded[0])] })).ok).toBe(false);
  });

  it('form: the form’s grave named and linked to a martyr', () => {
    const check = lessonById('form').check;
    const g = row('graves', point(setup.form), { name: 'Mộ liệt sĩ Nguyễn Văn A' });
    const link = row('links', null, { from_table: 'graves', from_id: g.id, to_table: 'martyrs', to_id: id(), role: 'buried_here' });
    expect(check(data({}, { graves: [g], links: [link] })).ok).toBe(true);
    expect(refusal(check(data({}, { graves: [g] })))).toMatch(/chưa liên kết với liệt sĩ/);
    const unnamed = row('graves', point(setup.form), { name: ' ' });
    expect(refusal(check(data({}, { graves: [unnamed], links: [{ ...link, props: { ...link.props, from_id: unnamed.id } }] })))).toMatch(/Mộ chưa có tên/);
    const otherLink = row('links', null, { from_table: 'graves', from_id: id(), to_table: 'martyrs', to_id: id(), role: 'buried_here' });
    expect(check(data({}, { graves: [g], links: [otherLink] })).ok).toBe(false);
  });

  it('import: every waypoint of the GPS file imported', () => {
    const check = lessonById('import').check;
    const pts = setup.gps.map((p) => row('info_points', point([p[0]! + 0.3, p[1]!])));
    expect(check(data({}, { points: pts })).ok).toBe(true);
    expect(refusal(check(data({}, { points: pts.slice(0, 2) })))).toMatch(/Mới nhập được 2 trên 3 điểm GPS/);
    expect(refusal(check(data()))).toMatch(/Chưa thấy điểm GPS nào/);
  });

  it('review: the two seeded graves no longer closer than the minimum distance', () => {
    const check = lessonById('review').check;
    expect(refusal(check(data()))).toMatch(/vẫn chỉ cách nhau 1.0 m/);
    expect(check(data({ seededGraves: seededPair(1).slice(0, 1) })).ok).toBe(true);
    expect(check(data({ seededGraves: seededPair(25) })).ok).toBe(true);
  });

  it('print: an A3 sheet (either way round) printed; an A4 one is refused naming its size', () => {
    const check = lessonById('print').check;
    expect(check(data({ prints: [{ fileName: 'a.pdf', widthMm: 420.0, heightMm: 296.9 }] })).ok).toBe(true);
    expect(refusal(check(data({ prints: [{ fileName: 'b.pdf', widthMm: 210, heightMm: 297 }] })))).toMatch(/210 × 297 mm, chưa phải A3/);
    expect(refusal(check(data()))).toMatch(/Chưa in tờ bản đồ nào/);
  });

  it('submit: the commune’s map submitted', () => {
    const check = lessonById('submit').check;
    expect(check(data({ state: 'submitted' })).ok).toBe(true);
    expect(refusal(check(data({ state: 'draft' })))).toMatch(/chưa được trình duyệt/);
  });

  it('every lesson after the first asks for the commune first', () => {
    for (const l of LESSONS.slice(1, 6)) expect(refusal(l.check(data({ setup: null })))).toMatch(/hãy làm bài 1/);
  });
});

describe('lessons: geometry', () => {
  it('interior point of a U-shaped commune lies inside it, in whole metres', () => {
    const u: Geometry = { type: 'Polygon', coordinates: [[[0, 0], [300, 0], [300, 300], [200, 300], [200, 100], [100, 100], [100, 300], [0, 300], [0, 0]]] };
    const p = interiorPoint(u)!;
    expect(contains(u, p)).toBe(true);
    expect(p.every(Number.isInteger)).toBe(true);
    expect(distanceToBoundary(u, [150, 50])).toBeCloseTo(50);
  });
});
