// The cemetery register's top-bar entry: a panel beside the map (not a modal: the map stays usable
// for the clicks the plan takes and for seeing the found plot) with the lookup, the plan's grid
// tool and the register's import.
import { type RefObject, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ProjectInfo } from '../../shared/api';
import type { MapController } from '../map/MapController';
import { ErrorBoundary } from '../components/common';
import { useCemeteryT } from './dict';
import { PlanTab } from './PlanTab';
import { RegisterTab } from './RegisterTab';
import { SearchTab } from './SearchTab';
import { useCemeteries } from './useCemeteries';
import './cemetery.css';

type Tab = 'search' | 'plan' | 'register';

export function CemeteryButton({ info, ctl }: { info: ProjectInfo; ctl: RefObject<MapController | null> }) {
  const c = useCemeteryT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="top-btn" onClick={() => setOpen((o) => !o)} title={c('button.title')} data-testid="cemetery-button" aria-pressed={open}>
        <svg className="top-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <circle cx="5" cy="5" r="3.4" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M7.4 7.4 11 11" stroke="currentColor" strokeWidth="1.8" />
        </svg>{' '}
        {c('button')}
      </button>
      {/* Out of the top bar, so the panel takes the page's styles, not the bar's. */}
      {open &&
        createPortal(
          <ErrorBoundary compact>
            <CemeteryPanel info={info} ctl={ctl} onClose={() => setOpen(false)} />
          </ErrorBoundary>,
          document.body,
        )}
    </>
  );
}

function CemeteryPanel({ info, ctl, onClose }: { info: ProjectInfo; ctl: RefObject<MapController | null>; onClose: () => void }) {
  const c = useCemeteryT();
  const [tab, setTab] = useState<Tab>('search');
  const cemeteries = useCemeteries(info);
  return (
    <aside className="cem-panel" role="dialog" aria-label={c('title')} data-testid="cemetery-panel">
      <header className="cem-head">
        <b>{c('title')}</b>
        <button className="btn btn-quiet" onClick={onClose} data-testid="cemetery-close">
          {c('close')}
        </button>
      </header>
      <nav className="cem-tabs" role="tablist">
        {(['search', 'plan', 'register'] as const).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={`cem-tab${tab === t ? ' cem-tab-on' : ''}`} onClick={() => setTab(t)} data-testid={`cemetery-tab-${t}`}>
            {c(`tab.${t}`)}
          </button>
        ))}
      </nav>
      <div className="cem-body">
        {tab === 'search' && <SearchTab cemeteries={cemeteries} ctl={ctl} />}
        {tab === 'plan' && <PlanTab cemeteries={cemeteries} ctl={ctl} />}
        {tab === 'register' && <RegisterTab cemeteries={cemeteries} />}
      </div>
    </aside>
  );
}
