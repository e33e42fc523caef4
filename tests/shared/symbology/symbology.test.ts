import { describe, expect, it } from 'vitest';
import { FEATURE_TABLES, ProjectSettingsSchema, SEARCH_AREA_STATUSES, TABLES, type FieldDef } from '../../../src/shared/model';
import {
  CLASS_FIELD,
  DEFAULT_STATUS_FILLS,
  DRAW_ORDER,
  SYMBOLS,
  allClassKeys,
  classKeyOf,
  formatScale,
  isFeatureTable,
  labelText,
  legendEntries,
  mmToPx,
  presentClasses,
  scaleDenominator,
  styleFor,
  styleOfClass,
  symbolToSvg,
  type FeatureTableName,
  type PointSymbol,
} from '../../../src/shared/symbology';

// Copied from DOMAIN.md ("What the map shows"): the legend must say exactly this.
const DOMAIN_STATUS = {
  done: ['Khu vực, địa bàn có mộ liệt sĩ đã tìm kiếm, quy tập xong', '#ffffff'],
  continuing: ['Có thông tin mộ liệt sĩ, đã tìm kiếm, quy tập nhưng chưa hết, cần tiếp tục tìm kiếm, quy tập', '#ffff99'],
  not_started: ['Có thông tin mộ liệt sĩ, chưa tổ chức tìm kiếm, quy tập', '#ccff99'],
  no_result: ['Có thông tin mộ liệt sĩ, đã tìm kiếm, quy tập nhưng chưa có kết quả', '#ffb3b3'],
  unclear: ['Tìm kiếm, quy tập hài cốt liệt sĩ không rõ thông tin (vùng mờ)', '#c6d9f1'],
} as const;

const HEX = /^#[0-9a-f]{6}$/i;

describe('search-area statuses', () => {
  it('default to the DOMAIN.md fills', () => {
    for (const s of SEARCH_AREA_STATUSES) {
      expect(styleFor('search_areas', { status: s }).fill?.color).toBe(DOMAIN_STATUS[s][1]);
      expect(styleFor('search_areas', { status: s }, null).fill?.color).toBe(DOMAIN_STATUS[s][1]);
      expect(DEFAULT_STATUS_FILLS[s]).toBe(DOMAIN_STATUS[s][1]);
    }
  });
  it('match the settings schema default', () => {
    const settings = ProjectSettingsSchema.parse({ title: 't', province: { name: 'Đắk Nông' } });
    expect(settings.statusFills).toEqual(DEFAULT_STATUS_FILLS);
    for (const s of SEARCH_AREA_STATUSES)
      expect(styleFor('search_areas', { status: s }, settings).fill?.color).toBe(DOMAIN_STATUS[s][1]);
  });
  it('follow the project settings when changed', () => {
    const fills = { ...DEFAULT_STATUS_FILLS, continuing: '#FFEE00' };
    expect(styleFor('search_areas', { status: 'continuing' }, { statusFills: fills }).fill?.color).toBe('#ffee00');
    expect(styleFor('search_areas', { status: 'done' }, { statusFills: fills }).fill?.color).toBe('#ffffff');
    expect(legendEntries(['search_areas:continuing'], { statusFills: fills })[0]!.style.fill?.color).toBe('#ffee00');
  });
  it('ignore a malformed colour in settings', () => {
    const fills = { ...DEFAULT_STATUS_FILLS, done: 'red' };
    expect(styleFor('search_areas', { status: 'done' }, { statusFills: fills }).fill?.color).toBe('#ffffff');
  });
});

