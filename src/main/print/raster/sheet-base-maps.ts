// Base maps on a sheet: which ones (settings ids, or the project's visible ones, or files given to
// the CLI), and the sheet composed with them: planned, its base maps warped into the planned
// frame, then composed once with them.
import { ApiError } from '../../../shared/api-error';
import { compose, planSheet, type ComposeResult, type MeasureText, type PrintInput, type SheetSettingsInput } from '../../../shared/print';
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

/** The sheet with its base maps under the features (the plain sheet when there are none). */
export async function composeWithBaseMaps(
  input: PrintInput,
  settings: SheetSettingsInput,
  measure: MeasureText,
  rasters: SheetRaster[],
  o: WarpOptions = {},
): Promise<ComposeResult> {
  // Planned with room in the notes for every base map's name, so the frame is known before the
  // base maps are warped into it and the sheet is composed once.
  const plan = planSheet(input, settings, measure, { baseMapNames: rasters.map((r) => r.raster.name) });
  if (!rasters.length) return compose(input, settings, measure, plan);
  const baseMap = await warpToFrame(rasters, plan.frame, input.crs.proj4, o);
  const sheet = compose({ ...input, baseMap }, settings, measure, plan);
  const missed = rasters.map((r) => r.raster.name).filter((n) => !baseMap.names.includes(n));
  if (missed.length)
    sheet.report.warnings.push({
      vi: `Bản đồ nền không phủ tới khung bản đồ của tờ này: ${missed.join(', ')}.`,
      en: `Base map(s) not reaching this sheet's map frame: ${missed.join(', ')}.`,
    });
  for (const r of rasters) sheet.report.warnings.push(...r.raster.notes);
  return sheet;
}
