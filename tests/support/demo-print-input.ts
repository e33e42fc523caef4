// The demo project's print input, built once per test file in a temp folder (and removed after it):
// what the composer tests draw sheets from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createDemoProject } from '../../src/main/services/demo-project';
import { ProjectStore } from '../../src/main/store';
import { gatherPrintInput } from '../../src/main/print/print-data';
import type { PrintInput } from '../../src/shared/print';

/** Registers the file's beforeAll/afterAll; call the returned function inside tests. */
export function demoPrintInput(prefix: string, today = '2026-11-29'): () => PrintInput {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let input: PrintInput | null = null;
  beforeAll(async () => {
    const demo = join(dir, 'demo.gpkg');
    await createDemoProject(demo, { author: 'test' });
    const store = ProjectStore.open(demo);
    input = gatherPrintInput(store, today);
    store.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => input!;
}
