// What the review panel shows, loaded from main: the communes' states, the last check run, comments,
// the district statistics, the history of acts, and what changed in the chosen commune since its
// submission. Reloaded after project edits (coalesced: in a hall, drafters' edits arrive several times
// a second); the check job's progress is followed while it runs.
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../shared/api';
import type { ReviewComment } from '../../shared/review/comment';
import { useReloadOnChange } from '../api/useReloadOnChange';
import { useApi, useErrorToast } from '../components/common';

export type Overview = Output<'review.overview'>;
export type Stats = Output<'review.statistics'>;
export type Run = Output<'review.run'>;
export type Changes = Output<'review.changesSince'>;
export type History = Output<'review.history'>;
export type Progress = { done: number; total: number };

export function useReviewData(commune: string) {
  const api = useApi();
  const showError = useErrorToast();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [stats, setStats] = useState<Stats | null>(null);
  const [history, setHistory] = useState<History>([]);
  const [changes, setChanges] = useState<Changes | null>(null);

  const load = useCallback(async () => {
    try {
      const [o, last, cs, st, h] = await Promise.all([
        api.invoke('review.overview', {}),
        api.invoke('review.lastRun', {}),
        api.invoke('review.comments', {}),
        api.invoke('review.statistics', {}),
        api.invoke('review.history', {}),
      ]);
      setOverview(o);
      setRun(last);
      setComments(cs);
      setStats(st);
      setHistory(h);
    } catch (e) {
      showError(e);
    }
  }, [api, showError]);
  useReloadOnChange(api, load);

  // What changed in the chosen commune since its map was last submitted (the reviewer judges that).
  const loadChanges = useCallback(async () => {
    if (!commune) return setChanges(null);
    try {
      setChanges(await api.invoke('review.changesSince', { communeCode: commune }));
    } catch (e) {
      showError(e);
    }
  }, [api, commune, showError]);
  useReloadOnChange(api, loadChanges);

  useEffect(
    () =>
      api.on('job.progress', (j) => {
        if (j.kind !== 'review.check') return;
        setProgress(j.state === 'running' ? { done: j.done, total: j.total } : null);
      }),
    [api],
  );

  return { overview, run, setRun, progress, setProgress, comments, stats, history, changes, load };
}

export type ReviewData = ReturnType<typeof useReviewData>;
