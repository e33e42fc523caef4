// Who is reviewing, as the panel knows it: the session's operator, followed when it changes
// elsewhere (the operator dialog), and a commune staff member's choice of their own commune (sent
// to main, remembered in this browser, and chosen in the panel too).
import { useEffect, useState } from 'react';
import type { Operator } from '../../shared/api';
import { useApi, useErrorToast } from '../components/common';
import { storeOperator } from '../components/OperatorDialog';

export function useReviewOperator(operator: Operator | null, setCommune: (code: string) => void) {
  const api = useApi();
  const showError = useErrorToast();
  const [op, setOp] = useState<Operator | null>(operator);

  useEffect(() => setOp(operator), [operator]);

  async function chooseCommune(code: string | null) {
    if (!op) return;
    try {
      const o = await api.invoke('session.setOperator', { ...op, communeCode: code });
      storeOperator(o);
      setOp(o);
      if (code) setCommune(code);
    } catch (e) {
      showError(e);
    }
  }

  return { op, chooseCommune };
}
