// The print dialog's base-map choice: by default the layer panel's visible ones, bottom first (the
// project lists the top one first); a tick or untick writes an explicit list in that order, and
// unticking the last leaves [] (print none), never "absent" (which would mean the default again).
import { describe, expect, it } from 'vitest';
import { chosenBaseMaps, toggleBaseMap } from '../../../src/renderer/print/base-map-order';

// As basemaps.list gives them: position 0 (top) first.
const items = [
  { id: 'top', visible: true },
  { id: 'middle', visible: false },
  { id: 'bottom', visible: true },
];

describe('base-map choice in the print dialog', () => {
  it('defaults to the visible ones, bottom first', () => {
    expect(chosenBaseMaps(items, undefined)).toEqual(['bottom', 'top']);
  });

  it('a sheet’s own choice wins, put in the project’s bottom-first order, unknown ids dropped', () => {
    expect(chosenBaseMaps(items, ['top', 'middle', 'gone'])).toEqual(['middle', 'top']);
    expect(chosenBaseMaps(items, [])).toEqual([]);
  });

  it('ticking and unticking start from what is shown and keep the order', () => {
    expect(toggleBaseMap(items, undefined, 'middle', true)).toEqual(['bottom', 'middle', 'top']);
    expect(toggleBaseMap(items, undefined, 'top', false)).toEqual(['bottom']);
    const none = toggleBaseMap(items, ['bottom'], 'bottom', false);
    expect(none).toEqual([]);
    expect(toggleBaseMap(items, none, 'top', true)).toEqual(['top']);
  });
});
