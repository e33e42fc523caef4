// What the wizard shows before anything is written: layers, fields, first rows, detected CRS, how
// many features fall outside Vietnam in that CRS, and which geometries GEOS finds invalid (all of
// them are counted; the preview carries the first PREVIEW_INVALID, the rest are paged through
// invalidGeometries(); the repair offer of the import covers every one).
import { findCrs, transform } from '../../shared/crs';
import type { Geometry, PropValue, TableName } from '../../shared/model';
import { breathe } from './errors';
import { suggestFieldMap } from './field-map';
import { pickLayer } from './import-run';
import { readDataset, type ReadOptions } from './read-any';
import { forEachPosition, mapPositions } from './source-geometry';
import type { InputFile, SourceGeometry, SourceLayer } from './types';
import { geosChecker, type GeosChecker } from './validity';
import { insideVietnam } from './vietnam-bounds';

/** Invalid geometries listed in a preview; the count is always complete. */
export const PREVIEW_INVALID = 500;

export interface PreviewOptions extends ReadOptions {
  table?: TableName;
  crs?: string | null;
  workingCrs: string;
  sampleSize?: number;
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
}

async function checkLayer(l: SourceLayer, opts: PreviewOptions, checker: GeosChecker): Promise<LayerCheck> {
  const wanted = opts.crs ?? l.crs.code;
  const code = wanted ? (findCrs(wanted)?.code ?? null) : null;
  const invalid: { row: number; reason: string }[] = [];
  if (!code) return { code, extent: null, outside: 0, invalid };
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
      if (m.type === 'Point') continue;
      // Validity is judged in the working CRS, where the data will live.
      const g = mapPositions(m, (p) => (code === opts.workingCrs ? p : transform(code, opts.workingCrs, [p[0]!, p[1]!]))) as Geometry;
      const v = checker.check(g);
      if (!v.valid) invalid.push({ row: f.row, reason: v.reason ?? 'invalid' });
    }
  }
  return { code, extent: Number.isFinite(e[0]) ? e : null, outside, invalid };
}

export async function previewImport(files: InputFile[], opts: PreviewOptions) {
  const ds = await readDataset(files, opts);
  const checker = await geosChecker();
  const layers = [];
  for (const l of ds.layers) {
    const geometryTypes: Record<string, number> = {};
    for (const f of l.features) {
      const t = f.geometry?.type ?? 'null';
      geometryTypes[t] = (geometryTypes[t] ?? 0) + 1;
    }
    const c = await checkLayer(l, opts, checker);
    layers.push({
      name: l.name,
      count: l.features.length,
      fields: l.fields,
      geometryTypes,
      crs: { code: c.code, how: opts.crs ? 'user' : l.crs.how, said: l.crs.said ?? null, notes: l.crs.notes },
      sample: l.features.slice(0, opts.sampleSize ?? 20).map((f) => ({ row: f.row, props: f.props as Record<string, PropValue>, geometryType: f.geometry?.type ?? null })),
      extentWgs84: c.extent,
      outsideVietnam: c.outside,
      suggestedMap: opts.table ? suggestFieldMap(opts.table, l.fields) : {},
      invalid: c.invalid.slice(0, PREVIEW_INVALID),
      invalidCount: c.invalid.length,
    });
  }
  return { fileName: ds.fileName, format: ds.format, layers, warnings: ds.warnings };
}

/** One page of a layer's invalid geometries (offset, limit), with the total: the preview's list goes on here. */
export async function invalidGeometries(files: InputFile[], opts: PreviewOptions & { layer?: string; offset: number; limit: number }) {
  const ds = await readDataset(files, opts);
  const l = pickLayer(ds, opts.layer);
  const c = await checkLayer(l, opts, await geosChecker());
  return { layer: l.name, total: c.invalid.length, items: c.invalid.slice(opts.offset, opts.offset + opts.limit) };
}
