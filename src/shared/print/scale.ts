// Which scale a sheet is printed at: the one typed, or "fit", the largest round scale at which the
// area fills one frame. Round: multiples of 1:1,000 up to 1:10,000, of 1:5,000 above (1:25,000,
// 1:30,000…), as a provincial cartographer writes them; the seven standard scales alone jumped
// from 1:50,000 to 1:100,000 and left a district on A0 filling 40 % of its frame.

/** The range a typed scale may take (checked at the contract's edge, settings.ts). */
export const MIN_SCALE = 500;
export const MAX_SCALE = 1_000_000;

/** The smallest round scale denominator ≥ n. */
export function roundScaleAtLeast(n: number): number {
  if (n <= 10_000) return Math.max(1000, Math.ceil(n / 1000 - 1e-9) * 1000);
  return Math.ceil(n / 5000 - 1e-9) * 5000;
}

/**
 * "fit": the largest round scale at which a ground box of w × h metres fits a frame of fw × fh
 * millimetres; null when not even 1:1,000,000 does.
 */
export function fitRoundScale(groundW: number, groundH: number, frameWmm: number, frameHmm: number): number | null {
  const need = Math.max((groundW * 1000) / frameWmm, (groundH * 1000) / frameHmm);
  const s = roundScaleAtLeast(need);
  return s <= MAX_SCALE ? s : null;
}

/**
 * At most how many sheets a ground box of w × h metres needs at `scale` in frames of fw × fh mm
 * overlapping by `overlapMm` (the series leaves out frames that miss the area, so it may need
 * fewer). Pure arithmetic: the print dialog shows it beside each scale before anything is composed.
 */
export function sheetsAtMost(groundW: number, groundH: number, frameWmm: number, frameHmm: number, scale: number, overlapMm: number): number {
  const ov = Math.min(overlapMm, Math.min(frameWmm, frameHmm) / 3);
  const need = (ground: number, frame: number) => Math.max(1, Math.ceil(((ground * 1000) / scale - ov) / (frame - ov) - 1e-9));
  return need(groundW, frameWmm) * need(groundH, frameHmm);
}
