// One sheet (or a whole series) from an open project to PDF bytes: gather, compose with the real
// font metrics, draw, georeference.
import { ApiError } from '../../shared/api';
import { compose, type ComposeReport, type PrintInput, type SheetSettingsInput } from '../../shared/print';
import type { ProjectStore } from '../store';
import { viewportEntry } from './georef';
import { fontMeasure, renderPdf, type PdfPage } from './pdf-backend';
import { gatherPrintInput } from './print-data';

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
}

export async function printInput(input: PrintInput, settings: SheetSettingsInput, o: PrintOptions = {}): Promise<PrintResult> {
  const m = sheetMeasure();
  const first = compose(input, settings, m);
  const results = [first];
  let index: ReturnType<typeof compose> | null = null;
  if (o.series && first.report.sheets > 1) {
    index = compose(input, { ...settings, index: true }, m);
    for (let i = 2; i <= first.report.sheets; i++) {
      await new Promise<void>((r) => setImmediate(r));
      if (o.signal?.aborted) throw new ApiError('cancelled', 'Đã hủy in.', 'Printing was cancelled.');
      results.push(compose(input, { ...settings, sheet: i }, m));
      o.onProgress?.(i, first.report.sheets * 2, `Dàn trang tờ ${i}`);
    }
  }
  const pages: PdfPage[] = (index ? [index, ...results] : results).map((r) => ({ list: r.list, viewport: viewportEntry(r.report, input.crs, r.list.page.heightMm) }));
  try {
    const missing = new Set<string>();
    const bytes = await renderPdf(pages, { title: first.report.title, signal: o.signal, missingGlyphs: missing, onProgress: (d, t) => o.onProgress?.(d, t, 'Vẽ PDF') });
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

export function printSheet(store: ProjectStore, settings: SheetSettingsInput, o: PrintOptions = {}): Promise<PrintResult> {
  return printInput(gatherPrintInput(store), settings, o);
}
