// F1, F6, F7, F8, F9 must not act under a modal dialog (the operator dialog at start first of all):
// one capture-phase guard on the window (src/renderer/functionKeys.ts), installed by main.tsx before
// any panel listens. Node has no DOM here: the window is a real EventTarget with a stand-in document
// answering the one query the guard makes, and the markup it relies on is checked in the sources.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FUNCTION_KEYS, functionKeyBlocked, guardFunctionKeys } from '../../src/renderer/functionKeys';

const src = (f: string) => readFileSync(join(__dirname, '../../src/renderer', f), 'utf8');

/** A document whose open modal dialogs carry these test ids. */
function documentWith(...dialogs: string[]) {
  const els = dialogs.map((id) => ({ matches: (sel: string) => sel.split(',').some((s) => s.trim() === `[data-testid="${id}"]`) }));
  return {
    querySelectorAll: (sel: string) => {
      expect(sel).toBe('[aria-modal="true"]');
      return els;
    },
  } as unknown as Document;
}

/** A window with the guard installed first (as main.tsx does), then a panel's listener (as ReviewButton's F8). */
function windowWith(doc: Document) {
  const win = Object.assign(new EventTarget(), { document: doc }) as unknown as Window;
  const remove = guardFunctionKeys(win);
  const heard: string[] = [];
  win.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (/^F\d+$/.test(k)) heard.push(k);
  });
  const press = (key: string) => {
    const e = Object.assign(new Event('keydown', { cancelable: true }), { key });
    win.dispatchEvent(e);
    return e.defaultPrevented;
  };
  return { heard, press, remove };
}

describe('function keys under a modal dialog', () => {
  it('the operator dialog open: no panel hears F1, F6, F7, F8 or F9, and the browser does not act on them either', () => {
    const w = windowWith(documentWith('operator-dialog'));
    for (const k of APP_FUNCTION_KEYS) expect(w.press(k), k).toBe(true);
    expect(w.heard).toEqual([]);
    // The browser's own keys pass: reload, full screen, developer tools.
    for (const k of ['F5', 'F11', 'F12']) expect(w.press(k)).toBe(false);
    expect(w.heard).toEqual(['F5', 'F11', 'F12']);
  });

  it('no dialog open: every key reaches its panel', () => {
    const w = windowWith(documentWith());
    for (const k of APP_FUNCTION_KEYS) w.press(k);
    expect(w.heard).toEqual([...APP_FUNCTION_KEYS]);
  });

  it('F1 still opens help over the print and import dialogs (help about them); F6–F9 do not act there', () => {
    for (const dialog of ['print-dialog', 'exchange-dialog']) {
      const w = windowWith(documentWith(dialog));
      for (const k of APP_FUNCTION_KEYS) w.press(k);
      expect(w.heard, dialog).toEqual(['F1']);
    }
    // A confirmation over the print dialog: the confirmation is the work in hand.
    expect(functionKeyBlocked('F1', documentWith('print-dialog', 'review-confirm'))).toBe(true);
  });

  it('removed, the guard stops nothing', () => {
    const w = windowWith(documentWith('operator-dialog'));
    w.remove();
    w.press('F8');
    expect(w.heard).toEqual(['F8']);
  });
});

describe('the guard is wired where it must be', () => {
  it('main.tsx installs it on the window before the app renders (so before any panel listens)', () => {
    const main = src('main.tsx');
    const at = main.indexOf('guardFunctionKeys(window)');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(main.indexOf('root.render('));
  });

  it('the dialogs it relies on are marked as the guard reads them', () => {
    expect(src('components/common.tsx')).toMatch(/role="dialog" aria-modal="true" aria-label=\{title\} ref=\{ref\} data-testid=\{testId\}/);
    expect(src('components/OperatorDialog.tsx')).toMatch(/<Modal title=\{t\('operator.title'\)\} testId="operator-dialog">/);
    expect(src('print/PrintDialog.tsx')).toMatch(/aria-modal="true"[^>]*data-testid="print-dialog"/);
    expect(src('exchange/ExchangeDialog.tsx')).toMatch(/aria-modal="true"[^>]*data-testid="exchange-dialog"/);
  });
});
