// The review panel's keys: F9 runs the checks on every commune; Escape closes the panel, but not
// while pin mode or a comment draft is open (Escape ends pin mode) nor under a dialog.
import { useEffect } from 'react';

export function useReviewKeys(onCheckAll: () => void, onClose: () => void, escapeTaken: boolean) {
  // No dependency list: the listener always calls this render's handlers.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F9') {
        e.preventDefault();
        onCheckAll();
      } else if (e.key === 'Escape' && !escapeTaken && !document.querySelector('.modal-backdrop')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
