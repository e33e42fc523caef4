// What the composer holds per feature while a heavy sheet is composed: one style object per class
// and label text (not one per feature), and a symbol's placed spot only when it will be named.
import { describe, expect, it } from 'vitest';
import type { Extent } from '../../../src/shared/model';
import type { DisplayItem, PrintFeature, SymbolDef } from '../../../src/shared/print';
import type { Frame } from '../../../src/shared/print/geom';
import { drawFeatures, selectDrawn } from '../../../src/shared/print/map-features';
import { printLabelText } from '../../../src/shared/print/print-label-rules';
import { styleFor } from '../../../src/shared/symbology';
import { fixture } from './fixture';

const E0 = 430000;
const N0 = 1370000;
const EXTENT: Extent = [E0, N0, E0 + 1000, N0 + 1000];
const DATE = '2024-01-01';

function grave(i: number, props: PrintFeature['props']): PrintFeature {
  return { table: 'graves', id: `g${i}`, geometry: { type: 'Point', coordinates: [E0 + 100 + i * 60, N0 + 500] }, props };
}

const graves: PrintFeature[] = [
  grave(0, { kind: 'newly_found', verification: 'not_verified' }),
  grave(1, { kind: 'newly_found', verification: 'not_verified' }),
  grave(2, { kind: 'newly_found', verification: 'not_verified', name: 'Mộ A' }),
  grave(3, { kind: 'newly_found', verification: 'not_verified', name: 'Mộ A' }),
  grave(4, { kind: 'newly_found', verification: 'not_verified', name: 'Mộ B' }),
  grave(5, { kind: 'family_cared', verification: 'not_verified' }),
];
const settings = fixture().settings;

describe('the composer shares what features have in common', () => {
  it('one style object per class and label text, each equal to the feature’s own style', () => {
    const drawn = selectDrawn(graves, EXTENT, 2000, DATE, settings);
    expect(drawn.length).toBe(graves.length);
    const of = (id: string) => drawn.find((d) => d.f.id === id)!.style;
    for (const d of drawn) expect(d.style).toEqual(styleFor(d.f.table, d.f.props, settings, 2000, DATE));
    // Same class, no name: one object; same name: one object; another name or class: another.
    expect(of('g0')).toBe(of('g1'));
    expect(of('g2')).toBe(of('g3'));
    expect(of('g2')).not.toBe(of('g0'));
    expect(of('g4')).not.toBe(of('g2'));
    expect(of('g5')).not.toBe(of('g0'));
    expect(of('g2').labelText).toBe('Mộ A');
    expect(of('g4').labelText).toBe('Mộ B');
    // At a scale where grave names are not printed, all graves of a class share one style.
    const far = selectDrawn(graves, EXTENT, 10000, DATE, settings);
    expect(new Set(far.filter((d) => d.f.props.kind === 'newly_found').map((d) => d.style)).size).toBe(1);
  });

  it('keeps the placed spot only of the symbols that will be named', () => {
    const frame: Frame = { x: 10, y: 10, w: 500, h: 500, extent: EXTENT, scale: 2000 };
    const drawn = selectDrawn(graves, EXTENT, 2000, DATE, settings);
    const placed = new Map<PrintFeature, [number, number]>();
    const items: DisplayItem[] = [];
    const symbols: Record<string, SymbolDef> = {};
    drawFeatures(items, symbols, frame, drawn, 1, placed);
    const named = drawn.filter((d) => printLabelText(d.f, d.style)).map((d) => d.f.id);
    expect(named.sort()).toEqual(['g2', 'g3', 'g4']);
    expect([...placed.keys()].map((f) => f.id).sort()).toEqual(named);
    // Each kept spot is where the symbol was drawn.
    for (const [f, [x, y]] of placed) {
      const i = drawn.findIndex((d) => d.f === f);
      const sym = items.filter((it) => it.kind === 'symbol')[i];
      expect(sym).toMatchObject({ kind: 'symbol', x, y });
    }
  });
});
