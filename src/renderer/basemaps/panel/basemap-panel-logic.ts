// The base-map panel's arithmetic, pure: upload pieces, sizes and percentages, the new order after
// a move, the box a zoom-to fits, and how long a change waits before it is saved.
import type { Job } from '../../../shared/api';

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export interface UploadPiece {
  at: number;
  last: boolean;
  /** How far the upload is when this piece starts, 0–100. */
  pct: number;
}

/** The pieces a file is sent in, in order; an empty file is still one (last) piece. */
export function uploadPieces(size: number, pieceBytes: number): UploadPiece[] {
  const pieces: UploadPiece[] = [];
  for (let at = 0; at < size || at === 0; at += pieceBytes) {
    const last = at + pieceBytes >= size;
    pieces.push({ at, last, pct: size ? Math.floor((at / size) * 100) : 0 });
    if (last) break;
  }
  return pieces;
}

/** The add job's progress, 0–100 (0 before it counts anything). */
export function jobPercent(job: Job | null): number {
  return job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
}

/** The ids with `id` moved one place up (-1) or down (+1); null when it cannot move. */
export function movedIds(ids: readonly string[], id: string, delta: -1 | 1): string[] | null {
  const next = [...ids];
  const i = next.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= next.length) return null;
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/**
 * The part of a base map's WGS 84 extent a zoom-to shows, [w, s, e, n]: clamped to Vietnam's
 * neighbourhood (a world map would otherwise zoom the view out to the globe); null when nothing is left.
 */
export function zoomBox(extentWgs84: readonly number[]): [number, number, number, number] | null {
  const [w, s, e, n] = extentWgs84 as [number, number, number, number];
  const box: [number, number, number, number] = [Math.max(w, 95), Math.max(s, 0), Math.min(e, 120), Math.min(n, 28)];
  return box[0] >= box[2] || box[1] >= box[3] ? null : box;
}

/** The box's four corners as lon/lat pairs (a projected box needs all four, not two). */
export function boxCorners([w, s, e, n]: readonly [number, number, number, number]): [number, number][] {
  return [
    [w, s],
    [e, n],
    [w, n],
    [e, s],
  ];
}

/** Opacity is saved once the slider rests; a visibility change at once. */
export function saveDelay(patch: { visible?: boolean; opacity?: number }): number {
  return patch.opacity !== undefined ? 250 : 0;
}
