// Startup: which project is open (if any), who is operating, and the screen to show.
import { useCallback, useEffect, useState } from 'react';
import type { Operator, ProjectInfo } from '../shared/api';
import { errorCode, toUiError, type UiError } from './errors';
import { useI18n } from './i18n';
import { ErrorScreen, useApi } from './components/common';
import { OperatorDialog, onOperatorStored, storedOperator, storeOperator } from './components/OperatorDialog';
import { StartScreen } from './components/StartScreen';
import { Workspace } from './components/Workspace';
import { dropPrefetched, prefetchMapReads } from './map/mapPrefetch';
import { takeStartRequests } from './startup';
import { FEATURE_TABLES } from '../shared/model/tables';

type Phase =
  { kind: 'loading' } | { kind: 'start' } | { kind: 'workspace'; info: ProjectInfo } | { kind: 'error'; error: unknown };

export function App() {
  const api = useApi();
  const { t, lang } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [operator, setOperator] = useState<Operator | null>(null);
  const [askOperator, setAskOperator] = useState(false);

  const load = useCallback(async () => {
    setPhase({ kind: 'loading' });
    // Asked together (at start, by main.tsx): the project does not depend on who operates.
    const early = takeStartRequests();
    const project = early?.project ?? api.invoke('project.info', {});
    project.catch(() => {}); // handled below, after app.info
    try {
      const app = await (early?.app ?? api.invoke('app.info', {}));
      let op = app.operator;
      const stored = storedOperator();
      if (!op && stored) op = await api.invoke('session.setOperator', stored).catch(() => null);
      if (op) storeOperator(op);
      setOperator(op);
    } catch (e) {
      setPhase({ kind: 'error', error: e });
      return;
    }
    try {
      const info = await project;
      performance.mark('quytap:project-known');
      // The early answer's reads were asked by startup.ts already; a retry's are asked here.
      if (!early) prefetchMapReads(api, info, FEATURE_TABLES);
      setPhase({ kind: 'workspace', info });
    } catch (e) {
      // Reads asked at start for the project opened last are of no use now.
      dropPrefetched();
      if (errorCode(e) === 'no_project') setPhase({ kind: 'start' });
      else setPhase({ kind: 'error', error: e });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.title =
      phase.kind === 'workspace' ? `${phase.info.settings.title} — ${t('app.name')}` : `${t('app.name')} — ${t('app.subtitle')}`;
  }, [phase, t]);

  // The operator changed elsewhere (the review panel's "Xã của tôi"): the same one everywhere.
  useEffect(() => onOperatorStored(setOperator), []);

  // Before editing: who is the operator (asked once, then remembered).
  useEffect(() => {
    if (phase.kind === 'workspace' && !operator) setAskOperator(true);
  }, [phase.kind, operator]);

  const opened = useCallback((info: ProjectInfo) => setPhase({ kind: 'workspace', info }), []);
  const updateInfo = useCallback(
    (info: ProjectInfo) => setPhase((p) => (p.kind === 'workspace' ? { kind: 'workspace', info } : p)),
    [],
  );

  let body;
  switch (phase.kind) {
    case 'loading':
      body = (
        <div className="loading-screen" data-testid="loading">
          <span className="spinner" aria-hidden="true" /> {t('app.loading')}
        </div>
      );
      break;
    case 'error': {
      const err: UiError = toUiError(phase.error, lang);
      body = <ErrorScreen error={err} onRetry={() => void load()} />;
      break;
    }
    case 'start':
      body = <StartScreen onOpened={opened} />;
      break;
    case 'workspace':
      body = (
        <Workspace
          key={phase.info.path}
          info={phase.info}
          operator={operator}
          onInfo={updateInfo}
          onClose={() => setPhase({ kind: 'start' })}
          onChangeOperator={() => setAskOperator(true)}
        />
      );
      break;
  }
  return (
    <>
      {body}
      {askOperator && phase.kind === 'workspace' && (
        <OperatorDialog
          initial={operator}
          communes={phase.info.settings.communes}
          onDone={(o) => {
            setOperator(o);
            setAskOperator(false);
          }}
        />
      )}
    </>
  );
}
