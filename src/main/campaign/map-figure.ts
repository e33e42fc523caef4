// The map figure of a report: the commune's (or the district's) sheet composed by the print
// feature's own composer on A4 landscape, its map frame rasterised to a PNG that the PDF and the
// .docx both embed. No base maps (the figure shows the campaign's data, not the imagery).
import { encode } from 'fast-png';
import { compose } from '../../shared/print';
import { sheetMeasure } from '../print/print-sheet';
import { gatherPrintInput } from '../print/print-data';
import type { ProjectStore } from '../store';
import { rasterise } from './raster-list';

/** The figure's size on the report's page, mm: the text width, or less for a tall map. */
export function figureSizeMm(f: MapFigure, textWidthMm: number, maxHeightMm = 150): { w: number; h: number } {
  const h = (textWidthMm * f.heightMm) / f.widthMm;
  return h <= maxHeightMm ? { w: textWidthMm, h } : { w: (maxHeightMm * f.widthMm) / f.heightMm, h: maxHeightMm };
}

export interface MapFigure {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** The frame's size on the sheet, mm (its aspect ratio). */
  widthMm: number;
  heightMm: number;
  /** 1:N of the sheet the figure was cut from. */
  scale: number;
}

const PX_PER_MM = 5; // ~127 dpi at the frame's own size: sharp enough at half a page

/** Null when the area cannot be drawn (no boundary of the commune in the project, say). */
export function mapFigure(store: ProjectStore, communeCode: string | null): MapFigure | null {
  let sheet: ReturnType<typeof compose>;
  try {
    sheet = compose(
      gatherPrintInput(store),
      { paper: 'A4', orientation: 'landscape', area: communeCode ? { kind: 'communes', communes: [communeCode] } : { kind: 'all' }, baseMaps: [], maskOpacity: 0.6 },
      sheetMeasure(),
    );
  } catch {
    return null;
  }
  const f = sheet.report.frame;
  if (!(f.w > 0 && f.h > 0)) return null;
  const r = rasterise(sheet.list, [f.x, f.y, f.x + f.w, f.y + f.h], PX_PER_MM);
  const png = encode({ width: r.width, height: r.height, data: r.data, channels: 3, depth: 8 });
  return { png, widthPx: r.width, heightPx: r.height, widthMm: f.w, heightMm: f.h, scale: sheet.report.scale };
}
