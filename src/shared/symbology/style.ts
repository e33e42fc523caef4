// styleFor(table, props, settings) → StyleSpec, and the legend. One definition for map and sheet.
import type { ProjectSettings, Props, SearchAreaStatus } from '../model';
import { CLASSES, CLASS_FIELD, DEFAULT_STATUS_FILLS, DRAW_ORDER, classDef, unclassifiedClass, type ClassDef } from './classes';
import { labelRuleFor, labelText, visibleAtScale } from './labels';
import { SYMBOLS } from './symbols';
import type { FeatureTableName, LegendEntry, StyleSpec } from './types';

export type SymbologySettings = Partial<Pick<ProjectSettings, 'statusFills'>> | null | undefined;

const FEATURE_TABLES = new Set<string>(Object.keys(CLASS_FIELD));

export function isFeatureTable(t: string): t is FeatureTableName {
  return FEATURE_TABLES.has(t);
}

/** Today as YYYY-MM-DD: the default date a map shows administrative units at. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The class key of a feature: `table:value`, or `table:*` when the value is missing or unknown.
 * Administrative units whose `valid_to` is before `mapDate` are `admin_units:former`.
 */
export function classKeyOf(table: FeatureTableName, props: Props, mapDate: string = todayIso()): string {
  if (table === 'admin_units' && typeof props.valid_to === 'string' && props.valid_to !== '' && props.valid_to < mapDate) {
    return 'admin_units:former';
  }
  const { field, values } = CLASS_FIELD[table];
  const v = props[field];
  return typeof v === 'string' && values.includes(v) ? `${table}:${v}` : `${table}:*`;
}

/** The fill colour of a search-area status: the project's setting, else DOMAIN.md's default. */
export function statusFill(status: SearchAreaStatus, settings?: SymbologySettings): string {
  const c = settings?.statusFills?.[status];
  return typeof c === 'string' && /^#[0-9a-fA-F]{6}$/.test(c) ? c.toLowerCase() : DEFAULT_STATUS_FILLS[status];
}

/** Layer position of a table (0 = bottom). */
export function drawOrderOf(table: FeatureTableName): number {
  return DRAW_ORDER.indexOf(table);
}

function specFromClass(c: ClassDef, settings: SymbologySettings): Omit<StyleSpec, 'label' | 'labelText'> {
  let fill = c.fill;
  if (c.table === 'search_areas' && c.value !== '*')
    fill = { color: statusFill(c.value as SearchAreaStatus, settings), opacity: fill?.opacity ?? 1 };
  return {
    classKey: c.classKey,
    table: c.table,
    geometry: c.kind,
    fill,
    strokes: c.strokes,
    symbol: c.symbol ? SYMBOLS[c.symbol] : null,
    // Layers are ordered by DRAW_ORDER; within a layer, the class's own zIndex.
    zIndex: drawOrderOf(c.table) * 100 + c.zIndex,
    ...(c.maxScaleDenominator !== undefined ? { maxScaleDenominator: c.maxScaleDenominator } : {}),
  };
}

/**
 * How to draw one feature of `table` with attributes `props`. `scaleDenominator` (1:N), when given,
 * drops the label outside its rule's scale range (the feature itself is still described; check
 * `maxScaleDenominator` with `visibleAtScale`).
 */
export function styleFor(
  table: FeatureTableName,
  props: Props,
  settings?: SymbologySettings,
  scaleDenominator?: number,
  /** The date the map shows (a historical sheet's): a unit then in force keeps its own class and label. */
  mapDate?: string,
): StyleSpec {
  const key = classKeyOf(table, props, mapDate);
  const c = classDef(key) ?? unclassifiedClass(table);
  const value = key.endsWith(':*') ? null : key.slice(table.length + 1);
  const rule = labelRuleFor(table, value);
  const text = rule && visibleAtScale(rule.maxScaleDenominator, scaleDenominator) ? labelText(rule, props) : null;
  return { ...specFromClass(c, settings), label: rule, labelText: text };
}

/** The style of a class without a feature (legend swatches, previews). */
export function styleOfClass(classKey: string, settings?: SymbologySettings): StyleSpec | null {
  const c = classDef(classKey);
  if (!c) return null;
  const rule = labelRuleFor(c.table, c.value);
  return { ...specFromClass(c, settings), label: rule, labelText: null };
}

/** Every class key known (tests, the settings screen, a full legend). */
export function allClassKeys(): string[] {
  return CLASSES.map((c) => c.classKey);
}

/**
 * Legend entries for the classes present on a map (all classes with a legend text when omitted),
 * in legend order: the five search-area statuses first (DOMAIN.md's order), graves, cemeteries,
 * information points, then the base map.
 */
export function legendEntries(presentClasses?: Iterable<string> | null, settings?: SymbologySettings): LegendEntry[] {
  const present = presentClasses ? new Set(presentClasses) : null;
  return CLASSES.filter((c) => c.legend && (!present || present.has(c.classKey)))
    .sort((a, b) => (a.legendOrder ?? 999) - (b.legendOrder ?? 999))
    .map((c) => {
      const style = styleOfClass(c.classKey, settings)!;
      const kind = c.kind === 'mixed' ? 'point' : c.kind;
      return {
        classKey: c.classKey,
        table: c.table,
        kind,
        vi: c.legend!.vi,
        en: c.legend!.en,
        fromExistingSheets: c.legend!.fromExistingSheets,
        style,
      };
    });
}

/** Class keys of a set of features (to build the legend of what a sheet actually shows). */
export function presentClasses(features: Iterable<{ table: string; props: Props }>): Set<string> {
  const out = new Set<string>();
  for (const f of features) if (isFeatureTable(f.table)) out.add(classKeyOf(f.table, f.props));
  return out;
}

export { visibleAtScale };
