// A new comment placed on the map (by pin mode) while its author writes it, and saving it.
import { useState } from 'react';
import type { TableName } from '../../shared/model/tables';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useReviewT } from './dict';

/** Where a new comment goes and what it is on ("Mộ liệt sĩ 12", or "on the map"). */
export interface CommentDraft {
  x: number;
  y: number;
  table: TableName | null;
  featureId: string | null;
  what: string;
}

export function useCommentDraft(commune: string, load: () => Promise<void>) {
  const api = useApi();
  const r = useReviewT();
  const toast = useToast();
  const showError = useErrorToast();
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [draftText, setDraftText] = useState('');

  async function saveDraft() {
    if (!draft) return;
    try {
      await api.invoke('review.comment.add', { communeCode: commune, x: draft.x, y: draft.y, table: draft.table, featureId: draft.featureId, text: draftText });
      setDraft(null);
      setDraftText('');
      toast(r('comment.saved'), 'success');
      await load();
    } catch (e) {
      showError(e);
    }
  }

  return { draft, setDraft, draftText, setDraftText, saveDraft };
}

export type Drafting = ReturnType<typeof useCommentDraft>;
