// A sheet printed from the store is composed, then one full collection runs before the PDF is drawn
// (the gathered rows are dead by then), when Node exposes it: bin/quytap.mjs starts `print` with
// --expose-gc; the app does not, and prints the same without it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as backend from '../../../src/main/print/pdf-backend';
import { printSheet } from '../../../src/main/print/print-sheet';
import { ProjectStore } from '../../../src/main/store';
import type { SheetSettingsInput } from '../../../src/shared/print';
import { AUTHOR, DAK_NONG_CRS, SETTINGS } from '../store/helpers';

vi.mock('../../../src/main/print/pdf-backend', async (real) => {
  const m = await real<typeof backend>();
  return { ...m, renderPdf: vi.fn(m.renderPdf) };
});

const dir = mkdtempSync(join(tmpdir(), 'quytap-print-gc-'));
let store: ProjectStore;
const sheet: SheetSettingsInput = { paper: 'A4', orientation: 'portrait', area: { kind: 'extent', extent: [430000, 1370000, 431000, 1371000] }, scale: 10000 };
const had = Object.getOwnPropertyDescriptor(globalThis, 'gc');

beforeAll(() => {
  store = ProjectStore.create(join(dir, 'p.gpkg'), DAK_NONG_CRS, SETTINGS, AUTHOR);
});
afterEach(() => {
  if (had) Object.defineProperty(globalThis, 'gc', had);
  else delete (globalThis as { gc?: unknown }).gc;
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('printing a sheet from the store', () => {
  it('collects once, after composing and before the PDF is drawn, when a collection is exposed', async () => {
    const order: string[] = [];
    const gc = vi.fn(() => order.push('gc'));
    Object.defineProperty(globalThis, 'gc', { value: gc, configurable: true, writable: true });
    vi.mocked(backend.renderPdf).mockImplementationOnce(async (...a) => {
      order.push('draw');
      const real = await vi.importActual<typeof backend>('../../../src/main/print/pdf-backend');
      return real.renderPdf(...a);
    });
    const r = await printSheet(store, sheet);
    expect(order).toEqual(['gc', 'draw']);
    expect(Buffer.from(r.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('prints the same without one (the app)', async () => {
    delete (globalThis as { gc?: unknown }).gc;
    const r = await printSheet(store, sheet);
    expect(Buffer.from(r.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });
});
