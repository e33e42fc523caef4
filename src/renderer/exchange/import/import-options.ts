// What the import wizard sends, as pure functions of its choices: the same reading options go to the
// preview, the invalid-geometry list and the import itself, in the same order, so that the three
// read the file the same way.
import type { Input, Output } from '../../../shared/api';
import type { DBF_ENCODING_NAMES } from '../../../shared/contract/limits';
import type { PropValue } from '../../../shared/model/rows';
import type { FieldDef, TableName } from '../../../shared/model/tables';

export type Preview = Output<'exchange.preview'>;
export type PreviewLayer = Preview['layers'][number];
type Encoding = (typeof DBF_ENCODING_NAMES)[number];

/** Everything that belongs to one file: a new file starts all of it afresh (its CRS above all). */
export interface FileOptions {
  selected: string[];
  layer: string;
  crs: string;
  east: string;
  north: string;
  headerRow: string;
  encoding: string;
  repair: boolean;
  closeRings: boolean;
  skipOther: boolean;
  dupImport: boolean;
}

export function freshOptions(selected: string[]): FileOptions {
  return { selected, layer: '', crs: '', east: '', north: '', headerRow: '', encoding: '', repair: false, closeRings: false, skipOther: false, dupImport: false };
}

export const SHP_PARTS = /\.(shp|dbf|shx|prj|cpg)$/i;

/** A .shp brings its siblings; any other file stands alone. */
export function withSiblings(name: string, all: string[]): string[] {
  if (!SHP_PARTS.test(name)) return [name];
  const stem = name.replace(SHP_PARTS, '').toLowerCase();
  return all.filter((n) => SHP_PARTS.test(n) && n.replace(SHP_PARTS, '').toLowerCase() === stem);
}

/** The files chosen after an upload: a shapefile's parts together, otherwise the first file; null when none was kept. */
export function uploadedSelection(kept: string[]): string[] | null {
  if (!kept.length) return null;
  const shp = kept.find((n) => /\.shp$/i.test(n));
  return shp ? kept.filter((n) => SHP_PARTS.test(n)) : [kept[0]!];
}

/** Which of the form's optional parts the chosen files need. */
export function fileKinds(selected: string[]) {
  const isSheet = /\.(xlsx|xlsm|ods)$/i.test(selected[0] ?? '');
  return { isSheet, isTable: isSheet || /\.(csv|txt)$/i.test(selected[0] ?? ''), isShp: selected.some((n) => /\.(shp|zip)$/i.test(n)) };
}

/** The header row is sent only for a spreadsheet, and only as a whole number from 1. */
export function headerOption(isSheet: boolean, headerRow: string): { headerRow?: number } {
  return isSheet && /^\d+$/.test(headerRow) && Number(headerRow) >= 1 ? { headerRow: Number(headerRow) } : {};
}

/** How the file is read: encoding, coordinate columns, header row (only what the user chose). */
export function readingOptions(o: FileOptions) {
  return {
    ...(o.encoding ? { encoding: o.encoding as Encoding } : {}),
    ...(o.east ? { eastField: o.east } : {}),
    ...(o.north ? { northField: o.north } : {}),
    ...headerOption(fileKinds(o.selected).isSheet, o.headerRow),
  };
}

/** Fixed values typed as their fields: numbers, booleans, text; empty ones are not sent. */
export function typeDefaults(fields: readonly FieldDef[], defaults: Record<string, string>): Record<string, PropValue> {
  const defs: Record<string, PropValue> = {};
  for (const f of fields) {
    const v = defaults[f.name];
    if (v === undefined || v === '') continue;
    defs[f.name] = f.type === 'integer' || f.type === 'real' ? Number(v) : f.type === 'boolean' ? v === 'true' : v;
  }
  return defs;
}

/** The field map without its empty choices. */
export function chosenMap(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).filter(([, v]) => v));
}

export function previewInput(o: FileOptions, table: TableName | null, sentMap: Record<string, string> | undefined, defaults: Record<string, PropValue>): Input<'exchange.preview'> {
  return {
    files: o.selected,
    ...(o.layer ? { layer: o.layer } : {}),
    ...readingOptions(o),
    ...(o.crs ? { crs: o.crs } : {}),
    ...(table ? { table } : {}),
    ...(sentMap ? { map: sentMap } : {}),
    defaults,
    repair: o.repair,
    closeRings: o.closeRings,
    skipOtherTypes: o.skipOther,
  };
}

export function importInput(o: FileOptions, layer: string, table: TableName, map: Record<string, string>, defaults: Record<string, PropValue>): Input<'exchange.import'> {
  return {
    files: o.selected,
    layer,
    table,
    ...(o.crs ? { crs: o.crs } : {}),
    map: chosenMap(map),
    defaults,
    repair: o.repair,
    skipOtherTypes: o.skipOther,
    closeRings: o.closeRings,
    duplicates: o.dupImport ? 'import' : 'skip',
    ...readingOptions(o),
  };
}

/** What the invalid-geometry list reads the file with: the same options find the same geometries again. */
export function invalidSource(o: FileOptions, layer: string) {
  return { files: o.selected, layer, ...readingOptions(o), ...(o.crs ? { crs: o.crs } : {}) };
}

/** The target layer the first file of a session proposes, from its geometry types. */
export function guessTable(p: PreviewLayer | undefined): TableName {
  const types = Object.keys(p?.geometryTypes ?? {});
  if (types.some((t) => /Polygon/.test(t))) return 'search_areas';
  if (types.some((t) => /LineString/.test(t))) return 'base_lines';
  return 'info_points';
}

/** The user's choices that still fit (same target field, a column this file has) stay over the suggestion. */
export function mergeSuggestedMap(now: Record<string, string>, l: PreviewLayer | undefined, fields: readonly FieldDef[]): Record<string, string> {
  const kept = Object.entries(now).filter(([t, src]) => src && fields.some((f) => f.name === t) && l?.fields.includes(src));
  return { ...(l?.suggestedMap ?? {}), ...Object.fromEntries(kept) };
}

/** The columns offered for X (north) and Y (east): the detected ones first, then every field. */
export function coordinateColumns(current: PreviewLayer | undefined): string[] {
  return current ? [...(current.coordinates ? [current.coordinates.north, current.coordinates.east] : []), ...current.fields] : [];
}