describe('every class has a style', () => {
  const featureTables = FEATURE_TABLES as FeatureTableName[];
  it('covers exactly the feature tables of the model', () => {
    expect(new Set(Object.keys(CLASS_FIELD))).toEqual(new Set(featureTables));
    expect(new Set(DRAW_ORDER)).toEqual(new Set(featureTables));
    expect(DRAW_ORDER.length).toBe(featureTables.length);
  });
  for (const table of FEATURE_TABLES as FeatureTableName[]) {
    const { field } = CLASS_FIELD[table];
    const def = (TABLES[table].fields as readonly FieldDef[]).find((f) => f.name === field);
    it(`${table}.${field} is an enum field of the table`, () => {
      expect(def?.type).toBe('enum');
      expect(CLASS_FIELD[table].values).toEqual(def!.values);
    });
    for (const value of def?.values ?? []) {
      it(`${table}:${value}`, () => {
        const s = styleFor(table, { [field]: value, name: 'Tên thử' });
        expect(s.classKey).toBe(`${table}:${value}`);
        expect(allClassKeys()).toContain(s.classKey);
        const drawsSomething = !!s.fill || s.strokes.length > 0 || !!s.symbol;
        expect(drawsSomething).toBe(true);
        if (s.fill) expect(s.fill.color).toMatch(HEX);
        for (const st of s.strokes) {
          expect(st.color).toMatch(HEX);
          expect(st.widthMm).toBeGreaterThan(0);
          expect(st.widthMm).toBeLessThan(3);
          for (const d of st.dashMm ?? []) expect(d).toBeGreaterThan(0);
        }
        if (s.geometry === 'point' || s.geometry === 'mixed') expect(s.symbol).not.toBeNull();
        if (s.geometry === 'area') expect(s.fill || s.strokes.length).toBeTruthy();
        expect(styleOfClass(s.classKey)).not.toBeNull();
      });
    }
  }
  it('draws an unknown or missing class visibly as unclassified', () => {
    const s = styleFor('graves', { kind: 'nonsense' });
    expect(s.classKey).toBe('graves:*');
    expect(s.symbol).not.toBeNull();
    expect(styleFor('search_areas', {}).classKey).toBe('search_areas:*');
    expect(styleFor('search_areas', {}).strokes.length).toBeGreaterThan(0);
  });
  it('puts the layers in draw order (graves on top, base areas at the bottom)', () => {
    const z = (t: FeatureTableName, v: string) => styleFor(t, { [CLASS_FIELD[t].field]: v }).zIndex;
    expect(z('graves', 'newly_found')).toBeGreaterThan(z('search_areas', 'done'));
    expect(z('base_lines', 'road')).toBeGreaterThan(z('search_areas', 'unclear'));
    expect(z('search_areas', 'done')).toBeGreaterThan(z('base_areas', 'lake'));
  });
});

describe('point symbols', () => {
  const all = Object.values(SYMBOLS) as PointSymbol[];
  it('stay inside their unit box with a sensible size', () => {
    for (const sym of all) {
      expect(sym.sizeMm).toBeGreaterThan(1);
      expect(sym.sizeMm).toBeLessThan(8);
      for (const c of sym.anchor) expect(c).toBeGreaterThanOrEqual(0);
      for (const p of sym.parts) {
        const pts =
          p.type === 'circle'
            ? [
                [p.cx - p.r, p.cy - p.r],
                [p.cx + p.r, p.cy + p.r],
              ]
            : p.points;
        for (const [x, y] of pts) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(1);
        }
      }
    }
  });
  it('grave colours: newly found red, family-cared green #00b050', () => {
    const fills = (s: PointSymbol) => s.parts.map((p) => ('fill' in p ? p.fill : null));
    expect(fills(styleFor('graves', { kind: 'newly_found' }).symbol!)).toContain('#e00000');
    expect(fills(styleFor('graves', { kind: 'family_cared' }).symbol!)).toContain('#00b050');
  });
  it('turn into SVG', () => {
    const svg = symbolToSvg(SYMBOLS.cemetery_martyrs, 20);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="20" height="20"/);
    expect(svg).toContain('<polygon');
    expect(svg).not.toContain('NaN');
  });
});

describe('legend', () => {
  it('uses DOMAIN.md texts, in its order, statuses first', () => {
    const entries = legendEntries();
    expect(entries.slice(0, 5).map((e) => e.vi)).toEqual(SEARCH_AREA_STATUSES.map((s) => DOMAIN_STATUS[s][0]));
    const vi = new Map(entries.map((e) => [e.classKey, e.vi]));
    expect(vi.get('graves:newly_found')).toBe('Mộ mới phát hiện');
    expect(vi.get('graves:family_cared')).toBe('Mộ liệt sĩ do gia đình quản lý, chăm sóc');
    expect(vi.get('cemeteries:martyrs')).toBe('Nghĩa trang liệt sĩ');
    expect(vi.get('cemeteries:local')).toBe('Nghĩa trang địa phương');
    expect(vi.get('info_points:death_or_battle')).toBe('Nơi hy sinh, trận đánh');
    expect(vi.get('info_points:aid_station')).toBe('Trạm phẫu, bệnh xá');
    expect(vi.get('info_points:initial_burial')).toBe('Nơi an táng ban đầu');
    for (const e of entries) {
      expect(e.vi.normalize('NFC')).toBe(e.vi);
      expect(e.en.length).toBeGreaterThan(3);
    }
  });
  it('marks which texts come from existing sheets', () => {
    const fromSheets = legendEntries()
      .filter((e) => e.fromExistingSheets)
      .map((e) => e.classKey);
    expect(fromSheets).toEqual([
      'search_areas:done',
      'search_areas:continuing',
      'search_areas:not_started',
      'search_areas:no_result',
      'search_areas:unclear',
      'graves:newly_found',
      'graves:family_cared',
      'cemeteries:martyrs',
      'cemeteries:local',
    ]);
  });
  it('lists only the classes present', () => {
    const present = presentClasses([
      { table: 'graves', props: { kind: 'family_cared' } },
      { table: 'search_areas', props: { status: 'no_result' } },
      { table: 'search_areas', props: { status: 'no_result' } },
      { table: 'martyrs', props: {} },
    ]);
    expect(legendEntries(present).map((e) => e.classKey)).toEqual(['search_areas:no_result', 'graves:family_cared']);
    expect(isFeatureTable('martyrs')).toBe(false);
  });
});

