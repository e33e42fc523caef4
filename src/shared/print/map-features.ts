// The map inside the frame: which features a sheet draws (judged by their geometry against the
// frame, so the legend can list exactly what is drawn) and their paths and symbols on paper.
import { geometryExtent, type Extent } from '../model/geometry';
import { classKeyOf, styleFor, visibleAtScale, type StyleSpec } from '../symbology';
import { BoxIndex } from './collisions';
import type { BoxMm, DisplayItem, StrokePaint, SymbolDef } from './display-list';
import { extentsIntersect, flatPathOnPaper, linesOf, pathOnPaper, polygonsOf, type Frame } from './geom';
import type { PrintFeature } from './input';
import { featureMeetsExtent } from './meets';
import { printLabelText } from './print-label-rules';
import { symbolDef } from './symbols';

/** A cemetery drawn smaller than this (mm across) would be a blob: its symbol is drawn instead. */
export const LEGIBLE_AREA_MM = 4;

export interface DrawnFeature {
  f: PrintFeature;
  style: StyleSpec;
  /** The class the legend lists it under (a unit past its validity is "former"). */
  legendKey: string;
  former: boolean;
  /** How it is printed: its symbol, its area, or its line. */
  form: 'symbol' | 'area' | 'line';
}

const FORMER = 'admin_units:former';

function geometryType(f: PrintFeature): string {
  return f.flatGeometry ? f.flatGeometry().type : f.geometry.type;
}

function firstPosition(f: PrintFeature): [number, number] {
  const flat = f.flatGeometry?.();
  if (flat) return [flat.xy[2 * flat.bounds[0]], flat.xy[2 * flat.bounds[0] + 1]];
  const c = (f.geometry as { coordinates: number[] }).coordinates;
  return [c[0], c[1]];
}

/**
 * Where a symbol stands on the ground: a point's position, or the middle of a cemetery too small
 * to draw as an area. Worked out again when drawn rather than held: a pair per symbol was ~5 MB
 * of the 80,000 graves of twice the heavy sheet.
 */
