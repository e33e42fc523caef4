// The drafting shortcuts on the window: a key press outside a field and a dialog becomes its action
// (draftKeys.ts). The handlers are read at the key press, so they always see the latest state.
import { useEffect, useRef } from 'react';
import type { Tool } from './DraftingController';
import { draftKeyAction, isTyping, type DraftKeyCommand } from './draftKeys';

export type DraftKeyHandlers = { tool: (t: Tool) => void } & Record<DraftKeyCommand, () => void>;

export function useDraftingKeys(handlers: DraftKeyHandlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || document.querySelector('.modal-backdrop')) return;
      const a = draftKeyAction(e);
      if (!a) return;
      // Escape is left to others too (Workspace clears the selection on it).
      if (a.kind !== 'escape') e.preventDefault();
      if (a.kind === 'tool') latest.current.tool(a.tool);
      else latest.current[a.kind]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
