import type { Hit } from '../../map/MapController';

/** The same features, in the same order, at the same versions. */
export function sameHits(a: readonly Hit[], b: readonly Hit[]): boolean {
  return a.length === b.length && a.every((h, i) => h.table === b[i]!.table && h.id === b[i]!.id && h.meta?.version === b[i]!.meta?.version);
}
