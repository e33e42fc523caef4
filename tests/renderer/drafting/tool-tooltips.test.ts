// Every drawing tool's tooltip names the tool in words and its shortcut key, in both languages
// (issue 20: the toolbar is icons with letter keys; a new user reads the tooltip).
import { describe, expect, it } from 'vitest';
import { TOOL_BUTTONS } from '../../../src/renderer/drafting/Toolbar';
import { dText } from '../../../src/renderer/drafting/dict';

describe('toolbar tooltips', () => {
  it('every tool names itself in words and its key, Vietnamese and English', () => {
    const keys = new Set<string>();
    for (const b of TOOL_BUTTONS) {
      for (const lang of ['vi', 'en'] as const) {
        const title = dText(b.key, lang);
        expect(title, `${b.tool} (${lang})`).toContain(`(${b.shortcut})`);
        // Words before the key: "Đặt mộ liệt sĩ (G)", not "(G)" alone.
        expect(title.slice(0, title.indexOf(`(${b.shortcut})`)).replace(/[^\p{L}]/gu, '').length, `${b.tool} (${lang})`).toBeGreaterThanOrEqual(4);
      }
      keys.add(b.shortcut);
    }
    // One key, one tool.
    expect(keys.size).toBe(TOOL_BUTTONS.length);
  });
  const OTHER_KEYS = [['tool.coords', 'K'], ['tool.delete', 'Delete'], ['tool.undo', 'Ctrl+Z'], ['tool.redo', 'Ctrl+Y'], ['tool.snap', 'S'], ['tool.trace', 'B'], ['tool.table', 'F'], ['tool.records', 'R']] as const;
  it('the other toolbar buttons name their keys too', () => {
    for (const [key, shortcut] of OTHER_KEYS) {
      for (const lang of ['vi', 'en'] as const) expect(dText(key, lang), `${key} (${lang})`).toContain(`(${shortcut})`);
    }
  });
  it('no tool takes the key of another button (a village tool on B once switched tracing off)', () => {
    const taken = new Set<string>(OTHER_KEYS.map(([, k]) => k));
    for (const b of TOOL_BUTTONS) expect(taken.has(b.shortcut), `${b.tool}: ${b.shortcut}`).toBe(false);
  });
});
