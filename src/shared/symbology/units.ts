// Paper units ↔ screen pixels. The screen is taken as 96 CSS pixels per inch (the CSS reference
// pixel), whatever the device pixel ratio: OpenLayers scales by devicePixelRatio itself.

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
export const CSS_DPI = 96;

export function mmToPx(mm: number, dpi = CSS_DPI): number {
  return (mm * dpi) / MM_PER_INCH;
}

export function ptToPx(pt: number, dpi = CSS_DPI): number {
  return (pt * dpi) / PT_PER_INCH;
}

export function ptToMm(pt: number): number {
  return (pt * MM_PER_INCH) / PT_PER_INCH;
}

/** Scale denominator N of 1:N for a map resolution in metres per CSS pixel. */
export function scaleDenominator(metresPerPixel: number, dpi = CSS_DPI): number {
  return (metresPerPixel * dpi) / 0.0254;
}

/** Resolution (metres per CSS pixel) for a scale 1:N. */
export function resolutionForScale(denominator: number, dpi = CSS_DPI): number {
  return (denominator * 0.0254) / dpi;
}

/** "1:10.000": Vietnamese style, a dot as the thousands separator, rounded to a whole number. */
export function formatScale(denominator: number): string {
  return `1:${groupThousands(Math.round(denominator))}`;
}

/** 25000 → "25.000" (Vietnamese thousands separator). */
export function groupThousands(n: number, sep = '.'): string {
  const neg = n < 0;
  const s = String(Math.abs(Math.trunc(n)));
  const out = s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return neg ? `-${out}` : out;
}
