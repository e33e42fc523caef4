// F1 help, F6 campaign, F7 verification, F8 review, F9 "check all": each is listened for on the
// window by its own panel (tests/renderer/function-keys.test.ts). None may act under a modal dialog
// (the "who is drafting" dialog at start, a confirmation, the settings…): the dialog is the work in
// hand, and a panel opened behind it, or a check started from it, is not what the person sees. One
// capture-phase listener on the window, installed once at start (main.tsx), stops those keys before
// any panel hears them, so no panel has to remember. The exception: F1 over the dialogs help has
// how-tos for (print, import), where help is about the dialog itself (training/HelpPanel.tsx).

/** The function keys the app gives a meaning to; the browser's own (F5, F11, F12) are left alone. */
export const APP_FUNCTION_KEYS: readonly string[] = ['F1', 'F6', 'F7', 'F8', 'F9'];

/** Help's key: it alone may act over the dialogs below. */
const HELP_KEY = 'F1';
/** Dialogs beside which help (F1) opens on their own topic (same test ids as HelpPanel's topicInUse). */
const HELPED_DIALOGS = '[data-testid="print-dialog"], [data-testid="exchange-dialog"]';

/** Whether a press of `key` must not act now: an app function key while a modal dialog is open. */
export function functionKeyBlocked(key: string, doc: Pick<Document, 'querySelectorAll'>): boolean {
  if (!APP_FUNCTION_KEYS.includes(key)) return false;
  const modals = Array.from(doc.querySelectorAll('[aria-modal="true"]'));
  if (modals.length === 0) return false;
  return !(key === HELP_KEY && modals.every((m) => m.matches(HELPED_DIALOGS)));
}

/** Installs the guard on the window (capture phase: before every panel's listener); returns its removal. */
export function guardFunctionKeys(win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'document'>): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!functionKeyBlocked(e.key, win.document)) return;
    e.preventDefault(); // nor the browser's meaning of the key (F1: its help page, F7: caret browsing)
    e.stopImmediatePropagation();
  };
  win.addEventListener('keydown', onKey, { capture: true });
  return () => win.removeEventListener('keydown', onKey, { capture: true });
}
