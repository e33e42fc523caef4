// The drafting shortcuts (draftKeys.ts): one letter per tool, Shift for the area variants, the other
// letters for the options and panels, and nothing for chords that belong to Workspace.
import { describe, expect, it } from 'vitest';
import { draftKeyAction, isTyping, KEY_TOOLS } from '../../../src/renderer/drafting/draftKeys';
import { TOOL_BUTTONS } from '../../../src/renderer/drafting/Toolbar';

const press = (key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  draftKeyAction({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('draftKeyAction', () => {
  it('every toolbar button is chosen by the key its tooltip names', () => {
    for (const b of TOOL_BUTTONS) {
      const shift = b.shortcut.startsWith('Shift+');
      const letter = b.shortcut.replace('Shift+', '');
      // The browser reports the upper-case letter with Shift, the lower-case one without.
      const key = shift ? letter.toUpperCase() : letter.toLowerCase();
      expect(press(key, { shiftKey: shift }), b.shortcut).toEqual({ kind: 'tool', tool: b.tool });
    }
  });
  it('Shift chooses the area variant; Caps Lock alone (an upper-case key without Shift) does not', () => {
    expect(press('C', { shiftKey: true })).toEqual({ kind: 'tool', tool: 'cemeteryArea' });
    expect(press('C')).toEqual({ kind: 'tool', tool: 'cemetery' });
    expect(press('N', { shiftKey: true })).toEqual({ kind: 'tool', tool: 'villageArea' });
    expect(press('M', { shiftKey: true })).toEqual({ kind: 'tool', tool: 'measureArea' });
    expect(press('m')).toEqual({ kind: 'tool', tool: 'measure' });
    expect(press('P')).toEqual({ kind: 'tool', tool: 'polygon' });
  });
  it('Shift with a tool that has no area variant does nothing', () => {
    expect(press('P', { shiftKey: true })).toBeNull();
    expect(press('V', { shiftKey: true })).toBeNull();
  });
  it('the other letters, either case, and the named keys', () => {
    const cases: [string, string][] = [['k', 'coords'], ['K', 'coords'], ['s', 'snap'], ['S', 'snap'], ['b', 'trace'], ['f', 'table'], ['r', 'records'], ['Escape', 'escape'], ['Delete', 'delete'], ['Backspace', 'backspace']];
    for (const [key, kind] of cases) expect(press(key), key).toEqual({ kind });
  });
  it('chords with Ctrl, Cmd or Alt are left to Workspace (Ctrl+Z is undo, not a tool)', () => {
    expect(press('z', { ctrlKey: true })).toBeNull();
    expect(press('p', { ctrlKey: true })).toBeNull();
    expect(press('s', { metaKey: true })).toBeNull();
    expect(press('Delete', { altKey: true })).toBeNull();
  });
  it('keys that are no shortcut, and named keys that merely start with a tool letter, do nothing', () => {
    for (const key of ['z', 'y', '1', 'Enter', 'Tab', 'Home', 'PageUp', 'ArrowLeft', 'F1']) expect(press(key), key).toBeNull();
  });
  it('no letter is both a tool and a command', () => {
    for (const k of Object.keys(KEY_TOOLS)) expect(['k', 's', 'b', 'f', 'r']).not.toContain(k.toLowerCase());
  });
});

describe('isTyping', () => {
  const el = (tagName: string, extra: Record<string, unknown> = {}) => ({ tagName, isContentEditable: false, ...extra }) as unknown as EventTarget;
  it('text fields, lists and editable text keep their keys', () => {
    expect(isTyping(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTyping(el('INPUT', { type: 'number' }))).toBe(true);
    expect(isTyping(el('TEXTAREA'))).toBe(true);
    expect(isTyping(el('SELECT'))).toBe(true);
    expect(isTyping(el('DIV', { isContentEditable: true }))).toBe(true);
  });
  it('ticks, sliders, radio buttons, buttons and the map do not', () => {
    for (const type of ['checkbox', 'range', 'radio', 'button']) expect(isTyping(el('INPUT', { type })), type).toBe(false);
    expect(isTyping(el('CANVAS'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});
