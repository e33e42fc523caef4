// What may not be edited, known before anyone tries: the review state of every commune (read at
// start and after a review act or a settings change, a project.changed naming no table), and the
// commune focus's own read-only rule. Main still decides; these only say why beforehand.
import { useCallback, useEffect, useState } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import type { Props as RowProps } from '../../shared/model/rows';
import type { ReviewState } from '../../shared/review/state';
import type { FeatureTableName } from '../../shared/symbology';
import { useApi, useErrorToast } from '../components/common';
import { focusLock as focusRule, reviewLock, statesFromHistory, type ReviewLock } from './communeLock';
import type { Commune } from './communes';
import { useD } from './dict';

/**
 * From the review history (an index read; review.overview reads every feature): a state changes
 * only by a transition, written with its history entry in one transaction (store/review-repo.ts).
 */
function useReviewStates(info: ProjectInfo) {
  const api = useApi();
  const showError = useErrorToast();
  const [states, setStates] = useState<ReadonlyMap<string, ReviewState>>(new Map());
  useEffect(() => {
    let alive = true;
    const load = () =>
      api
        .invoke('review.history', { communeCode: null })
        .then((acts) => {
          if (alive) setStates(statesFromHistory(acts));
        })
        .catch(showError);
    load();
    const off = api.on('project.changed', ({ tables }) => {
      if (tables.length === 0) load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [api, info.path, showError]);
  return states;
}

export function useReviewLocks(info: ProjectInfo, operator: Operator | null, communes: Commune[], focus: string | null) {
  const d = useD();
  const states = useReviewStates(info);
  const [unlocked, setUnlocked] = useState(false);
  const nameOfCommune = useCallback((code: string) => communes.find((c) => c.code === code)?.name ?? info.settings.communes.find((c) => c.code === code)?.name ?? code, [communes, info.settings.communes]);
  const lockText = useCallback(
    (lock: ReviewLock, code: string) => d(lock === 'approved' ? 'lock.approved' : 'lock.submitted', { name: nameOfCommune(code) }),
    [d, nameOfCommune],
  );
  /** The review lock of a row's commune, as the sentence to show (records, features alike). */
  const reviewLockOf = useCallback(
    (code: unknown): string | null => {
      if (typeof code !== 'string' || code === '') return null;
      const lock = reviewLock(states.get(code), operator);
      return lock ? lockText(lock, code) : null;
    },
    [states, operator, lockText],
  );
  const focusLock = focus ? reviewLock(states.get(focus), operator) : null;
  const focusLockText = focus && focusLock ? lockText(focusLock, focus) : null;
  /** Why a feature is read-only here, or null. A review lock is main's rule too: no "unlock" tick lifts it. */
  const lockFor = useCallback(
    (table: FeatureTableName, props: RowProps): string | null => {
      const review = reviewLockOf(props.commune_code);
      if (review) return review;
      const rule = focusRule(table, props.commune_code, focus, unlocked);
      return rule === null ? null : rule.key === 'commune.readOnly' ? d(rule.key, { code: rule.code }) : d(rule.key);
    },
    [unlocked, focus, d, reviewLockOf],
  );
  return { reviewLockOf, focusLock, focusLockText, lockFor, unlocked, setUnlocked };
}
