// Which base maps a sheet prints, as the print dialog shows and changes it: the sheet's own choice
// (settings.baseMaps, bottom first), or when it has none the ones visible in the layer panel.
import type { Output } from '../../shared/api';

export type BasemapItem = Pick<Output<'basemaps.list'>['items'][number], 'id' | 'visible'>;

/** The ids a sheet prints, bottom first: its own choice, or the project's visible base maps. */
export function chosenBaseMaps(items: readonly BasemapItem[], chosen: readonly string[] | undefined): string[] {
  // The project's list keeps position 0 at the top: bottom first is the reverse.
  const bottomFirst = [...items].reverse();
  return chosen ? bottomFirst.filter((b) => chosen.includes(b.id)).map((b) => b.id) : bottomFirst.filter((b) => b.visible).map((b) => b.id);
}

/** The sheet's choice with `id` turned on or off, bottom first. */
export function toggleBaseMap(items: readonly BasemapItem[], chosen: readonly string[] | undefined, id: string, on: boolean): string[] {
  const now = new Set(chosenBaseMaps(items, chosen));
  if (on) now.add(id);
  else now.delete(id);
  return [...items].reverse().filter((b) => now.has(b.id)).map((b) => b.id);
}
