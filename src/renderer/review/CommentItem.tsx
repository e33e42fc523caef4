// One pinned comment: its number (as on its pin), author, date and what it is on (a click zooms to
// it), its text and replies, a reply box, the feature's versions, and whether it is settled.
import { useState } from 'react';
import type { ReviewComment } from '../../shared/review/comment';
import { TABLES } from '../../shared/model/tables';
import { useApi, useErrorToast } from '../components/common';
import { useI18n } from '../i18n';
import { CommentResolved } from './CommentResolved';
import { useReviewT } from './dict';
import { VersionCompare } from './VersionCompare';

interface Props {
  n: number;
  c: ReviewComment;
  replies: ReviewComment[];
  /** Only reviewers (and administrators) judge that a comment is settled; staff reply. */
  canResolve: boolean;
  onZoom: () => void;
  onChanged: () => Promise<void>;
}

export function CommentItem({ n, c, replies, canResolve, onZoom, onChanged }: Props) {
  const api = useApi();
  const r = useReviewT();
  const { date, pick } = useI18n();
  const showError = useErrorToast();
  const [reply, setReply] = useState('');
  const [versions, setVersions] = useState(false);
  const what = c.table ? `${pick(TABLES[c.table])}` : r('comment.onMap');
  const sendReply = async () => {
    try {
      await api.invoke('review.comment.add', { communeCode: c.communeCode, parentId: c.id, text: reply });
      setReply('');
      await onChanged();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <li className={`comment${c.resolved ? ' resolved' : ''}`} data-testid="review-comment" data-resolved={c.resolved}>
      <div className="comment-head" onClick={onZoom} title={r('zoom')}>
        <span className="pin-no">{n}</span> <b>{c.author}</b> <span className="muted small">{date(c.createdAt)} · {what}</span>
      </div>
      <div className="comment-text" data-testid="review-comment-body">
        {c.text}
      </div>
      {replies.map((x) => (
        <div key={x.id} className="comment-reply" data-testid="review-reply">
          <b>{x.author}</b>: {x.text} <span className="muted small">{date(x.createdAt)}</span>
        </div>
      ))}
      <div className="review-row">
        <input value={reply} onChange={(e) => setReply(e.target.value)} placeholder={r('comment.replyPlaceholder')} data-testid="review-reply-text" />
        <button disabled={!reply.trim()} data-testid="review-reply-save" onClick={() => void sendReply()}>
          {r('comment.reply')}
        </button>
        {c.table && c.featureId && (
          <button onClick={() => setVersions((v) => !v)} className={versions ? 'on' : ''} data-testid="review-versions-toggle">
            {r('versions')}
          </button>
        )}
        <CommentResolved c={c} canResolve={canResolve} onChanged={onChanged} />
      </div>
      {versions && c.table && c.featureId && <VersionCompare table={c.table} id={c.featureId} />}
    </li>
  );
}
