// The print dialog's "Bản đồ nền" section: the project's raster base maps with a checkbox each, in
// the layer panel's order (top first). Unchosen (settings.baseMaps absent) = the ones visible in the
// layer panel; a click writes the explicit choice, bottom first as the composer draws them, and an
// empty list prints none.
import type { Output } from '../../shared/api';
import { chosenBaseMaps, toggleBaseMap } from './base-map-order';
import { usePrintT } from './dict';

export type BasemapItem = Output<'basemaps.list'>['items'][number];

export function BaseMapChoice({
  items,
  chosen,
  onChange,
}: {
  /** null while the list is loading. */
  items: readonly BasemapItem[] | null;
  chosen: readonly string[] | undefined;
  onChange: (ids: string[]) => void;
}) {
  const p = usePrintT();
  const on = new Set(items ? chosenBaseMaps(items, chosen) : []);
  return (
    <fieldset className="print-basemaps" data-testid="print-basemaps">
      <legend>{p('basemaps')}</legend>
      {items === null ? null : items.length === 0 ? (
        <p className="print-hint" data-testid="print-basemaps-empty">
          {p('basemaps.empty')}
        </p>
      ) : (
        <>
          {items.map((b) => (
            <label key={b.id} className="print-check" data-testid="print-basemap" data-id={b.id} title={b.sourceFile}>
              <input type="checkbox" checked={on.has(b.id)} onChange={(e) => onChange(toggleBaseMap(items, chosen, b.id, e.target.checked))} data-testid="print-basemap-check" />
              <span className="print-basemap-name" data-testid="print-basemap-name">
                {b.name}
              </span>
              <span className="print-basemap-kind">{p(b.kind === 'tiles' ? 'basemaps.kind.tiles' : 'basemaps.kind.geotiff')}</span>
            </label>
          ))}
          <p className="print-hint" data-testid="print-basemaps-hint">
            {p(!chosen ? 'basemaps.default' : on.size ? 'basemaps.chosen' : 'basemaps.none')}
          </p>
        </>
      )}
    </fieldset>
  );
}
