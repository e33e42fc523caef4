// A team member's decision on one request: the grounds, result and note typed (kept while the request
// moves from state to state), and the acts its state allows.
import { useState } from 'react';
import type { VerificationRequest } from '../../shared/contract/verification';
import { TABLES } from '../../shared/model/tables';
import { VERIFICATION_STATE_LABELS, VERIFICATION_TRANSITIONS, type VerificationAct } from '../../shared/verification/state';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useI18n } from '../i18n';
import { useVerificationT } from './dict';

export function useDecision(r: VerificationRequest, onDone: () => Promise<void>) {
  const api = useApi();
  const v = useVerificationT();
  const { pick } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const [grounds, setGrounds] = useState('');
  const [result, setResult] = useState('');
  const [note, setNote] = useState('');
  const acts = (Object.keys(VERIFICATION_TRANSITIONS) as VerificationAct[]).filter((a) => VERIFICATION_TRANSITIONS[a].from.includes(r.state));
  const what = `${pick(TABLES[r.table])} ${r.targetLabel || r.targetId.slice(0, 8)}`;
  const act = async (a: VerificationAct) => {
    try {
      const after = await api.invoke('verification.decide', { id: r.id, act: a, grounds, result, note });
      toast(v('act.done', { what, state: pick(VERIFICATION_STATE_LABELS[after.state]) }), 'success');
      await onDone();
    } catch (e) {
      showError(e);
    }
  };
  return { what, acts, act, grounds, setGrounds, result, setResult, note, setNote };
}

export type Decision = ReturnType<typeof useDecision>;
