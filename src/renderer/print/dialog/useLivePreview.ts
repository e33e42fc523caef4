// Live preview: recomposed a moment after the last change; a stale answer never wins.
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../shared/api';
import type { SheetSettingsInput } from '../../../shared/print';
import { useApi } from '../../components/common';
import { toUiError } from '../../errors';
import { useI18n } from '../../i18n';

export type Composed = Output<'print.compose'>;

/** shownByDefault: with no choice of its own the sheet prints what the layer panel shows, so a change there recomposes. */
export function useLivePreview(settings: SheetSettingsInput, shownByDefault: string) {
  const api = useApi();
  const { pick, lang } = useI18n();
  const [composed, setComposed] = useState<Composed | null>(null);
  const [composeError, setComposeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setBusy(true);
    const timer = window.setTimeout(() => {
      api
        .invoke('print.compose', { settings })
        .then((r) => {
          if (mine !== seq.current) return;
          setComposed(r);
          setComposeError(null);
        })
        .catch((e: unknown) => {
          if (mine !== seq.current) return;
          setComposeError(toUiError(e, lang).message);
        })
        .finally(() => mine === seq.current && setBusy(false));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [api, settings, pick, lang, shownByDefault]);
  return { composed, composeError, busy };
}
