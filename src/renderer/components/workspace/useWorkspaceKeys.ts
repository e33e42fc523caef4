// Keyboard: + / − zoom, Home = whole project, Ctrl+Z / Ctrl+Y undo / redo, Esc clears the selection.
import { useEffect, type RefObject } from 'react';
import type { MapController } from '../../map/MapController';

export function useWorkspaceKeys(ctl: RefObject<MapController | null>, undoRedo: (which: 'undo' | 'redo') => Promise<void>, clearPinned: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target as HTMLElement | null) || document.querySelector('.modal-backdrop')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && isKey(e, 'z') && !e.shiftKey) {
        e.preventDefault();
        void undoRedo('undo');
      } else if (mod && !e.altKey && (isKey(e, 'y') || (isKey(e, 'z') && e.shiftKey))) {
        e.preventDefault();
        void undoRedo('redo');
      } else if (!mod && !e.altKey) {
        mapKey(e, ctl.current, clearPinned);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoRedo]);
}

/** A key typed in a field (not a checkbox or a slider) is the field's. */
function isTyping(el: HTMLElement | null): boolean {
  return (
    !!el &&
    (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) &&
    (el as HTMLInputElement).type !== 'checkbox' &&
    (el as HTMLInputElement).type !== 'range'
  );
}

function isKey(e: KeyboardEvent, lower: string): boolean {
  return e.key === lower || e.key === lower.toUpperCase();
}

/** The map's own keys, without a modifier. */
function mapKey(e: KeyboardEvent, c: MapController | null, clearPinned: () => void) {
  if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') {
    e.preventDefault();
    c?.zoomBy(1);
  } else if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') {
    e.preventDefault();
    c?.zoomBy(-1);
  } else if (e.key === 'Home') {
    e.preventDefault();
    c?.zoomHome();
  } else if (e.key === 'Escape') {
    clearPinned();
    c?.highlightSelected(null);
  }
}