function groundOf(f: PrintFeature): [number, number] {
  if (geometryType(f) === 'Point') return firstPosition(f);
  const box = f.extent ?? geometryExtent(f.geometry);
  return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

/** The symbol at (x, y) shows in the frame: its drawing (not only its anchor) reaches the extent. */
function symbolMeets(style: StyleSpec, x: number, y: number, e: Extent, scale: number): boolean {
  const r = ((style.symbol?.sizeMm ?? 0) * scale) / 1000;
  return x >= e[0] - r && x <= e[2] + r && y >= e[1] - r && y <= e[3] + r;
}

/** The features drawn in the frame showing `extent` at `scale`, bottom first. */
export function selectDrawn(features: PrintFeature[], extent: Extent, scale: number, mapDate: string, settings: Parameters<typeof styleFor>[2]): DrawnFeature[] {
  const out: DrawnFeature[] = [];
  // One style object per class and label text, shared by its features: a feature's style depends on
  // its attributes only through those two, and a heavy sheet's 100,000 features have a handful of
  // classes (each its own ~200-byte object, they held ~20 MB until the sheet was composed).
  const styles = new Map<string, StyleSpec>();
  for (const f of features) {
    const box = f.extent ?? geometryExtent(f.geometry);
    if (!extentsIntersect(box, extent)) continue;
    const key = classKeyOf(f.table, f.props, mapDate);
    const own = styleFor(f.table, f.props, settings, scale, mapDate);
    const styleKey = own.labelText === null ? key : `${key}\u0000${own.labelText}`;
    let style = styles.get(styleKey);
    if (!style) styles.set(styleKey, (style = own));
    if (!visibleAtScale(style.maxScaleDenominator, scale)) continue;
    const former = key === FORMER;
    const legendKey = former ? FORMER : style.classKey;
    const type = geometryType(f);
    if (type === 'Point') {
      const [x, y] = firstPosition(f);
      if (style.symbol && symbolMeets(style, x, y, extent, scale)) out.push({ f, style, legendKey, former, form: 'symbol' });
    } else if (type === 'Polygon' || type === 'MultiPolygon') {
      const acrossMm = (Math.max(box[2] - box[0], box[3] - box[1]) * 1000) / scale;
      if (f.table === 'cemeteries' && style.symbol && acrossMm < LEGIBLE_AREA_MM) {
        const [x, y] = groundOf(f);
        if (symbolMeets(style, x, y, extent, scale)) out.push({ f, style, legendKey, former, form: 'symbol' });
        continue;
      }
      const filled = !former && !!style.fill && style.fill.opacity > 0;
      if (featureMeetsExtent(f, box, 'area', filled, extent)) out.push({ f, style, legendKey, former, form: 'area' });
    } else if (featureMeetsExtent(f, box, 'line', false, extent)) out.push({ f, style, legendKey, former, form: 'line' });
  }
  return out.sort((a, b) => a.style.zIndex - b.style.zIndex);
}

const FORMER_STROKES: StrokePaint[] = [{ color: '#9a8aa0', widthMm: 0.3, opacity: 0.8, dashMm: [1.2, 1.2] }];

function strokesOf(style: StyleSpec): StrokePaint[] {
  return style.strokes.map((st) => ({
    color: st.color,
    widthMm: st.widthMm,
    ...(st.dashMm ? { dashMm: st.dashMm } : {}),
    ...('lineCap' in st && st.lineCap ? { cap: st.lineCap } : {}),
    ...('lineJoin' in st && st.lineJoin ? { join: st.lineJoin } : {}),
    ...(st.opacity !== undefined ? { opacity: st.opacity } : {}),
  }));
}

/** The feature's rings or lines on paper, cut to what the clip can show. */
function partsOnPaper(frame: Frame, f: PrintFeature, closed: boolean, clipBox: BoxMm): number[][] {
  const tol = 0.1;
  const flat = f.flatGeometry?.();
  if (flat) {
    const out: number[][] = [];
    for (let i = 1; i < flat.bounds.length; i++) out.push(flatPathOnPaper(frame, flat.xy, flat.bounds[i - 1], flat.bounds[i], tol, closed, clipBox));
    return out;
  }
  return (closed ? polygonsOf(f.geometry).flat() : linesOf(f.geometry)).map((r) => pathOnPaper(frame, r, tol, closed, clipBox));
}

const LEADER: StrokePaint = { color: '#000000', widthMm: 0.15 };

/** Rings of spots around a symbol's true position, nearest first (8 directions a ring). */
const RINGS = [1.1, 1.6, 2.2, 3].flatMap((r) => Array.from({ length: 8 }, (_, i) => [r * Math.cos((i * Math.PI) / 4), r * Math.sin((i * Math.PI) / 4)] as const));

/**
 * Where a symbol of box `b` stands near (x, y) clear of the symbols already drawn: its true spot
 * when free, else the nearest free spot on rings a little more than its size apart; the true spot
 * when every ring is taken (a crowd too dense to spread on paper).
 */
function freeSpot(taken: BoxIndex, b: BoxMm, x: number, y: number): [number, number] {
  const at = (px: number, py: number): BoxMm => [px + b[0], py + b[1], px + b[2], py + b[3]];
  if (!taken.hits(at(x, y))) return [x, y];
  const size = Math.max(b[2] - b[0], b[3] - b[1]);
  for (const [dx, dy] of RINGS) {
    const [px, py] = [x + dx * size, y + dy * size];
    if (!taken.hits(at(px, py), 0.1)) return [px, py];
  }
  return [x, y];
}

/** A leader from the true position to the edge of the moved symbol (radius r). */
function leaderLine(x0: number, y0: number, x: number, y: number, r: number): number[] {
  const d = Math.hypot(x - x0, y - y0);
  const t = d > r ? (d - r) / d : 0;
  return [x0, y0, x0 + (x - x0) * t, y0 + (y - y0) * t];
}

/**
 * Draws the selected features: areas and lines into `items`, point symbols after them (on top);
 * returns the symbols' boxes, which labels keep clear of. A symbol on a spot already taken is moved
 * a little, with a leader line (`placedAt` says where each symbol went).
 */
export function drawFeatures(
  items: DisplayItem[],
  symbols: Record<string, SymbolDef>,
  frame: Frame,
  drawn: DrawnFeature[],
  k: number,
  placedAt?: Map<PrintFeature, [number, number]>,
): BoxIndex {
  const symbolBoxes = new BoxIndex(10);
  const symbolItems: DisplayItem[] = [];
  // Paths are cut to what the frame's clip can show, with room for the widest stroke.
  const clipBox: BoxMm = [frame.x - 3 * k, frame.y - 3 * k, frame.x + frame.w + 3 * k, frame.y + frame.h + 3 * k];
  // One strokes list per class, shared by its paths (10,000s of paths, a handful of classes).
  const strokesByKey = new Map<string, StrokePaint[]>();
  for (const { f, style, former, form } of drawn) {
    const sk = former ? FORMER : style.classKey;
    let strokes = strokesByKey.get(sk);
    if (!strokes) strokesByKey.set(sk, (strokes = former ? FORMER_STROKES : strokesOf(style)));
    if (form === 'symbol') {
      const sym = style.symbol!;
      symbols[sym.id] ??= symbolDef(sym);
      const [gx, gy] = groundOf(f);
      const x0 = frame.x + ((gx - frame.extent[0]) * 1000) / frame.scale;
      const y0 = frame.y + ((frame.extent[3] - gy) * 1000) / frame.scale;
      const b = symbols[sym.id].box;
      const [x, y] = freeSpot(symbolBoxes, b, x0, y0);
      const size = Math.max(b[2] - b[0], b[3] - b[1]);
      // Moved off a crowded spot: a leader from the true position to the symbol's edge.
      if (Math.hypot(x - x0, y - y0) > size * 0.5) symbolItems.push({ kind: 'path', subpaths: [leaderLine(x0, y0, x, y, size / 2)], closed: false, strokes: [LEADER], role: 'map' });
      symbolItems.push({ kind: 'symbol', symbol: sym.id, x, y, role: 'symbol' });
      // Kept only for a symbol that will be named (drawLabels' test): 80,000 unnamed graves held ~7 MB.
      if (placedAt && style.label && !former && printLabelText(f, style)) placedAt.set(f, [x, y]);
      symbolBoxes.add([x + b[0], y + b[1], x + b[2], y + b[3]]);
    } else if (form === 'area') {
      const subpaths = partsOnPaper(frame, f, true, clipBox).filter((p) => p.length);
      if (!subpaths.length) continue;
      const fill = style.fill && !former ? { fill: { color: style.fill.color, opacity: style.fill.opacity } } : {};
      items.push({ kind: 'path', subpaths, closed: true, fillRule: 'evenodd', ...fill, strokes, role: 'map' });
    } else {
      const subpaths = partsOnPaper(frame, f, false, clipBox).filter((p) => p.length >= 4);
      if (subpaths.length) items.push({ kind: 'path', subpaths, closed: false, strokes, role: 'map' });
    }
  }
  items.push(...symbolItems);
  return symbolBoxes;
}
