// The workspace's campaign entry: a top-bar button (and F6; F9 is the review panel's "check all") that opens the campaign panel.
import { useEffect, useState } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import { CampaignPanel } from './CampaignPanel';
import { useCampaignT } from './dict';
import './campaign.css';

export function CampaignButton({ info, operator }: { info: ProjectInfo; operator: Operator | null }) {
  const c = useCampaignT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F6' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button className={`top-btn${open ? ' active' : ''}`} onClick={() => setOpen((o) => !o)} title={c('button.title')} aria-pressed={open} data-testid="campaign-button">
        <svg className="top-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M1 11h10M2.5 11V6h2v5M5.5 11V3h2v8M8.5 11V7h2v4" stroke="currentColor" strokeWidth="1.2" fill="none" />
        </svg>{' '}
        {c('button')}
      </button>
      {open && <CampaignPanel info={info} operator={operator} onClose={() => setOpen(false)} />}
    </>
  );
}
