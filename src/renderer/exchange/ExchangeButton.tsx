// The workspace's one exchange entry: a top-bar button and Ctrl+Shift+I.
import { Suspense, useEffect, useState } from 'react';
import type { ProjectInfo } from '../../shared/api';
import { useExchangeT } from './dict';
import { ExchangeDialog } from './lazyDialog';
import './exchange.css';

export function ExchangeButton({ info }: { info: ProjectInfo }) {
  const x = useExchangeT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && (e.key === 'i' || e.key === 'I')) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button className="top-btn" onClick={() => setOpen(true)} title={x('button.title')} data-testid="exchange-button">
        <svg className="top-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M1 3h7V1l3 3-3 3V5H1zM11 9H4v2L1 8l3-3v2h7z" fill="currentColor" />
        </svg>{' '}
        {x('button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExchangeDialog info={info} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
