// Shared symbology (paper units) → OpenLayers styles (CSS pixels at 96 dpi). OpenLayers itself
// multiplies by devicePixelRatio; point symbols are rasterised at that ratio so they stay crisp.
import type { FeatureLike } from 'ol/Feature';
import type Geometry from 'ol/geom/Geometry';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Point from 'ol/geom/Point';
import Polygon from 'ol/geom/Polygon';
import { Fill, Icon, Stroke, Style, Text } from 'ol/style';
import type { Props } from '../../shared/model/rows';
import {
  CLASSES,
  CLASS_FIELD,
  classKeyOf,
  LABEL_RULES,
  mmToPx,
  ptToPx,
  scaleDenominator,
  styleFor,
  styleOfClass,
  symbolToSvg,
  visibleAtScale,
  type FeatureTableName,
  type LabelRule,
  type PointSymbol,
  type StrokeSpec,
  type StyleSpec,
  type SymbologySettings,
} from '../../shared/symbology';

const MIN_SCREEN_FONT_PX = 10;
export const FONT_STACK = "'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif";

export function rgba(hex: string, opacity = 1): string {
  const n = parseInt(hex.slice(1), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return opacity >= 1 ? hex : `rgba(${r},${g},${b},${opacity})`;
}

function olStroke(s: StrokeSpec): Stroke {
  return new Stroke({
    color: rgba(s.color, s.opacity ?? 1),
    width: Math.max(0.5, mmToPx(s.widthMm)),
    lineDash: s.dashMm ? s.dashMm.map((d) => mmToPx(d)) : undefined,
    lineCap: s.lineCap ?? 'round',
    lineJoin: s.lineJoin ?? 'round',
  });
}

const iconCache = new Map<string, Icon>();
const iconListeners = new Set<() => void>();
/** Symbol rasters whose SVG has not been drawn into them yet. */
let iconsLoading = 0;

/** How many symbol rasters are still being drawn (a tile drawn now would miss them). */
export function symbolsLoading(): number {
  return iconsLoading;
}

/**
 * Every class's symbol, started at once: an SVG decodes asynchronously, and a tile drawn before
 * its symbol is ready is drawn again when it is (onSymbolsReady).
 */
export function preloadSymbols(): void {
  for (const c of CLASSES) {
    const sym = c.symbol ? styleOfClass(c.classKey)?.symbol : null;
    if (sym) symbolIcon(sym);
  }
}

/** Called when a symbol's raster is ready (the layers using it must redraw). */
export function onSymbolsReady(cb: () => void): () => void {
  iconListeners.add(cb);
  return () => iconListeners.delete(cb);
}

/**
 * Symbols are rasterised once into a canvas: drawing an SVG image 45,000 times per frame cost
 * ~4.5 s per redraw in Chromium (bench/drafting-bench.ts), a canvas costs a few hundred ms.
 */
export function symbolIcon(sym: PointSymbol): Icon {
  const ratio = Math.max(1, Math.ceil(globalThis.devicePixelRatio || 1));
  const key = `${sym.id}@${ratio}`;
  let icon = iconCache.get(key);
  if (!icon) {
    const px = mmToPx(sym.sizeMm);
    const side = Math.max(1, Math.round(px * ratio));
    const svg = symbolToSvg(sym, side);
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const img = new Image();
    iconsLoading++;
    const settle = () => {
      iconsLoading--;
      for (const cb of iconListeners) cb();
    };
    img.onload = () => {
      canvas.getContext('2d')?.drawImage(img, 0, 0, side, side);
      settle();
    };
    img.onerror = settle;
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    icon = new Icon({
      img: canvas,
      size: [side, side],
      anchor: [sym.anchor[0], sym.anchor[1]],
      anchorXUnits: 'fraction',
      anchorYUnits: 'fraction',
      scale: px / side,
      // Symbols are always drawn: decluttering applies to labels only.
      declutterMode: 'none',
    });
    iconCache.set(key, icon);
  }
  return icon;
}

/** A data: URL of a symbol at CSS pixel size (legend swatches). */
export function symbolDataUrl(sym: PointSymbol, cssPx: number): string {
  const ratio = Math.max(1, Math.ceil(globalThis.devicePixelRatio || 1));
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(symbolToSvg(sym, cssPx * ratio))}`;
}

/** The interior point of the largest part: one label per multipolygon, inside it. */
const labelPoints = new WeakMap<Geometry, Point>();
function labelPointOf(geom: Geometry | undefined): Point | undefined {
  if (!geom) return undefined;
  let p = labelPoints.get(geom);
  if (p) return p;
  if (geom instanceof Polygon) p = geom.getInteriorPoint();
  else if (geom instanceof MultiPolygon) {
    let best: Polygon | null = null;
    let bestArea = -1;
    for (const poly of geom.getPolygons()) {
      const a = poly.getArea();
      if (a > bestArea) {
        bestArea = a;
        best = poly;
      }
    }
    p = best ? best.getInteriorPoint() : undefined;
  } else if (geom instanceof Point) p = geom;
  if (p) {
    const c = p.getCoordinates();
    p = new Point([c[0]!, c[1]!]);
    labelPoints.set(geom, p);
  }
  return p;
}

function textStyle(rule: LabelRule, text: string): Text {
  // Paper sizes, but never below 10 px on screen (6.5 pt is fine on paper, not on a monitor).
  const px = Math.max(MIN_SCREEN_FONT_PX, ptToPx(rule.fontSizePt));
  const font = `${rule.italic ? 'italic ' : ''}${rule.bold ? '700 ' : '400 '}${px.toFixed(1)}px ${FONT_STACK}`;
  return new Text({
    text,
    font,
    fill: new Fill({ color: rule.color }),
    stroke: rule.halo ? new Stroke({ color: rule.halo.color, width: Math.max(1, mmToPx(rule.halo.widthMm) * 2) }) : undefined,
    placement: rule.placement === 'line' ? 'line' : 'point',
    overflow: rule.placement === 'polygon',
    maxAngle: Math.PI / 5,
    offsetX: rule.offsetMm ? mmToPx(rule.offsetMm[0]) : 0,
    offsetY: rule.offsetMm ? mmToPx(rule.offsetMm[1]) : 0,
    textBaseline: 'middle',
    textAlign: rule.placement === 'line' ? undefined : 'center',
  });
}

export interface LayerStyleContext {
  table: FeatureTableName;
  settings: SymbologySettings;
  /** Metres per map unit of the working CRS (1 for projected). */
  metersPerUnit: number;
}

const geomCache = new Map<string, Style[]>();

function geometryStyles(spec: StyleSpec, geomType: string): Style[] {
  const isPoint = geomType === 'Point' || geomType === 'MultiPoint';
  const key = `${spec.classKey}|${isPoint ? 'p' : 'g'}|${spec.fill?.color ?? ''}`;
  let styles = geomCache.get(key);
  if (styles) return styles;
  styles = [];
  if (isPoint) {
    if (spec.symbol) styles.push(new Style({ image: symbolIcon(spec.symbol), zIndex: spec.zIndex }));
  } else {
    if (spec.fill)
      styles.push(new Style({ fill: new Fill({ color: rgba(spec.fill.color, spec.fill.opacity) }), zIndex: spec.zIndex }));
    // Unfilled areas (boundaries) still answer a click inside them: an invisible fill.
    else if (spec.geometry === 'area')
      styles.push(new Style({ fill: new Fill({ color: 'rgba(255,255,255,0.01)' }), zIndex: spec.zIndex }));
    spec.strokes.forEach((s, i) => styles!.push(new Style({ stroke: olStroke(s), zIndex: spec.zIndex + i * 0.01 })));
    // A cemetery drawn as an area also gets its mark at the centre.
    if (spec.geometry === 'mixed' && spec.symbol) {
      styles.push(
        new Style({
          image: symbolIcon(spec.symbol),
          geometry: (f) => labelPointOf(f.getGeometry() as Geometry),
          zIndex: spec.zIndex + 0.5,
        }),
      );
    }
  }
  geomCache.set(key, styles);
  return styles;
}

/** Today's date for classKeyOf, read again each minute: new Date() per feature cost 0.4 s on 50,000. */
let today = { at: -Infinity, iso: '' };
function mapDate(): string {
  const now = Date.now();
  if (now - today.at > 60_000) today = { at: now, iso: new Date(now).toISOString().slice(0, 10) };
  return today.iso;
}

// The drawing of a feature depends on its class only: one spec per class (and settings), the
// class read from the two attributes classKeyOf looks at.
const classSpecs = new WeakMap<object, Map<string, StyleSpec>>();
const NO_SETTINGS = {};
/**
 * How far a table's drawing reaches beyond its geometries, in CSS pixels: the largest symbol (its
 * anchor may sit on its edge) or half the widest stroke, and a pixel or two of anti-aliasing. A
 * tile looks that far around itself for what it must draw.
 */
export function drawingReachPx(table: FeatureTableName): number {
  let reach = 0;
  // Every class of the table, and the look of a feature of no known class.
  const specs = [...CLASSES.filter((c) => c.table === table).map((c) => styleOfClass(c.classKey)), styleFor(table, {} as Props)];
  for (const spec of specs) {
    if (!spec) continue;
    if (spec.symbol) reach = Math.max(reach, mmToPx(spec.symbol.sizeMm));
    for (const s of spec.strokes) reach = Math.max(reach, Math.max(0.5, mmToPx(s.widthMm)) / 2);
  }
  return Math.ceil(reach + 2);
}

/** The class a feature is drawn as: its geometry style depends on this key alone (and the settings). */
export function styleClassOf(table: FeatureTableName, feature: Pick<FeatureLike, 'get'>): string {
  const field = CLASS_FIELD[table].field;
  return classKeyOf(table, { [field]: feature.get(field), valid_to: feature.get('valid_to') } as Props, mapDate());
}

function cachedSpec(feature: FeatureLike, ctx: LayerStyleContext): StyleSpec {
  const key = styleClassOf(ctx.table, feature);
  const bySettings = ctx.settings ?? NO_SETTINGS;
  let specs = classSpecs.get(bySettings);
  if (!specs) classSpecs.set(bySettings, (specs = new Map()));
  let spec = specs.get(key);
  if (!spec) {
    // An unknown class falls back to the table's unclassified look, as styleFor does.
    spec = styleOfClass(key, ctx.settings) ?? styleFor(ctx.table, feature.getProperties() as Props, ctx.settings);
    specs.set(key, spec);
  }
  return spec;
}

/** Style function of a table's geometry layer (no text: symbols are never decluttered away). */
export function geometryStyleFunction(ctx: LayerStyleContext) {
  return (feature: FeatureLike, resolution: number): Style[] | undefined => {
    const spec = cachedSpec(feature, ctx);
    const denom = scaleDenominator(resolution * ctx.metersPerUnit);
    if (!visibleAtScale(spec.maxScaleDenominator, denom)) return undefined;
    return geometryStyles(spec, feature.getGeometry()?.getType() ?? 'Point');
  };
}

const textCache = new Map<string, Style>();

/**
 * The smallest scale (largest 1:N) at which any label rule of a table applies: beyond it the label
 * style is not computed per feature at all (45,000 graves at 1:60,000 would each run styleFor for
 * nothing). The rules themselves are the shared ones; only when the screen evaluates them changes.
 */
export function labelScaleLimit(table: FeatureTableName): number {
  let limit = 0;
  for (const [key, rule] of Object.entries(LABEL_RULES)) {
    if (!rule || !key.startsWith(`${table}:`)) continue;
    limit = Math.max(limit, rule.maxScaleDenominator ?? Infinity);
  }
  return limit;
}

/** Style function of a table's labels (decluttered together with all the other tables' labels). */
export function labelStyleFunction(ctx: LayerStyleContext) {
  const limit = labelScaleLimit(ctx.table);
  return (feature: FeatureLike, resolution: number): Style | undefined => {
    const denom = scaleDenominator(resolution * ctx.metersPerUnit);
    if (denom > limit) return undefined;
    const props = feature.getProperties() as Props;
    const spec = styleFor(ctx.table, props, ctx.settings, denom);
    if (!spec.label || !spec.labelText) return undefined;
    if (!visibleAtScale(spec.maxScaleDenominator, denom)) return undefined;
    const rule = spec.label;
    const geomType = feature.getGeometry()?.getType();
    const onPolygon = geomType === 'Polygon' || geomType === 'MultiPolygon';
    const key = `${spec.classKey}|${onPolygon ? 'a' : 'x'}|${spec.labelText}`;
    let style = textCache.get(key);
    if (!style) {
      // A label rule written for points (cemetery names) applied to an area: put it in the middle.
      const r: LabelRule =
        onPolygon && rule.placement === 'point' ? { ...rule, placement: 'polygon', offsetMm: undefined } : rule;
      style = new Style({
        text: textStyle(r, spec.labelText),
        zIndex: rule.priority,
        geometry: onPolygon ? (f) => labelPointOf(f.getGeometry() as Geometry) : undefined,
      });
      if (textCache.size > 20000) textCache.clear();
      textCache.set(key, style);
    }
    return style;
  };
}

/** Highlight of the selected / hovered feature. */
export function highlightStyle(selected: boolean): (feature: FeatureLike) => Style[] {
  const colour = selected ? '#0a84ff' : '#ff9500';
  const halo = new Style({ stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 6 }), image: undefined });
  const line = new Style({
    stroke: new Stroke({ color: colour, width: 2.5 }),
    fill: selected ? new Fill({ color: 'rgba(10,132,255,0.06)' }) : undefined,
  });
  const ring = new Style({
    image: new Icon({
      src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28"><circle cx="14" cy="14" r="11" fill="none" stroke="white" stroke-width="5"/><circle cx="14" cy="14" r="11" fill="none" stroke="${colour}" stroke-width="2.5"/></svg>`)}`,
    }),
  });
  return (feature) => {
    const t = feature.getGeometry()?.getType();
    return t === 'Point' ? [ring] : [halo, line];
  };
}
