// Paper sizes (ISO 216) and the standard scales (the dialog's list; "fit" itself: scale.ts).

export const PAPERS = { A0: [841, 1189], A1: [594, 841], A2: [420, 594], A3: [297, 420], A4: [210, 297] } as const;
export type PaperName = keyof typeof PAPERS;
export const PAPER_NAMES = Object.keys(PAPERS) as PaperName[];

/** The scales in use (DOMAIN.md: 1:2,000 to 1:250,000), largest scale first. */
export const STANDARD_SCALES = [2000, 5000, 10000, 25000, 50000, 100000, 250000] as const;

export function pageSizeMm(paper: PaperName, orientation: 'portrait' | 'landscape'): { w: number; h: number } {
  const [a, b] = PAPERS[paper];
  return orientation === 'portrait' ? { w: a, h: b } : { w: b, h: a };
}

/** How big type and furniture are relative to A3 (A0 is read from further away). */
export function furnitureFactor(paper: PaperName): number {
  return { A0: 2, A1: 1.6, A2: 1.3, A3: 1, A4: 0.85 }[paper];
}

/**
 * The largest standard scale (smallest denominator) at which a ground box of w × h metres fits a
 * frame of fw × fh millimetres; null when even 1:250,000 is too small. (A sheet's "fit" takes any
 * round scale: scale.ts.)
 */
export function fitScale(groundW: number, groundH: number, frameWmm: number, frameHmm: number): number | null {
  for (const s of STANDARD_SCALES) {
    if ((groundW * 1000) / s <= frameWmm && (groundH * 1000) / s <= frameHmm) return s;
  }
  return null;
}

/** Grid interval (metres) for a scale: the smallest round step at least 60 mm apart on paper. */
export function gridStepFor(scale: number): number {
  const steps = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];
  for (const s of steps) if ((s * 1000) / scale >= 60) return s;
  return steps[steps.length - 1];
}

/** The blocks a sheet places around its map (their positions are part of the sheet's settings). */
export const BLOCK_NAMES = ['legend', 'stats', 'scale', 'notes', 'signatures', 'inset', 'adjacent'] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];
