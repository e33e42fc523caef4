// The print dialog's choices → sheet settings and requests: texts emptied go back to the project's,
// an area choice starts at the first sheet, a layout naming base maps removed since loses them (and
// says how many), print.pdf and print.layouts.save carry the form as shown, a dragged block lands
// where the pointer says, in mm, to a tenth and never off the page's top or left.
import { describe, expect, it } from 'vitest';
import type { SheetSettingsInput } from '../../../src/shared/print';
import {
  DEFAULT_SETTINGS,
  areaPatch,
  areaValue,
  draggedTo,
  knownBaseMaps,
  layoutSaveRequest,
  layoutSettings,
  mmPerPx,
  pdfRequest,
  withBlockAt,
  withTexts,
} from '../../../src/renderer/print/dialog/sheet-settings';

const items = [{ id: 'top' }, { id: 'bottom' }];

describe('print dialog: the form', () => {
  it('starts on an A3 landscape sheet of the whole project at a fitting scale', () => {
    expect(DEFAULT_SETTINGS).toEqual({ paper: 'A3', orientation: 'landscape', area: { kind: 'all' }, scale: 'fit', texts: {}, layout: {} });
  });

  it('a text typed is kept, an emptied one removed (the project’s is printed)', () => {
    const s = withTexts({ ...DEFAULT_SETTINGS, texts: { title: 'A', placeDate: 'B' } }, { title: '', organisation: 'UBND' });
    expect(s.texts).toEqual({ placeDate: 'B', organisation: 'UBND' });
    expect(withTexts({ ...DEFAULT_SETTINGS, texts: undefined }, { title: 'X' }).texts).toEqual({ title: 'X' });
  });

  it('the area: one commune or all, and a new area starts at sheet 1', () => {
    expect(areaPatch('62345')).toEqual({ area: { kind: 'communes', communes: ['62345'] }, sheet: undefined });
    expect(areaPatch('')).toEqual({ area: { kind: 'all' }, sheet: undefined });
    expect('sheet' in areaPatch('')).toBe(true);
    expect(areaValue({ ...DEFAULT_SETTINGS, area: { kind: 'communes', communes: ['62345', '2'] } })).toBe('62345');
    expect(areaValue(DEFAULT_SETTINGS)).toBe('');
  });
});

describe('print dialog: base maps that are gone', () => {
  it('a choice naming a removed base map loses it; a choice with none missing is left alone', () => {
    expect(knownBaseMaps(['bottom', 'gone'], items)).toEqual(['bottom']);
    expect(knownBaseMaps(['gone'], items)).toEqual([]);
    expect(knownBaseMaps(['bottom', 'top'], items)).toBeNull();
    expect(knownBaseMaps(undefined, items)).toBeNull();
    expect(knownBaseMaps(['gone'], null)).toBeNull();
  });

  it('a saved layout is loaded without the base maps removed since, counted', () => {
    const saved: SheetSettingsInput = { ...DEFAULT_SETTINGS, baseMaps: ['gone', 'top', 'also-gone'] };
    expect(layoutSettings(saved, items)).toEqual({ settings: { ...saved, baseMaps: ['top'] }, missing: 2 });
    expect(layoutSettings(saved, null)).toEqual({ settings: saved, missing: 0 });
    const none = { ...DEFAULT_SETTINGS };
    expect(layoutSettings(none, items)).toEqual({ settings: none, missing: 0 });
  });
});

describe('print dialog: requests', () => {
  const s: SheetSettingsInput = { ...DEFAULT_SETTINGS, paper: 'A4', scale: 25000, baseMaps: [] };

  it('print.pdf gets the settings as shown and the series choice', () => {
    expect(pdfRequest(s, true)).toEqual({ settings: s, series: true });
    expect(pdfRequest(s, false)).toEqual({ settings: s, series: false });
  });

  it('a layout is saved under the typed name, else the sheet’s title, else "Bố cục"; over the chosen one when it has an id', () => {
    expect(layoutSaveRequest('  Nam Đà A3 ', 'TITLE', undefined, s, 'Bố cục')).toEqual({ name: 'Nam Đà A3', settings: s });
    expect(layoutSaveRequest('  ', 'BẢN ĐỒ XÃ NAM ĐÀ', 'id-1', s, 'Bố cục')).toEqual({ id: 'id-1', name: 'BẢN ĐỒ XÃ NAM ĐÀ', settings: s });
    // Neither typed nor titled: the word the caller took from the i18n tables, in its language.
    expect(layoutSaveRequest('', undefined, undefined, s, 'Layout').name).toBe('Layout');
    expect(layoutSaveRequest('', undefined, undefined, s, 'Bố cục').name).toBe('Bố cục');
  });
});

describe('print dialog: dragging a block', () => {
  it('mm per pixel follows the side that fills the preview', () => {
    expect(mmPerPx({ widthMm: 420, heightMm: 297 }, { width: 840, height: 1000 })).toBe(0.5);
    expect(mmPerPx({ widthMm: 420, heightMm: 297 }, { width: 2000, height: 297 })).toBe(1);
  });

  it('moves with the pointer, scaled, and stops at the top and left edges', () => {
    const g = { name: 'legend' as const, x0: 100, y0: 50, bx: 20, by: 10, mmPerPx: 0.5 };
    expect(draggedTo(g, 140, 70)).toEqual({ name: 'legend', x: 40, y: 20 });
    expect(draggedTo(g, 0, 0)).toEqual({ name: 'legend', x: 0, y: 0 });
  });

  it('is dropped to a tenth of a millimetre, beside the other blocks', () => {
    expect(withBlockAt({ stats: { x: 1, y: 2 } }, 'legend', { x: 12.345, y: 7.06 })).toEqual({ stats: { x: 1, y: 2 }, legend: { x: 12.3, y: 7.1 } });
    expect(withBlockAt(undefined, 'scale', { x: 1, y: 2 })).toEqual({ scale: { x: 1, y: 2 } });
  });
});
