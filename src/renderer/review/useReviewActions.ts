// What the review panel's user does to the communes: run the checks and act on a commune's map
// (submit, approve, return, unlock; approving and returning asked once more, with the note that
// goes with the act). Each answer reloads the panel's figures.
import { useState } from 'react';
import { STATE_LABELS, type ReviewAct } from '../../shared/review/state';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useI18n } from '../i18n';
import { useReviewT } from './dict';
import type { ReviewTab } from './ReviewTabs';
import type { ReviewData } from './useReviewData';

/** Acts that end or undo the commune's work on the map: asked again before they are sent. */
const CONFIRMED_ACTS: readonly ReviewAct[] = ['approve', 'return'];

/** An act waiting for the reviewer's confirmation. */
export interface PendingAct {
  code: string;
  act: ReviewAct;
}

interface Deps {
  data: ReviewData;
  setCommune: (code: string) => void;
  setTab: (tab: ReviewTab) => void;
  nameOf: (code: string | null) => string;
}

export function useReviewActions({ data, setCommune, setTab, nameOf }: Deps) {
  const api = useApi();
  const r = useReviewT();
  const { pick } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState<PendingAct | null>(null);
  const { load } = data;

  async function checkAll(codes: string[] | null) {
    try {
      data.setProgress({ done: 0, total: 1 });
      const res = await api.invoke('review.run', codes ? { communes: codes } : {});
      data.setRun(res);
      toast(r('run.done', { errors: res.errors, warnings: res.warnings }), res.errors ? 'error' : 'success');
      setTab('findings');
      await load();
    } catch (e) {
      showError(e);
    } finally {
      data.setProgress(null);
    }
  }

  /** Approving and returning are asked again (with what changed since the submission); the others go at once. */
  function askAct(code: string, a: ReviewAct) {
    if (CONFIRMED_ACTS.includes(a)) {
      setCommune(code);
      setConfirming({ code, act: a });
    } else void act(code, a);
  }

  async function act(code: string, a: ReviewAct) {
    setConfirming(null);
    try {
      const s = await api.invoke('review.act', { communeCode: code, act: a, note });
      setNote('');
      toast(r('act.done', { commune: nameOf(code), state: pick(STATE_LABELS[s.state]) }), 'success');
      await load();
    } catch (e) {
      showError(e);
      await load();
    }
  }

  return { note, setNote, confirming, setConfirming, checkAll, askAct, act };
}

export type ReviewActions = ReturnType<typeof useReviewActions>;
