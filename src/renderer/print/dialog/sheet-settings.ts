// The print dialog's choices → the sheet settings and the requests sent to main, as pure functions:
// what the form's fields change, which base maps a saved layout may still name, where a dragged
// block lands, and what print.pdf and print.layouts.save are sent.
import type { Input } from '../../../shared/api';
import type { SheetSettingsInput } from '../../../shared/print';
import type { BlockName } from '../../../shared/print/paper';

export const DEFAULT_SETTINGS: SheetSettingsInput = { paper: 'A3', orientation: 'landscape', area: { kind: 'all' }, scale: 'fit', texts: {}, layout: {} };

/** The sheet's texts with `x` written over them; an emptied text goes back to the project's. */
export function withTexts(s: SheetSettingsInput, x: Record<string, string>): SheetSettingsInput {
  const texts = { ...(s.texts ?? {}), ...x };
  for (const [k, v] of Object.entries(texts)) if (v === '') delete (texts as Record<string, string>)[k];
  return { ...s, texts };
}

/** The area select's value: the one commune chosen, or '' for the whole project. */
export function areaValue(s: SheetSettingsInput): string {
  return s.area?.kind === 'communes' ? (s.area.communes[0] ?? '') : '';
}

/** Choosing an area starts again at the series' first sheet. */
export function areaPatch(value: string): Partial<SheetSettingsInput> {
  return { area: value ? { kind: 'communes', communes: [value] } : { kind: 'all' }, sheet: undefined };
}

/** The chosen base maps still in the project, or null when none is missing (nothing to change). */
export function knownBaseMaps(chosen: readonly string[] | undefined, items: readonly { id: string }[] | null): string[] | null {
  if (!items || !chosen) return null;
  const known = new Set(items.map((b) => b.id));
  return chosen.some((id) => !known.has(id)) ? chosen.filter((id) => known.has(id)) : null;
}

/** A saved layout's settings without the base maps removed since (main would refuse them), and how many were. */
export function layoutSettings(saved: SheetSettingsInput, items: readonly { id: string }[] | null): { settings: SheetSettingsInput; missing: number } {
  const known = items ? new Set(items.map((b) => b.id)) : null;
  if (!known || !saved.baseMaps) return { settings: saved, missing: 0 };
  const kept = saved.baseMaps.filter((id) => known.has(id));
  return { settings: { ...saved, baseMaps: kept }, missing: saved.baseMaps.length - kept.length };
}

/** What print.pdf is sent: the settings as shown, and a series or the one sheet. */
export function pdfRequest(settings: SheetSettingsInput, series: boolean): Input<'print.pdf'> {
  return { settings, series };
}

/**
 * What print.layouts.save is sent: the same layout again when it has an id; a name, the sheet's title
 * when none was typed, else `unnamed` (the i18n tables' word for a layout, in the user's language).
 */
export function layoutSaveRequest(typed: string, title: string | undefined, id: string | undefined, settings: SheetSettingsInput, unnamed: string): Input<'print.layouts.save'> {
  const name = typed.trim() || title || unnamed;
  return { ...(id ? { id } : {}), name, settings };
}

export interface Drag {
  name: BlockName;
  x0: number;
  y0: number;
  bx: number;
  by: number;
  mmPerPx: number;
}

/** Millimetres of paper per screen pixel of the preview (the SVG keeps the page's aspect, letterboxed). */
export function mmPerPx(page: { widthMm: number; heightMm: number }, rect: { width: number; height: number }): number {
  return Math.max(page.widthMm / rect.width, page.heightMm / rect.height);
}

/** Where a dragged block is now, mm on the page, never off its top or left edge. */
export function draggedTo(g: Drag, clientX: number, clientY: number): { name: BlockName; x: number; y: number } {
  return { name: g.name, x: Math.max(0, g.bx + (clientX - g.x0) * g.mmPerPx), y: Math.max(0, g.by + (clientY - g.y0) * g.mmPerPx) };
}

/** The layout with a block dropped at `at`, kept to a tenth of a millimetre. */
export function withBlockAt(layout: SheetSettingsInput['layout'], name: BlockName, at: { x: number; y: number }): SheetSettingsInput['layout'] {
  return { ...(layout ?? {}), [name]: { x: Math.round(at.x * 10) / 10, y: Math.round(at.y * 10) / 10 } };
}
