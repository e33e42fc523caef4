// All tables' labels in ONE decluttered layer drawn as an image: a pan moves the image, the labels
// are placed again when the view comes to rest. One layer, so labels of different tables still
// never overlap, and a collision is won by the higher rule priority as on the printed sheet
// (src/shared/print/feature-labels.ts places by the same priorities).
import type Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import VectorImageLayer from 'ol/layer/VectorImage';
import VectorSource from 'ol/source/Vector';
import { asArray } from 'ol/color';
import type { Style } from 'ol/style';
import type { FeatureTableName, SymbologySettings } from '../../shared/symbology';
import { labelScaleLimit, labelStyleFunction } from './olStyle';

type LabelFn = (f: FeatureLike, resolution: number) => Style | undefined;

export class LabelLayer {
  readonly source = new VectorSource();
  readonly layer: VectorImageLayer<VectorSource>;
  private readonly tableOf = new WeakMap<FeatureLike, FeatureTableName>();
  private fns = new Map<FeatureTableName, LabelFn>();
  private hidden = new Set<FeatureTableName>();
  /** The layer panel's opacity of each table, applied to its labels' colours. */
  private opacity = new Map<FeatureTableName, number>();
  /**
   * Features of tables whose labels do not apply at the current scale wait outside the layer's
   * source: 45,000 graves (labelled from 1:5,000) cost nothing to the labels of a district view.
   */
  private pending = new Map<FeatureTableName, Feature[]>();
  private denominator = Infinity;

  constructor(
    private readonly tables: readonly FeatureTableName[],
    settings: SymbologySettings,
    private readonly metersPerUnit: number,
    zIndex: number,
  ) {
    this.setSettings(settings);
    this.layer = new VectorImageLayer({
      source: this.source,
      declutter: true,
      zIndex,
      style: (f, resolution) => {
        const table = this.tableOf.get(f);
        if (!table || this.hidden.has(table)) return undefined;
        const style = this.fns.get(table)?.(f, resolution);
        const alpha = this.opacity.get(table) ?? 1;
        return style && alpha < 1 ? faded(style, alpha) : style;
      },
      properties: { role: 'label' },
    });
  }

  setSettings(settings: SymbologySettings) {
    this.fns = new Map(this.tables.map((table) => [table, labelStyleFunction({ table, settings, metersPerUnit: this.metersPerUnit })]));
    this.layer?.changed();
  }

  setHidden(tables: Iterable<FeatureTableName>) {
    const next = new Set(tables);
    if (next.size === this.hidden.size && [...next].every((t) => this.hidden.has(t))) return;
    this.hidden = next;
    this.layer.changed();
  }

  /** Labels fade with their table (one label layer for all tables: the layer's own opacity cannot). */
  setOpacity(opacity: ReadonlyMap<FeatureTableName, number>) {
    const next = new Map([...opacity].filter(([, a]) => a < 1));
    if (next.size === this.opacity.size && [...next].every(([t, a]) => this.opacity.get(t) === a)) return;
    this.opacity = next;
    this.layer.changed();
  }

  private applies(table: FeatureTableName): boolean {
    return labelScaleLimit(table) >= this.denominator;
  }

  /** The view's scale 1:N: tables whose labels now apply join the layer. */
  setScale(denominator: number) {
    this.denominator = denominator;
    for (const [table, features] of this.pending) {
      if (!this.applies(table)) continue;
      this.pending.delete(table);
      this.source.addFeatures(features);
    }
  }

  /** Features a table's source has just taken in (a feature can sit in both sources). */
  add(table: FeatureTableName, features: readonly Feature[]) {
    for (const f of features) this.tableOf.set(f, table);
    if (this.applies(table)) this.source.addFeatures(features as Feature[]);
    else this.pending.set(table, [...(this.pending.get(table) ?? []), ...features]);
  }

  /** Features removed from their table (another window deleted them): their labels go too. */
  remove(features: readonly Feature[]) {
    for (const f of features) {
      const table = this.tableOf.get(f);
      this.tableOf.delete(f);
      if (this.source.hasFeature(f)) this.source.removeFeature(f);
      const waiting = table ? this.pending.get(table) : undefined;
      if (waiting) this.pending.set(table!, waiting.filter((x) => x !== f));
    }
  }

  /** After a table's source was emptied: the labels of every table's current features, in bulk. */
  rebuild(current: Iterable<[FeatureTableName, readonly Feature[]]>) {
    this.source.clear(true);
    this.pending.clear();
    const all: Feature[] = [];
    for (const [table, features] of current) {
      for (const f of features) this.tableOf.set(f, table);
      if (this.applies(table)) all.push(...features);
      else this.pending.set(table, [...features]);
    }
    this.source.addFeatures(all);
  }
}

const fadedStyles = new WeakMap<Style, Map<number, Style>>();

/** A label style with its text and halo colours at `alpha` times their opacity (kept per style). */
export function faded(style: Style, alpha: number): Style {
  let byAlpha = fadedStyles.get(style);
  if (!byAlpha) fadedStyles.set(style, (byAlpha = new Map()));
  let out = byAlpha.get(alpha);
  if (!out) {
    out = style.clone();
    const text = out.getText();
    const fade = (c: unknown) => {
      const [r, g, b, a] = asArray(c as string);
      return [r!, g!, b!, a! * alpha];
    };
    if (text?.getFill()) text.getFill()!.setColor(fade(text.getFill()!.getColor()));
    if (text?.getStroke()) text.getStroke()!.setColor(fade(text.getStroke()!.getColor()));
    byAlpha.set(alpha, out);
  }
  return out;
}
