// The classes of every feature table: how each is drawn on paper and what the legend says.
// Colours for search areas come from the project's settings (statusFills); the defaults are
// DOMAIN.md's (seen on existing sheets, not confirmed as official, hence configurable).
import {
  ADMIN_LEVELS,
  BASE_AREA_KINDS,
  BASE_LINE_KINDS,
  BASE_POINT_KINDS,
  CEMETERY_KINDS,
  CEMETERY_PLAN_KINDS,
  GRAVE_KINDS,
  INFO_POINT_KINDS,
  SEARCH_AREA_STATUSES,
  VILLAGE_KINDS,
  type SearchAreaStatus,
} from '../model/enums';
import { RED, BLACK, type SymbolId } from './symbols';
import type { FeatureTableName, FillSpec, GeometryKind, StrokeSpec } from './types';

export const DEFAULT_STATUS_FILLS: Readonly<Record<SearchAreaStatus, string>> = {
  done: '#ffffff',
  continuing: '#ffff99',
  not_started: '#ccff99',
  no_result: '#ffb3b3',
  unclear: '#c6d9f1',
};

/** Which field classifies each feature table, and its code list. */
export const CLASS_FIELD: Readonly<Record<FeatureTableName, { field: string; values: readonly string[] }>> = {
  admin_units: { field: 'level', values: ADMIN_LEVELS },
  search_areas: { field: 'status', values: SEARCH_AREA_STATUSES },
  graves: { field: 'kind', values: GRAVE_KINDS },
  cemeteries: { field: 'kind', values: CEMETERY_KINDS },
  cemetery_plots: { field: 'kind', values: CEMETERY_PLAN_KINDS },
  info_points: { field: 'kind', values: INFO_POINT_KINDS },
  base_points: { field: 'kind', values: BASE_POINT_KINDS },
  base_lines: { field: 'kind', values: BASE_LINE_KINDS },
  base_areas: { field: 'kind', values: BASE_AREA_KINDS },
  villages: { field: 'kind', values: VILLAGE_KINDS },
};

/**
 * Layer draw order, bottom first: base areas, then the search-area fills (opaque on paper), the
 * cemetery areas, the base lines over the fills, boundaries, then point symbols, graves on top.
 */
export const DRAW_ORDER: readonly FeatureTableName[] = [
  'base_areas',
  'search_areas',
  'cemeteries',
  'cemetery_plots',
  'base_lines',
  'admin_units',
  'villages',
  'base_points',
  'info_points',
  'graves',
];

export interface ClassDef {
  classKey: string;
  table: FeatureTableName;
  value: string;
  kind: GeometryKind | 'mixed';
  /** Fill of areas; for search areas, replaced by settings.statusFills[value]. */
  fill: FillSpec | null;
  strokes: readonly StrokeSpec[];
  symbol: SymbolId | null;
  legend: { vi: string; en: string; fromExistingSheets: boolean } | null;
  /** Order in the legend (lower first); classes without a legend text have none. */
  legendOrder?: number;
  /** Drawn only at scales 1:N, N ≤ this. */
  maxScaleDenominator?: number;
  /** Within its layer: higher on top. */
  zIndex: number;
}

const AREA_OUTLINE: StrokeSpec = { color: '#5a5a5a', widthMm: 0.25, lineJoin: 'round' };
const WATER_BLUE = '#2f7fd0';
const WATER_FILL = '#bfdff5';
const BOUNDARY = '#7b2d8e';

function def(table: FeatureTableName, value: string, rest: Omit<ClassDef, 'classKey' | 'table' | 'value'>): ClassDef {
  return { classKey: `${table}:${value}`, table, value, ...rest };
}

