// One sheet (or a whole series) from an open project to PDF bytes: gather, compose with the real
// font metrics, draw, georeference.
import { ApiError } from '../../shared/api-error';
import { compose, type ComposeReport, type PrintInput, type SheetSettingsInput } from '../../shared/print';
import type { ProjectStore } from '../store';
import { viewportEntry } from './georef';
import { fontMeasure, renderPdf, type PdfPage } from './pdf-backend';
import { gatherPrintInput } from './print-data';
import { chooseBaseMaps, composeWithBaseMaps, openAll, type BaseMapChoice } from './raster/sheet-base-maps';

export interface PrintResult {
  bytes: Uint8Array;
  /** One per sheet, in order. */
  reports: ComposeReport[];
  /** The series' index sheet (first page of the PDF), when a series was printed. */
  index: ComposeReport | null;
}

let measure: ReturnType<typeof fontMeasure> | null = null;
export const sheetMeasure = () => (measure ??= fontMeasure());

export interface PrintOptions {
  /** Every sheet of a series (default: only settings.sheet, or sheet 1). */
  series?: boolean;
  onProgress?: (done: number, total: number, message?: string) => void;
  signal?: AbortSignal;
  /** Raster base maps under the map (default: none unless settings.baseMaps names some). */
  baseMaps?: BaseMapChoice;
}

interface ComposedSheets {
  first: ReturnType<typeof compose>;
  results: ReturnType<typeof compose>[];
  index: ReturnType<typeof compose> | null;
  pages: PdfPage[];
}

export async function printInput(input: PrintInput, settings: SheetSettingsInput, o: PrintOptions = {}): Promise<PrintResult> {
  return renderSheets(await composeSheets(input, settings, o), o);
}

async function composeSheets(input: PrintInput, settings: SheetSettingsInput, o: PrintOptions): Promise<ComposedSheets> {
  const m = sheetMeasure();
  const rasters = await openAll(await chooseBaseMaps(settings, o.baseMaps));
  const sheetOf = (s: SheetSettingsInput) => composeWithBaseMaps(input, s, m, rasters, { signal: o.signal, onProgress: (d, t) => o.onProgress?.(d, t, 'Bản đồ nền') });
  const first = await sheetOf(settings);
  const results = [first];
  let index: ReturnType<typeof compose> | null = null;
  if (o.series && first.report.sheets > 1) {
    index = await sheetOf({ ...settings, index: true });
    for (let i = 2; i <= first.report.sheets; i++) {
      await new Promise<void>((r) => setImmediate(r));
      if (o.signal?.aborted) throw new ApiError('cancelled', 'Đã hủy in.', 'Printing was cancelled.');
      results.push(await sheetOf({ ...settings, sheet: i }));
      o.onProgress?.(i, first.report.sheets * 2, `Dàn trang tờ ${i}`);
    }
  }
  const pages: PdfPage[] = (index ? [index, ...results] : results).map((r) => ({ list: r.list, viewport: viewportEntry(r.report, input.crs, r.list.page.heightMm) }));
  return { first, results, index, pages };
}

async function renderSheets({ first, results, index, pages }: ComposedSheets, o: PrintOptions): Promise<PrintResult> {
  try {
    const missing = new Set<string>();
    // The lists are drawn once and not returned: let go as they are drawn.
    const bytes = await renderPdf(pages, { title: first.report.title, signal: o.signal, missingGlyphs: missing, onProgress: (d, t) => o.onProgress?.(d, t, 'Vẽ PDF'), consume: true });
    if (missing.size) {
      const chars = [...missing].join(' ');
      first.report.warnings.push({
        vi: `Phông chữ của tờ in không có ký tự: ${chars} (sẽ in thành khoảng trống). Hãy sửa chữ.`,
        en: `The sheet font has no glyph for: ${chars} (printed blank). Please change the text.`,
      });
    }
    return { bytes, reports: results.map((r) => r.report), index: index?.report ?? null };
  } catch (e) {
    if (e instanceof Error && e.message === 'cancelled') throw new ApiError('cancelled', 'Đã hủy in.', 'Printing was cancelled.');
    throw e;
  }
}

/** From the store: the rows gathered are composed, then let go before the PDF is drawn (peak memory). */
export async function printSheet(store: ProjectStore, settings: SheetSettingsInput, o: PrintOptions = {}): Promise<PrintResult> {
  const composed = await composeSheets(gatherPrintInput(store), settings, o);
  collectBetweenPhases();
  return renderSheets(composed, o);
}

/**
 * One full collection between composing and drawing, where Node exposes it (bin/quytap.mjs starts
 * `print` with --expose-gc; the app does not). The gathered rows and the composer's garbage are dead
 * by then (~95 MB on twice the heavy A0 sheet), but V8 would let the heap grow further while the PDF
 * is drawn before collecting them: the sheet's peak is ~30 MB lower for one ~40 ms collection that
 * later ones no longer need to do (docs/BENCHMARKS.md, Printing).
 */
function collectBetweenPhases(): void {
  globalThis.gc?.();
}
