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

/** Every commune's review state from the review history, oldest act first: the last one stays. */
export function statesFromHistory(acts: readonly { communeCode: string; to?: ReviewState | null }[]): Map<string, ReviewState> {
  const m = new Map<string, ReviewState>();
  for (const a of acts) if (a.to) m.set(a.communeCode, a.to);
  return m;
}

/** Why the commune focus keeps a row read-only, as a sentence's key (review locks come first, elsewhere). */
export type FocusLock = { key: 'commune.adminReadOnly' } | { key: 'commune.readOnly'; code: string };

/**
 * Boundaries are read-only, and so are another commune's rows while one is focused; the "unlock"
 * tick lifts both (main does not enforce the focus, only the review locks).
 */
export function focusLock(table: string, communeCode: unknown, focus: string | null, unlocked: boolean): FocusLock | null {
  if (unlocked) return null;
  if (table === 'admin_units') return { key: 'commune.adminReadOnly' };
  if (focus && typeof communeCode === 'string' && communeCode !== '' && communeCode !== focus) return { key: 'commune.readOnly', code: communeCode };
  return null;
}