describe('labels', () => {
  it('commune names, upper-cased in Vietnamese', () => {
    const s = styleFor('admin_units', { level: 'commune', name: 'Đắk Sắk' });
    expect(s.labelText).toBe('ĐẮK SẮK');
    expect(s.label?.fontSizePt).toBeGreaterThanOrEqual(10);
    expect(s.label?.halo).not.toBeNull();
  });
  it('search areas: code and name', () => {
    expect(styleFor('search_areas', { status: 'done', code: 'KV-03', name: 'Đồi Cao' }).labelText).toBe('KV-03: Đồi Cao');
    expect(styleFor('search_areas', { status: 'done', code: 'KV-03' }).labelText).toBe('KV-03');
    expect(styleFor('search_areas', { status: 'done', name: null }).labelText).toBeNull();
  });
  it('roads by number, rivers by name along the line', () => {
    const road = styleFor('base_lines', { kind: 'road', number: 'QL14', name: 'Quốc lộ 14' });
    expect(road.labelText).toBe('QL14');
    expect(road.label?.placement).toBe('line');
    expect(styleFor('base_lines', { kind: 'road', name: 'Đường liên xã' }).labelText).toBe('Đường liên xã');
    const river = styleFor('base_lines', { kind: 'river', name: 'Sông Krông Nô' });
    expect(river.labelText).toBe('Sông Krông Nô');
    expect(river.label?.italic).toBe(true);
  });
  it('settlements; scale limits drop labels when zoomed out', () => {
    expect(styleFor('base_points', { kind: 'settlement_rural', name: 'Bon Păng Sim' }, null, 10_000).labelText).toBe(
      'Bon Păng Sim',
    );
    expect(styleFor('base_points', { kind: 'settlement_rural', name: 'Bon Păng Sim' }, null, 250_000).labelText).toBeNull();
    expect(styleFor('admin_units', { level: 'commune', name: 'Nam Đà' }, null, 250_000).labelText).toBe('NAM ĐÀ');
  });
  it('priorities: commune names beat search-area codes beat graves', () => {
    const p = (t: FeatureTableName, props: Record<string, string>) => styleFor(t, props).label!.priority;
    expect(p('admin_units', { level: 'commune' })).toBeGreaterThan(p('search_areas', { status: 'done' }));
    expect(p('search_areas', { status: 'done' })).toBeGreaterThan(p('graves', { kind: 'newly_found' }));
  });
  it('normalises text to NFC', () => {
    const decomposed = 'Nâm Nung'.normalize('NFD');
    expect(
      labelText(
        { fields: ['name'], fontSizePt: 8, color: '#000000', halo: null, priority: 1, placement: 'point' },
        { name: decomposed },
      ),
    ).toBe('Nâm Nung'.normalize('NFC'));
  });
});

describe('units', () => {
  it('mm to px at 96 dpi; scale formatting with dots', () => {
    expect(mmToPx(25.4)).toBeCloseTo(96);
    expect(formatScale(10000)).toBe('1:10.000');
    expect(formatScale(250000.4)).toBe('1:250.000');
    expect(formatScale(2000)).toBe('1:2.000');
    expect(formatScale(500)).toBe('1:500');
    expect(scaleDenominator(2.6458333)).toBeCloseTo(10000, 0);
  });
  it('class keys', () => {
    expect(classKeyOf('graves', { kind: 'newly_found' })).toBe('graves:newly_found');
    expect(classKeyOf('graves', { kind: null })).toBe('graves:*');
  });
});

describe('administrative units that are no longer valid', () => {
  it('draws a unit whose valid_to has passed as a faint, unlabelled former boundary', () => {
    const former = styleFor('admin_units', { level: 'district', name: 'Krông Nô', valid_to: '2025-06-30' });
    expect(former.classKey).toBe('admin_units:former');
    expect(former.labelText).toBeNull();
    expect(styleFor('admin_units', { level: 'district', name: 'Krông Nô', valid_to: '2025-06-30' }).classKey).not.toBe('admin_units:district');
  });
  it('keeps the unit as it was for a map dated before the end of its validity (a 2019 map)', () => {
    expect(classKeyOf('admin_units', { level: 'district', valid_to: '2025-06-30' }, '2019-06-01')).toBe('admin_units:district');
    expect(classKeyOf('admin_units', { level: 'commune', valid_from: '2025-07-01' })).toBe('admin_units:commune');
  });
});
