// Function keys are listened for on the window, so two panels on one key both act (the campaign
// panel once opened on F9, the review panel's "check all"). Each F-key belongs to one file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../src/renderer');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('function keys', () => {
  it('each F-key is handled in one place', () => {
    const owners = new Map<string, string[]>();
    for (const f of files(root))
      for (const m of readFileSync(f, 'utf8').matchAll(/key === '(F\d+)'/g)) {
        const list = owners.get(m[1]!) ?? [];
        if (!list.includes(relative(root, f))) list.push(relative(root, f));
        owners.set(m[1]!, list);
      }
    expect(owners.size).toBeGreaterThanOrEqual(4); // F1 help, F7 verification, F8 review, F9 checks…
    expect([...owners].filter(([, who]) => who.length > 1)).toEqual([]);
  });
});
