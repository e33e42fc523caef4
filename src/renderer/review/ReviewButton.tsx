// The workspace's one review entry: a top-bar button (and F8) that opens the review panel.
import { lazy, Suspense, useEffect, useState, type RefObject } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import type { MapController } from '../map/MapController';
import { useReviewT } from './dict';

// Loaded when first opened: a page that never reviews does not load, parse or compile it at start.
const ReviewPanel = lazy(() => import('./ReviewPanel').then((m) => ({ default: m.ReviewPanel })));
import './review.css';

export function ReviewButton({ info, operator, ctl }: { info: ProjectInfo; operator: Operator | null; ctl: RefObject<MapController | null> }) {
  const r = useReviewT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F8' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button className={`top-btn${open ? ' active' : ''}`} onClick={() => setOpen((o) => !o)} title={r('button.title')} aria-pressed={open} data-testid="review-button">
        <svg className="top-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M1 6.5l3 3L11 2.5" stroke="currentColor" strokeWidth="2" fill="none" />
        </svg>{' '}
        {r('button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ReviewPanel info={info} operator={operator} ctl={ctl} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