export const CLASSES: readonly ClassDef[] = [
  // ── search areas: the five statuses (legend order = DOMAIN.md's table order) ──
  def('search_areas', 'done', {
    kind: 'area',
    fill: { color: DEFAULT_STATUS_FILLS.done, opacity: 1 },
    strokes: [{ color: BLACK, widthMm: 0.3, lineJoin: 'round' }],
    symbol: null,
    legend: {
      vi: 'Khu vực, địa bàn có mộ liệt sĩ đã tìm kiếm, quy tập xong',
      en: 'Area with martyr graves: search and recovery completed',
      fromExistingSheets: true,
    },
    legendOrder: 10,
    zIndex: 1,
  }),
  def('search_areas', 'continuing', {
    kind: 'area',
    fill: { color: DEFAULT_STATUS_FILLS.continuing, opacity: 1 },
    strokes: [{ color: BLACK, widthMm: 0.3, lineJoin: 'round' }],
    symbol: null,
    legend: {
      vi: 'Có thông tin mộ liệt sĩ, đã tìm kiếm, quy tập nhưng chưa hết, cần tiếp tục tìm kiếm, quy tập',
      en: 'Information on martyr graves; searched and recovered but not completely, search and recovery to continue',
      fromExistingSheets: true,
    },
    legendOrder: 11,
    zIndex: 2,
  }),
  def('search_areas', 'not_started', {
    kind: 'area',
    fill: { color: DEFAULT_STATUS_FILLS.not_started, opacity: 1 },
    strokes: [{ color: BLACK, widthMm: 0.3, lineJoin: 'round' }],
    symbol: null,
    legend: {
      vi: 'Có thông tin mộ liệt sĩ, chưa tổ chức tìm kiếm, quy tập',
      en: 'Information on martyr graves; search and recovery not yet organised',
      fromExistingSheets: true,
    },
    legendOrder: 12,
    zIndex: 3,
  }),
  def('search_areas', 'no_result', {
    kind: 'area',
    fill: { color: DEFAULT_STATUS_FILLS.no_result, opacity: 1 },
    strokes: [{ color: BLACK, widthMm: 0.3, lineJoin: 'round' }],
    symbol: null,
    legend: {
      vi: 'Có thông tin mộ liệt sĩ, đã tìm kiếm, quy tập nhưng chưa có kết quả',
      en: 'Information on martyr graves; searched but no result yet',
      fromExistingSheets: true,
    },
    legendOrder: 13,
    zIndex: 4,
  }),
  def('search_areas', 'unclear', {
    kind: 'area',
    fill: { color: DEFAULT_STATUS_FILLS.unclear, opacity: 1 },
    strokes: [{ color: BLACK, widthMm: 0.3, dashMm: [1.5, 0.8], lineJoin: 'round' }],
    symbol: null,
    legend: {
      vi: 'Tìm kiếm, quy tập hài cốt liệt sĩ không rõ thông tin (vùng mờ)',
      en: 'Search and recovery of martyrs’ remains without clear information (blurred zone)',
      fromExistingSheets: true,
    },
    legendOrder: 14,
    zIndex: 0,
  }),

  // ── graves ──
  def('graves', 'newly_found', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'grave_newly_found',
    legend: { vi: 'Mộ mới phát hiện', en: 'Newly found grave', fromExistingSheets: true },
    legendOrder: 20,
    zIndex: 3,
  }),
  def('graves', 'family_cared', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'grave_family_cared',
    legend: {
      vi: 'Mộ liệt sĩ do gia đình quản lý, chăm sóc',
      en: 'Martyr grave looked after by the family',
      fromExistingSheets: true,
    },
    legendOrder: 21,
    zIndex: 2,
  }),
  def('graves', 'unidentified', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'grave_unidentified',
    legend: { vi: 'Mộ chưa xác định được thông tin', en: 'Grave without identified information', fromExistingSheets: false },
    legendOrder: 22,
    zIndex: 1,
  }),

  // ── cemeteries (points or areas) ──
  def('cemeteries', 'martyrs', {
    kind: 'mixed',
    fill: { color: '#ffe5e5', opacity: 0.35 },
    strokes: [{ color: RED, widthMm: 0.5, lineJoin: 'round' }],
    symbol: 'cemetery_martyrs',
    legend: { vi: 'Nghĩa trang liệt sĩ', en: 'Martyrs’ cemetery', fromExistingSheets: true },
    legendOrder: 30,
    zIndex: 2,
  }),
  def('cemeteries', 'local', {
    kind: 'mixed',
    fill: { color: '#eeeeee', opacity: 0.35 },
    strokes: [{ color: BLACK, widthMm: 0.3, dashMm: [1.2, 0.6], lineJoin: 'round' }],
    symbol: 'cemetery_local',
    legend: { vi: 'Nghĩa trang địa phương', en: 'Local cemetery', fromExistingSheets: true },
    legendOrder: 31,
    zIndex: 1,
  }),

  // ── the plan inside a cemetery (plots and gate; drawn at plan scales only) ──
  def('cemetery_plots', 'known', {
    kind: 'area',
    fill: { color: '#fff2cc', opacity: 1 },
    strokes: [{ color: '#7f6000', widthMm: 0.15, lineJoin: 'miter' }],
    symbol: null,
    legend: { vi: 'Mộ liệt sĩ có thông tin', en: 'Plot of a known martyr', fromExistingSheets: false },
    legendOrder: 32,
    maxScaleDenominator: 5000,
    zIndex: 1,
  }),
  def('cemetery_plots', 'unknown', {
    kind: 'area',
    fill: { color: '#d9d9d9', opacity: 1 },
    strokes: [{ color: '#595959', widthMm: 0.15, lineJoin: 'miter' }],
    symbol: null,
    legend: { vi: 'Mộ liệt sĩ chưa xác định được thông tin', en: 'Plot of an unidentified martyr', fromExistingSheets: false },
    legendOrder: 33,
    maxScaleDenominator: 5000,
    zIndex: 1,
  }),
  def('cemetery_plots', 'empty', {
    kind: 'area',
    fill: { color: '#ffffff', opacity: 1 },
    strokes: [{ color: '#a6a6a6', widthMm: 0.12, dashMm: [0.6, 0.4], lineJoin: 'miter' }],
    symbol: null,
    legend: { vi: 'Mộ trống', en: 'Empty plot', fromExistingSheets: false },
    legendOrder: 34,
    maxScaleDenominator: 5000,
    zIndex: 0,
  }),
  def('cemetery_plots', 'gate', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'cemetery_gate',
    legend: { vi: 'Cổng nghĩa trang', en: 'Cemetery gate', fromExistingSheets: false },
    legendOrder: 35,
    maxScaleDenominator: 5000,
    zIndex: 2,
  }),

  // ── information points (useful, not in the legends seen so far) ──
  def('info_points', 'death_or_battle', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'info_death_or_battle',
    legend: { vi: 'Nơi hy sinh, trận đánh', en: 'Place of death or battle', fromExistingSheets: false },
    legendOrder: 40,
    zIndex: 3,
  }),
  def('info_points', 'aid_station', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'info_aid_station',
    legend: { vi: 'Trạm phẫu, bệnh xá', en: 'Field aid station or hospital', fromExistingSheets: false },
    legendOrder: 41,
    zIndex: 2,
  }),
  def('info_points', 'initial_burial', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'info_initial_burial',
    legend: { vi: 'Nơi an táng ban đầu', en: 'Initial burial place', fromExistingSheets: false },
    legendOrder: 42,
    zIndex: 1,
  }),

  // ── administrative boundaries (no fill: the areas beneath stay readable) ──
  def('admin_units', 'province', {
    kind: 'area',
    fill: null,
    strokes: [
      { color: '#d9b8e3', widthMm: 1.6, opacity: 0.7, lineJoin: 'round' },
      { color: BOUNDARY, widthMm: 0.6, dashMm: [4, 1, 0.6, 1, 0.6, 1], lineJoin: 'round' },
    ],
    symbol: null,
    legend: { vi: 'Địa giới tỉnh', en: 'Province boundary', fromExistingSheets: false },
    legendOrder: 60,
    zIndex: 4,
  }),
  def('admin_units', 'district', {
    kind: 'area',
    fill: null,
    strokes: [
      { color: '#e3cdea', widthMm: 1.2, opacity: 0.7, lineJoin: 'round' },
      { color: BOUNDARY, widthMm: 0.45, dashMm: [3.5, 1, 0.6, 1, 0.6, 1], lineJoin: 'round' },
    ],
    symbol: null,
    legend: { vi: 'Địa giới huyện', en: 'District boundary', fromExistingSheets: false },
    legendOrder: 61,
    zIndex: 3,
  }),
  def('admin_units', 'commune', {
    kind: 'area',
    fill: null,
    strokes: [
      { color: '#ecdcf0', widthMm: 0.9, opacity: 0.7, lineJoin: 'round' },
      { color: BOUNDARY, widthMm: 0.35, dashMm: [3, 1, 0.6, 1], lineJoin: 'round' },
    ],
    symbol: null,
    legend: { vi: 'Địa giới xã', en: 'Commune boundary', fromExistingSheets: false },
    legendOrder: 62,
    zIndex: 2,
  }),
  // A unit whose validity has ended (e.g. districts dissolved on 1 July 2025): kept for old maps,
  // drawn faint and unlabelled so it never competes with today's boundaries.
  def('admin_units', 'former', {
    kind: 'area',
    fill: null,
    strokes: [{ color: '#9a8aa0', widthMm: 0.3, opacity: 0.8, dashMm: [1.2, 1.2], lineJoin: 'round' }],
    symbol: null,
    legend: { vi: 'Địa giới cũ (đã hết hiệu lực)', en: 'Former boundary (no longer valid)', fromExistingSheets: false },
    legendOrder: 64,
    zIndex: 0,
  }),
  def('admin_units', 'village', {
    kind: 'area',
    fill: null,
    strokes: [{ color: BOUNDARY, widthMm: 0.2, dashMm: [0.8, 0.8], lineJoin: 'round' }],
    symbol: null,
    legend: { vi: 'Ranh giới thôn, buôn, bon, TDP', en: 'Village boundary', fromExistingSheets: false },
    legendOrder: 63,
    maxScaleDenominator: 50_000,
    zIndex: 1,
  }),

  // ── base points ──
  def('base_points', 'seat_province', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'seat_province',
    legend: { vi: 'Trụ sở UBND tỉnh', en: 'Provincial people’s committee', fromExistingSheets: false },
    legendOrder: 70,
    zIndex: 9,
  }),
  def('base_points', 'seat_district', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'seat_district',
    legend: { vi: 'Trụ sở UBND huyện', en: 'District people’s committee', fromExistingSheets: false },
    legendOrder: 71,
    zIndex: 8,
  }),
  def('base_points', 'seat_commune', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'seat_commune',
    legend: { vi: 'Trụ sở UBND xã', en: 'Commune people’s committee', fromExistingSheets: false },
    legendOrder: 72,
    zIndex: 7,
  }),
  def('base_points', 'military_province', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'military_province',
    legend: { vi: 'Bộ CHQS tỉnh', en: 'Provincial military command', fromExistingSheets: false },
    legendOrder: 73,
    zIndex: 6,
  }),
  def('base_points', 'military_district', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'military_district',
    legend: { vi: 'Ban CHQS huyện', en: 'District military command', fromExistingSheets: false },
    legendOrder: 74,
    zIndex: 5,
  }),
  def('base_points', 'military_commune', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'military_commune',
    legend: { vi: 'Ban CHQS xã', en: 'Commune military command', fromExistingSheets: false },
    legendOrder: 75,
    zIndex: 4,
  }),
  def('base_points', 'settlement_urban', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'settlement_urban',
    legend: { vi: 'Dân cư đô thị', en: 'Urban settlement', fromExistingSheets: false },
    legendOrder: 76,
    zIndex: 3,
  }),
  def('base_points', 'settlement_rural', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'settlement_rural',
    legend: { vi: 'Dân cư nông thôn', en: 'Rural settlement', fromExistingSheets: false },
    legendOrder: 77,
    zIndex: 2,
  }),
  def('base_points', 'other_point', {
    kind: 'point',
    fill: null,
    strokes: [],
    symbol: 'other_point',
    legend: { vi: 'Điểm khác', en: 'Other point', fromExistingSheets: false },
    legendOrder: 78,
    zIndex: 1,
  }),

  // ── base lines ──
  def('base_lines', 'road', {
    kind: 'line',
    fill: null,
    strokes: [
      { color: '#5a3a1a', widthMm: 0.9, lineCap: 'round', lineJoin: 'round' },
      { color: '#f5a623', widthMm: 0.6, lineCap: 'round', lineJoin: 'round' },
    ],
    symbol: null,
    legend: { vi: 'Đường giao thông', en: 'Road', fromExistingSheets: false },
    legendOrder: 80,
    zIndex: 6,
  }),
  def('base_lines', 'railway', {
    kind: 'line',
    fill: null,
    strokes: [
      { color: BLACK, widthMm: 0.7, lineCap: 'butt' },
      { color: '#ffffff', widthMm: 0.4, dashMm: [2, 2], lineCap: 'butt' },
    ],
    symbol: null,
    legend: { vi: 'Đường sắt', en: 'Railway', fromExistingSheets: false },
    legendOrder: 81,
    zIndex: 7,
  }),
  def('base_lines', 'river', {
    kind: 'line',
    fill: null,
    strokes: [{ color: WATER_BLUE, widthMm: 0.5, lineCap: 'round', lineJoin: 'round' }],
    symbol: null,
    legend: { vi: 'Sông', en: 'River', fromExistingSheets: false },
    legendOrder: 82,
    zIndex: 4,
  }),
  def('base_lines', 'stream', {
    kind: 'line',
    fill: null,
    strokes: [{ color: WATER_BLUE, widthMm: 0.25, lineCap: 'round', lineJoin: 'round' }],
    symbol: null,
    legend: { vi: 'Suối', en: 'Stream', fromExistingSheets: false },
    legendOrder: 83,
    zIndex: 3,
  }),
  def('base_lines', 'contour', {
    kind: 'line',
    fill: null,
    strokes: [{ color: '#b07a3c', widthMm: 0.13, lineJoin: 'round' }],
    symbol: null,
    legend: { vi: 'Đường bình độ', en: 'Contour line', fromExistingSheets: false },
    legendOrder: 84,
    maxScaleDenominator: 50_000,
    zIndex: 1,
  }),
  def('base_lines', 'boundary_line', {
    kind: 'line',
    fill: null,
    strokes: [{ color: BOUNDARY, widthMm: 0.3, dashMm: [3, 1, 0.6, 1] }],
    symbol: null,
    legend: { vi: 'Đường ranh giới', en: 'Boundary line', fromExistingSheets: false },
    legendOrder: 85,
    zIndex: 5,
  }),
  def('base_lines', 'other_line', {
    kind: 'line',
    fill: null,
    strokes: [{ color: '#707070', widthMm: 0.2, dashMm: [1, 0.6] }],
    symbol: null,
    legend: { vi: 'Đường khác', en: 'Other line', fromExistingSheets: false },
    legendOrder: 86,
    zIndex: 2,
  }),

  // ── villages (issue 18): a dashed outline or a settlement dot; no legend entry, the sheets seen so far show none ──
  ...VILLAGE_KINDS.map((k) =>
    def('villages', k, {
      kind: 'mixed',
      fill: null,
      strokes: [{ color: '#8a5a2b', widthMm: 0.25, dashMm: [2, 1], lineJoin: 'round' }],
      symbol: 'village',
      legend: null,
      zIndex: 1,
    }),
  ),

  // ── base areas ──
  def('base_areas', 'lake', {
    kind: 'area',
    fill: { color: WATER_FILL, opacity: 1 },
    strokes: [{ color: WATER_BLUE, widthMm: 0.2 }],
    symbol: null,
    legend: { vi: 'Hồ, ao', en: 'Lake, pond', fromExistingSheets: false },
    legendOrder: 90,
    zIndex: 3,
  }),
  def('base_areas', 'river_area', {
    kind: 'area',
    fill: { color: WATER_FILL, opacity: 1 },
    strokes: [{ color: WATER_BLUE, widthMm: 0.2 }],
    symbol: null,
    legend: { vi: 'Sông (vẽ theo tỷ lệ)', en: 'River (drawn to scale)', fromExistingSheets: false },
    legendOrder: 91,
    zIndex: 2,
  }),
  def('base_areas', 'settlement_area', {
    kind: 'area',
    fill: { color: '#f3dfd0', opacity: 1 },
    strokes: [{ color: '#9a7a6a', widthMm: 0.15 }],
    symbol: null,
    legend: { vi: 'Khu dân cư', en: 'Built-up area', fromExistingSheets: false },
    legendOrder: 92,
    zIndex: 1,
  }),
  def('base_areas', 'other_area', {
    kind: 'area',
    fill: { color: '#eeeeee', opacity: 1 },
    strokes: [AREA_OUTLINE],
    symbol: null,
    legend: { vi: 'Vùng khác', en: 'Other area', fromExistingSheets: false },
    legendOrder: 93,
    zIndex: 0,
  }),
];

