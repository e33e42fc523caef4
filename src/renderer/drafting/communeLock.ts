// Which communes' maps may not be edited because of their review state, known BEFORE anyone edits:
// an approved map is locked for everybody (main refuses every write, review/permissions.ts), and
// while a map is submitted the commune's staff wait for the reviewer's answer instead of changing
// what is being judged. The forms, tools and badges read this; main still decides.
import type { Operator } from '../../shared/api';
import type { ReviewState } from '../../shared/review/state';

export type ReviewLock = 'approved' | 'submitted';

export function reviewLock(state: ReviewState | undefined, op: Operator | null): ReviewLock | null {
  if (state === 'approved') return 'approved';
  if (state === 'submitted' && op?.role === 'commune_staff') return 'submitted';
  return null;
}

/** Tools that only look (select, measure) stay usable on a locked commune; the others write. */
export const READ_ONLY_TOOLS: readonly string[] = ['select', 'measure', 'measureArea'];
