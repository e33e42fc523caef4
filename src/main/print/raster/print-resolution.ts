// How finely a base map is printed. 200 dpi is finer than a scanned 1:10,000 sheet's detail on
// paper; larger frames get fewer dots per inch so that one frame stays within a pixel budget (an
// A0 frame at 200 dpi would be ~45 megapixels: memory and PDF size with nothing gained on a wall).
export const MAX_DPI = 200;
export const FRAME_BUDGET_PX = 16_000_000;
/** Blocks are encoded one at a time: memory stays at one block's buffers. */
export const BLOCK_PX = 1024;

export function printDpi(frameWmm: number, frameHmm: number): number {
  const sqIn = (frameWmm / 25.4) * (frameHmm / 25.4);
  return Math.max(50, Math.min(MAX_DPI, Math.floor(Math.sqrt(FRAME_BUDGET_PX / sqIn))));
}

/** JPEG quality: large sheets are seen from further away and would otherwise be tens of MB. */
export function jpegQuality(dpi: number): number {
  return dpi >= 180 ? 75 : 65;
}
