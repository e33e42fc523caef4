// The workspace's one print entry: a top-bar button and Ctrl+P (instead of the browser's own print).
import { lazy, Suspense, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ProjectInfo } from '../../shared/api';
import { usePrintT } from './dict';

// Loaded when first opened: a page that never prints does not load, parse or compile it at start.
const PrintDialog = lazy(() => import('./PrintDialog').then((m) => ({ default: m.PrintDialog })));

export function PrintButton({ info }: { info: ProjectInfo }) {
  const p = usePrintT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'p' || e.key === 'P')) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button className="top-btn" onClick={() => setOpen(true)} title={p('button.title')} data-testid="print-button">
        <svg className="top-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M3 1h6v3H3zM1 5h10v4H9v2H3V9H1zM4 8v2h4V8z" fill="currentColor" fillRule="evenodd" />
        </svg>{' '}
        {p('button')}
      </button>
      {/* Out of the top bar, so the dialog takes the page's styles, not the bar's. */}
      {open &&
        createPortal(
          <Suspense fallback={null}>
            <PrintDialog info={info} onClose={() => setOpen(false)} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
