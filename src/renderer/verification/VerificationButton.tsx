// The workspace's verification entry: a top-bar button (and F7) that opens the queue panel.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import { useVerificationT } from './dict';

// Loaded when first opened: not part of the page's start.
const VerificationPanel = lazy(() => import('./VerificationPanel').then((m) => ({ default: m.VerificationPanel })));
import './verification.css';

export function VerificationButton({ info, operator }: { info: ProjectInfo; operator: Operator | null }) {
  const v = useVerificationT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F7' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button className={`top-btn${open ? ' active' : ''}`} onClick={() => setOpen((o) => !o)} title={v('button.title')} aria-pressed={open} data-testid="verification-button">
        {v('button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <VerificationPanel info={info} operator={operator} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
