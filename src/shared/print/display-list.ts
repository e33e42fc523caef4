// The display list: what a sheet is made of, in PAPER millimetres (origin top-left, y down). The
// composer produces it; the PDF backend (main) and the SVG preview (renderer) only draw it, so the
// preview is the sheet and tests can assert on it without parsing a PDF.

export interface FillPaint {
  color: string;
  /** 0..1 (default 1). */
  opacity?: number;
}

export interface StrokePaint {
  color: string;
  widthMm: number;
  dashMm?: readonly number[];
  cap?: 'butt' | 'round' | 'square';
  join?: 'miter' | 'round' | 'bevel';
  opacity?: number;
}

/** What an item is on the sheet: lets tests and the preview find things (never affects drawing). */
export type ItemRole =
  | 'map'
  | 'mask'
  | 'frame'
  | 'grid-line'
  | 'grid-label'
  | 'feature-label'
  | 'symbol'
  | 'title'
  | 'legend'
  | 'stats'
  | 'scale-bar'
  | 'scale-text'
  | 'north-arrow'
  | 'note'
  | 'signature'
  | 'decoration';

/** Axis-aligned box [x0, y0, x1, y1] in mm. */
export type BoxMm = [number, number, number, number];

export interface PathItem {
  kind: 'path';
  /** Subpaths, each a flat [x0, y0, x1, y1, …] in mm. */
  subpaths: number[][];
  closed: boolean;
  fill?: FillPaint;
  fillRule?: 'nonzero' | 'evenodd';
  /** Drawn in order after the fill (a casing first, then the line on top). */
  strokes?: readonly StrokePaint[];
  role: ItemRole;
}

/** A point symbol placed on the sheet; its drawing is in DisplayList.symbols (PDF XObject, SVG <use>). */
export interface SymbolItem {
  kind: 'symbol';
  symbol: string;
  /** The anchor position on paper. */
  x: number;
  y: number;
  role: ItemRole;
}

/** A symbol's drawing in mm, relative to its anchor (0, 0). */
export interface SymbolDef {
  id: string;
  parts: PathItem[];
  /** Box around the anchor, for collisions. */
  box: BoxMm;
}

export interface TextItem {
  kind: 'text';
  x: number;
  y: number;
  /** NFC. */
  text: string;
  sizePt: number;
  bold?: boolean;
  /** Water names and the like (symbology's `italic`): drawn with the italic face. */
  italic?: boolean;
  color: string;
  align: 'left' | 'center' | 'right';
  /** Where y sits: on the baseline, or the middle of the text's box. */
  baseline: 'alphabetic' | 'middle';
  /** Counter-clockwise, degrees. */
  angleDeg?: number;
  halo?: { color: string; widthMm: number };
  role: ItemRole;
  /** The box the text occupies (as measured by the composer), for collision tests. */
  box: BoxMm;
}

export interface ImageItem {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  format: 'jpeg';
  /** Base64 of the JPEG bytes. */
  data: string;
  role: ItemRole;
}

export interface ClipBegin {
  kind: 'clip-begin';
  subpaths: number[][];
  fillRule?: 'nonzero' | 'evenodd';
}

export interface ClipEnd {
  kind: 'clip-end';
}

export type DisplayItem = PathItem | TextItem | ImageItem | SymbolItem | ClipBegin | ClipEnd;

export interface DisplayList {
  page: { widthMm: number; heightMm: number };
  items: DisplayItem[];
  symbols: Record<string, SymbolDef>;
}

/** Measures text on paper: width in mm of `text` at `sizePt`. The PDF side passes the real font's. */
export type MeasureText = (text: string, sizePt: number, bold: boolean, italic?: boolean) => number;

export const PT_TO_MM = 25.4 / 72;

/** A font-less estimate (Noto Sans averages ≈ 0.56 em, bold ≈ 0.6; capitals wider): previews, tests. */
export const approxMeasure: MeasureText = (text, sizePt, bold) => {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ') em += 0.26;
    else if (/[0-9]/.test(ch)) em += 0.572;
    else if (ch !== ch.toLowerCase()) em += bold ? 0.74 : 0.7;
    else if (/[ijlít.,:;'|!]/.test(ch)) em += 0.3;
    else em += bold ? 0.62 : 0.58;
  }
  return em * sizePt * PT_TO_MM;
};

export function boxesOverlap(a: BoxMm, b: BoxMm, gap = 0): boolean {
  return a[0] < b[2] + gap && b[0] < a[2] + gap && a[1] < b[3] + gap && b[1] < a[3] + gap;
}

/** The box of a single-line text placed at (x, y) with the given alignment. */
export function textBox(x: number, y: number, widthMm: number, sizePt: number, align: TextItem['align'], baseline: TextItem['baseline']): BoxMm {
  const h = sizePt * PT_TO_MM;
  const x0 = align === 'left' ? x : align === 'center' ? x - widthMm / 2 : x - widthMm;
  // Noto Sans: ascender ≈ 1.07 em, descender ≈ 0.29 em; Vietnamese stacked marks need the full ascent.
  const top = baseline === 'alphabetic' ? y - 1.0 * h : y - 0.62 * h;
  const bottom = baseline === 'alphabetic' ? y + 0.28 * h : y + 0.62 * h;
  return [x0, top, x0 + widthMm, bottom];
}
