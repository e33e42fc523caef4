// The drafting workspace's one-key shortcuts as data and one pure function (Ctrl+Z / Ctrl+Y, +/−
// and Home stay in Workspace.tsx): one letter per tool, Shift for a tool's area variant.
import type { Tool } from './DraftingController';

export const KEY_TOOLS: Record<string, Tool> = {
  v: 'select',
  t: 'move',
  p: 'polygon',
  h: 'hole',
  g: 'grave',
  c: 'cemetery',
  C: 'cemeteryArea',
  o: 'plot',
  n: 'village',
  N: 'villageArea',
  i: 'info',
  l: 'line',
  m: 'measure',
  M: 'measureArea',
  x: 'split',
  j: 'merge',
};

/** What a key does besides choosing a tool. */
export type DraftKeyCommand = 'escape' | 'delete' | 'backspace' | 'coords' | 'snap' | 'trace' | 'table' | 'records';
export type DraftKeyAction = { kind: 'tool'; tool: Tool } | { kind: DraftKeyCommand };

/** Letters that are not tools, either case: K typed coordinates, S snapping, B tracing, F / R the dock. */
const LETTER_COMMANDS: Record<string, DraftKeyCommand> = { k: 'coords', s: 'snap', b: 'trace', f: 'table', r: 'records' };
const NAMED_COMMANDS: Record<string, DraftKeyCommand> = { Escape: 'escape', Delete: 'delete', Backspace: 'backspace' };

export type KeyPress = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

/** The drafting action of a key press, or null (chords with Ctrl, Cmd or Alt belong to others). */
export function draftKeyAction(e: KeyPress): DraftKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const k = e.key;
  // Shift picks the upper-case tool (C, M, N); Caps Lock alone does not.
  const tool = KEY_TOOLS[e.shiftKey ? k.toUpperCase() : k.toLowerCase()] ?? (e.shiftKey ? undefined : KEY_TOOLS[k]);
  if (tool && k.length === 1) return { kind: 'tool', tool };
  const command = NAMED_COMMANDS[k] ?? LETTER_COMMANDS[k.toLowerCase()];
  return command ? { kind: command } : null;
}

/** Keys typed into a field are the field's, not shortcuts (a checkbox or a slider has no text). */
export function isTyping(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  if (!e) return false;
  if (e.isContentEditable) return true;
  if (e.tagName === 'TEXTAREA' || e.tagName === 'SELECT') return true;
  if (e.tagName === 'INPUT') return !['checkbox', 'range', 'radio', 'button'].includes((e as HTMLInputElement).type);
  return false;
}
