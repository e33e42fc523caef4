// What the wizard shows before anything is written: layers, fields, first rows (with their X/Y),
// the CRS (what the format fixes, what the file says, or what the values and the project's zone
// suggest), how many features fall outside Vietnam in that CRS, which geometries GEOS finds invalid
// (all of them are counted; the preview carries the first PREVIEW_INVALID, the rest are paged
// through invalidGeometries(); the repair offer of the import covers every one), which rings are
// open, the positions over the project's communes for a small map, and, for the target table, how
// many rows are already in the project and why the import would be refused.
import { ApiError } from '../../shared/api-error';
import { findCrs, transform } from '../../shared/crs';
import type { Extent, Geometry, PropValue, TableName } from '../../shared/model';
import { findDuplicates, type RowSource } from './duplicates';
import { breathe } from './errors';
import { suggestFieldMap } from './field-map';
import { guessDatasetCrs } from './guess-crs';
import { prepareImport, type ImportSpec } from './import-plan';
import { pickLayer } from './import-run';
import { readDataset, type ReadOptions } from './read-any';
import { forEachPosition, mapPositions, openRingCount } from './source-geometry';
import type { InputFile, SourceGeometry, SourceLayer } from './types';
import { geosChecker, type GeosChecker } from './validity';
import { insideVietnam } from './vietnam-bounds';

/** Invalid geometries listed in a preview; the count is always complete. */
export const PREVIEW_INVALID = 500;

/** Positions (in the working CRS) a preview carries for its map. */
export const PREVIEW_POINTS = 2000;

export interface PreviewOptions extends ReadOptions, Omit<ImportSpec, 'table' | 'crs'> {
  table?: TableName;
  crs?: string | null;
  workingCrs: string;
  sampleSize?: number;
  /** The layer the duplicate count and the refusal check are for (default the first). */
  layer?: string;
  /** The project's rows: duplicates of the target table, commune outlines for the map. */
  rows?: RowSource;
  /** The project's extent in the working CRS: where a table of metres is guessed to belong. */
  projectExtent?: Extent | null;
}

function members(g: SourceGeometry): SourceGeometry[] {
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(members);
  if (g.type === 'MultiPoint') return [];
  return [g];
}

interface LayerCheck {
  code: string | null;
  extent: number[] | null;
  outside: number;
  invalid: { row: number; reason: string }[];
  openRings: number[];
  points: number[][];
}

/** About PREVIEW_POINTS positions of the layer, spread over its features, in the working CRS. */
function mapPoints(l: SourceLayer, code: string, workingCrs: string): number[][] {
  const withGeometry = l.features.filter((f) => f.geometry);
  const step = Math.max(1, withGeometry.length / PREVIEW_POINTS);
  const perFeature = Math.max(1, Math.floor(PREVIEW_POINTS / Math.min(withGeometry.length, PREVIEW_POINTS)));
  const out: number[][] = [];
  for (let k = 0; k < withGeometry.length && out.length < PREVIEW_POINTS; k += step) {
    const all: number[][] = [];
    forEachPosition(withGeometry[Math.floor(k)]!.geometry!, (p) => all.push(p));
    const every = Math.max(1, Math.ceil(all.length / perFeature));
    for (let j = 0; j < all.length && out.length < PREVIEW_POINTS; j += every) {
      const t = code === workingCrs ? all[j]! : transform(code, workingCrs, [all[j]![0]!, all[j]![1]!]);
      if (Number.isFinite(t[0]) && Number.isFinite(t[1])) out.push([t[0]!, t[1]!]);
    }
  }
  return out;
}

async function checkLayer(l: SourceLayer, opts: PreviewOptions, checker: GeosChecker): Promise<LayerCheck> {
  // The user's choice beats what the file says (a .prj that lies is common enough).
  const wanted = opts.crs ?? l.crs.code;
  const code = wanted ? (findCrs(wanted)?.code ?? null) : null;
  const invalid: { row: number; reason: string }[] = [];
  const openRings: number[] = [];
  for (const f of l.features) if (f.geometry && openRingCount(f.geometry)) openRings.push(f.row);
  if (!code) return { code, extent: null, outside: 0, invalid, openRings, points: [] };
  const e = [Infinity, Infinity, -Infinity, -Infinity];
  let outside = 0;
  let i = 0;
  for (const f of l.features) {
    await breathe(++i, opts.signal, 500);
    if (!f.geometry) continue;
    let out = false;
    forEachPosition(f.geometry, (p) => {
      const [lon, lat] = code === 'EPSG:4326' ? p : transform(code, 'EPSG:4326', [p[0]!, p[1]!]);
      if (!insideVietnam(lon!, lat!)) out = true;
      e[0] = Math.min(e[0]!, lon!);
      e[1] = Math.min(e[1]!, lat!);
      e[2] = Math.max(e[2]!, lon!);
      e[3] = Math.max(e[3]!, lat!);
    });
    if (out) outside++;
    for (const m of members(f.geometry)) {
      // Open rings are listed apart; GEOS cannot build them.
      if (m.type === 'Point' || openRingCount(m)) continue;
      // Validity is judged in the working CRS, where the data will live.
      const g = mapPositions(m, (p) => (code === opts.workingCrs ? p : transform(code, opts.workingCrs, [p[0]!, p[1]!]))) as Geometry;
      const v = checker.check(g);
      if (!v.valid) invalid.push({ row: f.row, reason: v.reason ?? 'invalid' });
    }
  }
  return { code, extent: Number.isFinite(e[0]) ? e : null, outside, invalid, openRings, points: outside ? [] : mapPoints(l, code, opts.workingCrs) };
}

