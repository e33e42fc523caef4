// What the review panel lists for the chosen commune: the comments the "open only" filter keeps
// (a reply stays with its comment), the open count on the tab and the banner, and the findings.
import { describe, expect, it } from 'vitest';
import type { ReviewComment } from '../../../src/shared/review/comment';
import type { Finding } from '../../../src/shared/review/finding';
import { commentsShown, findingsShown, openCommentCount } from '../../../src/renderer/review/select';

const A = '24697';
const B = '24700';
let n = 0;
function comment(communeCode: string, resolved: boolean, parentId: string | null = null): ReviewComment {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { id, communeCode, parentId, table: null, featureId: null, x: 1, y: 2, text: `góp ý ${n}`, author: 'Thẩm định viên', role: 'reviewer', createdAt: '2026-12-05T04:00:00Z', resolved, resolvedBy: null, resolvedAt: null };
}
function finding(communeCode: string | null, rule: string): Finding {
  return { rule, severity: 'error', table: null, id: null, communeCode, vi: rule, en: rule, extent: null, otherTable: null, otherId: null };
}

const open = comment(A, false);
const settled = comment(A, true);
// review.comment.resolve takes any comment id, a reply too: a reply marked settled still shows with its thread.
const replyToSettled = comment(A, true, settled.id);
const replyToOpen = comment(A, false, open.id);
const other = comment(B, false);
const all = [open, settled, replyToSettled, replyToOpen, other];

describe('commentsShown', () => {
  it('"open only" hides settled comments of the commune but keeps every reply', () => {
    expect(commentsShown(all, A, true).map((c) => c.id)).toEqual([open.id, replyToSettled.id, replyToOpen.id]);
  });
  it('without the filter, every comment of the commune and nothing of another', () => {
    expect(commentsShown(all, A, false).map((c) => c.id)).toEqual([open.id, settled.id, replyToSettled.id, replyToOpen.id]);
    expect(commentsShown(all, B, false).map((c) => c.id)).toEqual([other.id]);
  });
});

describe('openCommentCount', () => {
  it('counts the commune’s unsettled comments, not their replies', () => {
    expect(openCommentCount(all, A)).toBe(1);
    expect(openCommentCount(all, B)).toBe(1);
    expect(openCommentCount(all, '99999')).toBe(0);
  });
});

describe('findingsShown', () => {
  const fs = [finding(A, 'a'), finding(B, 'b'), finding(null, 'project')];
  it('the commune’s findings and those of no commune', () => {
    expect(findingsShown(fs, A).map((f) => f.rule)).toEqual(['a', 'project']);
  });
  it('every finding when no commune is chosen', () => {
    expect(findingsShown(fs, '').map((f) => f.rule)).toEqual(['a', 'b', 'project']);
  });
});
