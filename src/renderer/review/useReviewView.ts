// What the review panel's user has chosen to look at: the tab, the commune (their own at first),
// whether settled comments are hidden, and whether the "send to the province" dialog is open. Kept
// in the panel, so switching tabs loses nothing.
import { useState } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import type { ReviewTab } from './ReviewTabs';

export function useReviewView(info: ProjectInfo, operator: Operator | null) {
  const [tab, setTab] = useState<ReviewTab>('communes');
  const [commune, setCommune] = useState<string>(operator?.communeCode ?? info.settings.communes[0]?.code ?? '');
  const [openOnly, setOpenOnly] = useState(true);
  const [publishing, setPublishing] = useState(false);
  return { tab, setTab, commune, setCommune, openOnly, setOpenOnly, publishing, setPublishing };
}

export type ReviewView = ReturnType<typeof useReviewView>;
