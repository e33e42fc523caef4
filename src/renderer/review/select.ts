// What the review panel lists for the chosen commune: pure selections over what main sent.
import type { Finding } from '../../shared/review/finding';
import type { ReviewComment } from '../../shared/review/comment';

/** The commune's comments (and replies) the "open only" filter lets through; a reply always shows with its comment. */
export function commentsShown(comments: readonly ReviewComment[], commune: string, openOnly: boolean): ReviewComment[] {
  return comments.filter((c) => c.communeCode === commune && (!openOnly || !c.resolved || c.parentId !== null));
}

/** The commune's comments not yet settled (replies not counted): the tab's and the banner's number. */
export function openCommentCount(comments: readonly ReviewComment[], commune: string): number {
  return comments.filter((c) => c.communeCode === commune && !c.resolved && c.parentId === null).length;
}

/** The findings of the commune (all of them when none is chosen), with those that belong to no commune. */
export function findingsShown(findings: readonly Finding[], commune: string): Finding[] {
  return findings.filter((f) => !commune || f.communeCode === commune || !f.communeCode);
}
