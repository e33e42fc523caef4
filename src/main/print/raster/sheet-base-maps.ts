// Base maps on a sheet: which ones (settings ids, or the project's visible ones, or files given to
// the CLI), and the sheet composed with them. The frame is known only once the sheet is composed,
// so a sheet is composed, its base maps warped into that frame, then composed again with them.
import { ApiError } from '../../../shared/api';
import { compose, type ComposeResult, type MeasureText, type PrintInput, type SheetSettingsInput } from '../../../shared/print';
import { openRaster } from './open-raster';
import type { OpenedRaster } from './raster-model';
import type { RasterSource } from './source';
import { warpToFrame, type WarpOptions } from './warp-to-frame';

export interface BaseMapChoice {
  /** Sources given directly (`quytap print --basemap file`), printed under the project's ones. */
  sources?: RasterSource[];
  /** Opens a base map stored in the project (the base-map feature's openBasemapSource). */
  open?: (id: string) => RasterSource | Promise<RasterSource>;
  /** Ids of the base maps visible in the project's layer list, bottom first (the default). */
  visible?: () => string[];
  /** The opacity the project shows a base map at (printed the same: blended with paper white). */
  opacity?: (id: string) => number;
}

export interface ChosenBaseMap {
  source: RasterSource;
  opacity: number;
}

export interface SheetRaster {
  raster: OpenedRaster;
  opacity: number;
}

/** The sources a sheet prints, bottom first. */
export async function chooseBaseMaps(settings: SheetSettingsInput, c: BaseMapChoice = {}): Promise<ChosenBaseMap[]> {
  const ids = settings.baseMaps ?? c.visible?.() ?? [];
  if (ids.length && !c.open)
    throw new ApiError(
      'validation',
      `Dự án này không có bản đồ nền để in (${ids.join(', ')}).`,
      `This project has no base maps to print (${ids.join(', ')}).`,
      { baseMaps: ids },
    );
  const stored: ChosenBaseMap[] = [];
  for (const id of ids) stored.push({ source: await c.open!(id), opacity: c.opacity?.(id) ?? 1 });
  return [...(c.sources ?? []).map((source) => ({ source, opacity: 1 })), ...stored];
}

export async function openAll(chosen: ChosenBaseMap[]): Promise<SheetRaster[]> {
  const out: SheetRaster[] = [];
  try {
    for (const c of chosen) out.push({ raster: await openRaster(c.source), opacity: c.opacity });
  } catch (e) {
    await Promise.all(out.map((r) => r.raster.close()));
    throw e;
  }
  return out;
}

const sameFrame = (a: ComposeResult, b: ComposeResult) => {
  const [f, g] = [a.report.frame, b.report.frame];
  return f.x === g.x && f.y === g.y && f.w === g.w && f.h === g.h && f.extent.every((v, i) => v === g.extent[i]);
};

/** The sheet with its base maps under the features (the plain sheet when there are none). */
export async function composeWithBaseMaps(
  input: PrintInput,
  settings: SheetSettingsInput,
  measure: MeasureText,
  rasters: SheetRaster[],
  o: WarpOptions = {},
): Promise<ComposeResult> {
  let sheet = compose(input, settings, measure);
  if (!rasters.length) return sheet;
  // Naming the base maps in the notes may move blocks and so the frame: warp again then.
  for (let attempt = 0; attempt < 3; attempt++) {
    const baseMap = await warpToFrame(rasters, sheet.report.frame, input.crs.proj4, o);
    const next = compose({ ...input, baseMap }, settings, measure);
    const missed = rasters.map((r) => r.raster.name).filter((n) => !baseMap.names.includes(n));
    if (missed.length)
      next.report.warnings.push({
        vi: `Bản đồ nền không phủ tới khung bản đồ của tờ này: ${missed.join(', ')}.`,
        en: `Base map(s) not reaching this sheet's map frame: ${missed.join(', ')}.`,
      });
    for (const r of rasters) next.report.warnings.push(...r.raster.notes);
    if (sameFrame(sheet, next)) return next;
    sheet = next;
  }
  throw new Error('composeWithBaseMaps: the map frame does not settle');
}