/** Rows already in the target table, and the import's refusal if it would be refused (null: it would go through). */
async function dryRun(fileName: string, l: SourceLayer, opts: PreviewOptions & { table: TableName }): Promise<{ duplicates: number | null; problem: { vi: string; en: string } | null }> {
  const { table, crs, map, defaults, repair, skipOtherTypes, closeRings } = opts;
  try {
    const prepared = await prepareImport(fileName, l, { table, crs, map, defaults, repair, skipOtherTypes, closeRings }, opts.workingCrs, { signal: opts.signal });
    const duplicates = opts.rows ? findDuplicates(opts.rows, table, prepared.puts, opts.workingCrs).filter(Boolean).length : null;
    return { duplicates, problem: null };
  } catch (e) {
    if (e instanceof ApiError && e.code !== 'cancelled') return { duplicates: null, problem: { vi: e.vi, en: e.en } };
    throw e;
  }
}

/** The project's commune outlines (its other units when it has no commune) in the working CRS, thinned to ~200 positions a ring: the preview map's background. */
function communeOutlines(rows: RowSource | undefined): number[][][] {
  if (!rows) return [];
  const out: number[][][] = [];
  const units = rows.query('admin_units', { limit: 2000 }).rows.filter((r) => r.geometry);
  const communes = units.filter((r) => r.props.level === 'commune');
  for (const r of communes.length ? communes : units) {
    const g = r.geometry!;
    const polys = g.type === 'MultiPolygon' ? (g.coordinates as number[][][][]) : g.type === 'Polygon' ? [g.coordinates as number[][][]] : [];
    for (const p of polys) {
      const ring = p[0]!;
      const every = Math.max(1, Math.ceil(ring.length / 200));
      out.push(ring.filter((_, i) => i % every === 0 || i === ring.length - 1).map((q) => [q[0]!, q[1]!]));
    }
  }
  return out;
}

export async function previewImport(files: InputFile[], opts: PreviewOptions) {
  const ds = guessDatasetCrs(await readDataset(files, opts), opts.workingCrs, opts.projectExtent ?? null);
  const checker = await geosChecker();
  const target = opts.layer && ds.layers.some((l) => l.name === opts.layer) ? opts.layer : ds.layers[0]?.name;
  const layers = [];
  for (const l of ds.layers) {
    const geometryTypes: Record<string, number> = {};
    for (const f of l.features) {
      const t = f.geometry?.type ?? 'null';
      geometryTypes[t] = (geometryTypes[t] ?? 0) + 1;
    }
    const c = await checkLayer(l, opts, checker);
    const run = opts.table && l.name === target && c.code ? await dryRun(ds.fileName, l, { ...opts, table: opts.table }) : { duplicates: null, problem: null };
    layers.push({
      name: l.name,
      count: l.features.length,
      fields: l.fields,
      geometryTypes,
      crs: {
        code: c.code,
        how: opts.crs ? 'user' : l.crs.how,
        said: l.crs.said ?? null,
        notes: l.crs.notes,
        // The format itself fixes it (GPX, KML, RFC 7946 GeoJSON): there is nothing to choose.
        fixed: l.crs.how === 'format' && !!l.crs.code,
        fileSays: l.crs.code,
      },
      coordinates: l.coordinates ?? null,
      sample: l.features.slice(0, opts.sampleSize ?? 20).map((f) => ({
        row: f.row,
        props: f.props as Record<string, PropValue>,
        geometryType: f.geometry?.type ?? null,
        position: f.geometry?.type === 'Point' ? f.geometry.coordinates.slice(0, 2) : null,
      })),
      extentWgs84: c.extent,
      outsideVietnam: c.outside,
      suggestedMap: opts.table ? suggestFieldMap(opts.table, l.fields) : {},
      invalid: c.invalid.slice(0, PREVIEW_INVALID),
      invalidCount: c.invalid.length,
      openRings: c.openRings.slice(0, PREVIEW_INVALID),
      openRingCount: c.openRings.length,
      points: c.points,
      duplicates: run.duplicates,
      problem: run.problem,
    });
  }
  return { fileName: ds.fileName, format: ds.format, layers, warnings: ds.warnings, communes: communeOutlines(opts.rows), workingCrs: opts.workingCrs };
}

/** One page of a layer's invalid geometries (offset, limit), with the total: the preview's list goes on here. */
export async function invalidGeometries(files: InputFile[], opts: PreviewOptions & { layer?: string; offset: number; limit: number }) {
  const ds = guessDatasetCrs(await readDataset(files, opts), opts.workingCrs, opts.projectExtent ?? null);
  const l = pickLayer(ds, opts.layer);
  const c = await checkLayer(l, opts, await geosChecker());
  return { layer: l.name, total: c.invalid.length, items: c.invalid.slice(opts.offset, opts.offset + opts.limit) };
}