/** The look of a feature whose class field is missing or unknown: visible, clearly "unclassified". */
export function unclassifiedClass(table: FeatureTableName): ClassDef {
  const kind = TABLE_GEOMETRY[table];
  return {
    classKey: `${table}:*`,
    table,
    value: '*',
    kind,
    fill: kind === 'area' || kind === 'mixed' ? { color: '#ff00ff', opacity: 0.15 } : null,
    strokes: kind === 'point' ? [] : [{ color: '#d000d0', widthMm: 0.35, dashMm: [1, 1] }],
    symbol: kind === 'point' || kind === 'mixed' ? 'unclassified' : null,
    legend: null,
    zIndex: 0,
  };
}

export const TABLE_GEOMETRY: Readonly<Record<FeatureTableName, GeometryKind | 'mixed'>> = {
  admin_units: 'area',
  search_areas: 'area',
  graves: 'point',
  cemeteries: 'mixed',
  cemetery_plots: 'mixed',
  info_points: 'point',
  base_points: 'point',
  base_lines: 'line',
  base_areas: 'area',
  villages: 'mixed',
};

const BY_KEY = new Map(CLASSES.map((c) => [c.classKey, c]));

export function classDef(classKey: string): ClassDef | undefined {
  return BY_KEY.get(classKey);
}
