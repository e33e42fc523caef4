// A feature table's geometries drawn into cached tiles at the view's exact resolution. OpenLayers'
// VectorLayer replays every instruction of every feature on every frame, so a pan over 45,000
// grave symbols cost ~0.6 s per frame in software rendering (bench/drafting-bench.ts). Here a
// frame only copies tiles; a tile is drawn once per resolution with OpenLayers' own canvas drawing
// code and the same Style objects (olStyle.ts, from the shared symbology), so the picture is the
// one VectorLayer drew. Missing tiles are drawn a few per frame (the frame stays short); until
// then the tiles of the previous resolution stand in, scaled. An edited feature redraws only the
// tiles it touched, before and after the edit.
import type Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import type { FrameState } from 'ol/Map';
import ViewHint from 'ol/ViewHint';
import { buffer as bufferExtent, createEmpty, extend, intersects, isEmpty, type Extent } from 'ol/extent';
import type Geometry from 'ol/geom/Geometry';
import Point from 'ol/geom/Point';
import type SimpleGeometry from 'ol/geom/SimpleGeometry';
import type { FeatureCallback } from 'ol/renderer/vector';
import Layer from 'ol/layer/Layer';
import CanvasImmediateRenderer from 'ol/render/canvas/Immediate';
import CanvasLayerRenderer from 'ol/renderer/canvas/Layer';
import { getSquaredTolerance } from 'ol/renderer/vector';
import type VectorSource from 'ol/source/Vector';
import { Icon, type Style } from 'ol/style';
import { compose as composeTransform, create as createTransform } from 'ol/transform';
import { getUid } from 'ol/util';
import type { EventsKey } from 'ol/events';
import { unByKey } from 'ol/Observable';
import { blendIcon, forgetIconPixels, iconPixels, type IconPixels } from './iconCompositor';

export type TileStyleFunction = (feature: FeatureLike, resolution: number) => Style | Style[] | undefined;

/** Tile edge in CSS pixels. */
const TILE_PX = 256;
/**
 * Drawing new tiles stops after this much time in a frame, shared by every tiled layer of the
 * map; the rest follow in the next frames.
 */
const FRAME_BUDGET_MS = 10;
/**
 * Long after the last gesture (a project opening, an edit coming back) nobody is moving the map:
 * bigger slices finish the picture in fewer frames, each of which copies every tile again.
 */
const RESTING_BUDGET_MS = 40;
const RESTING_AFTER_MS = 1000;
const frameClock = { index: -1, start: 0, budget: FRAME_BUDGET_MS, lastGesture: -Infinity };
/** The tile budget of this frame, shared by every tiled layer: the first one drawn starts the clock. */
function frameBudget(frameState: FrameState, busy: boolean): { start: number; budget: number } {
  if (frameClock.index !== frameState.index) {
    const now = performance.now();
    if (busy) frameClock.lastGesture = now;
    frameClock.index = frameState.index;
    frameClock.start = now;
    frameClock.budget = now - frameClock.lastGesture > RESTING_AFTER_MS ? RESTING_BUDGET_MS : FRAME_BUDGET_MS;
  }
  return frameClock;
}
/** Bytes of tile canvases kept per layer (a 256-pixel tile takes 256 KB at pixel ratio 1). */
const MAX_TILE_BYTES = 48 * 1024 * 1024;

interface Tile {
  /** null: nothing to draw there. */
  canvas: HTMLCanvasElement | null;
  stale: boolean;
  used: number;
}

interface Level {
  resolution: number;
  pixelRatio: number;
  /** Tile edge in device pixels, and in map units. */
  step: number;
  span: number;
  tiles: Map<string, Tile>;
  used: number;
}

export interface TiledVectorLayerOptions {
  source: VectorSource;
  style: TileStyleFunction;
  zIndex?: number;
  properties?: Record<string, unknown>;
  /** How far a symbol or a stroke reaches beyond its geometry, in CSS pixels. */
  bufferPx?: number;
}

export class TiledVectorLayer extends Layer<VectorSource, TiledVectorRenderer> {
  private style: TileStyleFunction;
  readonly bufferPx: number;

  constructor(o: TiledVectorLayerOptions) {
    super({ source: o.source, zIndex: o.zIndex, properties: o.properties });
    this.style = o.style;
    this.bufferPx = o.bufferPx ?? 40;
  }

  getStyleFunction(): TileStyleFunction {
    return this.style;
  }

  setStyle(style: TileStyleFunction) {
    this.style = style;
    this.redrawAll();
  }

  /** Every tile is drawn again (styles or symbol images changed). */
  redrawAll() {
    forgetIconPixels();
    if (this.hasRenderer()) this.getRenderer()?.invalidate(null);
    this.changed();
  }

  protected override createRenderer(): TiledVectorRenderer {
    return new TiledVectorRenderer(this);
  }

  override disposeInternal() {
    if (this.hasRenderer()) this.getRenderer()?.detach();
    super.disposeInternal();
  }
}

const keyOf = (x: number, y: number) => `${x},${y}`;

export class TiledVectorRenderer extends CanvasLayerRenderer<TiledVectorLayer> {
  private levels: Level[] = [];
  private frameNo = 0;
  private loads = 0;
  /** Where each feature was last seen: an edit redraws the tiles of its old and new place. */
  private extents = new WeakMap<Feature, Extent>();
  private readonly keys: EventsKey[];

  constructor(layer: TiledVectorLayer) {
    super(layer);
    const source = layer.getSource()!;
    this.keys = [
      // A load adds thousands of features at once: their tiles are redrawn once, at its end.
      source.on('featuresloadstart', () => this.loads++),
      source.on('featuresloadend', (e) => this.loaded(e.features as Feature[] | undefined)),
      source.on('featuresloaderror', () => this.loaded(undefined)),
      source.on('addfeature', (e) => e.feature && !this.loads && this.touch(e.feature)),
      source.on('changefeature', (e) => e.feature && this.touch(e.feature)),
      source.on('removefeature', (e) => e.feature && this.touch(e.feature, true)),
      source.on('clear', () => {
        this.extents = new WeakMap();
        this.invalidate(null);
      }),
    ];
  }

  detach() {
    unByKey(this.keys);
    this.levels = [];
  }

  private loaded(features: Feature[] | undefined) {
    this.loads = Math.max(0, this.loads - 1);
    if (!features) {
      this.invalidate(null);
      return;
    }
    const all = createEmpty();
    for (const f of features) {
      const g = f.getGeometry();
      if (!g) continue;
      const e = g.getExtent().slice();
      this.extents.set(f, e);
      extend(all, e);
    }
    if (!isEmpty(all)) this.invalidate(all);
  }

  private touch(f: Feature, removed = false) {
    const before = this.extents.get(f);
    const g = f.getGeometry();
    const now = g ? g.getExtent().slice() : null;
    if (before) this.invalidate(before);
    if (now) this.invalidate(now);
    if (removed || !now) this.extents.delete(f);
    else this.extents.set(f, now);
  }

  /** Marks the tiles over an extent (all tiles when null) to be drawn again; they show until then. */
  invalidate(extent: Extent | null) {
    for (const level of this.levels) {
      if (!extent) {
        for (const t of level.tiles.values()) t.stale = true;
        continue;
      }
      const b = bufferExtent(extent, this.getLayer().bufferPx * level.resolution);
      const x0 = Math.floor(b[0] / level.span);
      const x1 = Math.floor(b[2] / level.span);
      const y0 = Math.floor(b[1] / level.span);
      const y1 = Math.floor(b[3] / level.span);
      if ((x1 - x0 + 1) * (y1 - y0 + 1) > level.tiles.size) {
        for (const [k, t] of level.tiles) {
          const [tx, ty] = k.split(',').map(Number) as [number, number];
          if (tx >= x0 && tx <= x1 && ty >= y0 && ty <= y1) t.stale = true;
        }
      } else {
        for (let x = x0; x <= x1; x++)
          for (let y = y0; y <= y1; y++) {
            const t = level.tiles.get(keyOf(x, y));
            if (t) t.stale = true;
          }
      }
    }
  }

  override prepareFrame(frameState: FrameState): boolean {
    const source = this.getLayer().getSource();
    if (!source) return false;
    const r = frameState.viewState.resolution;
    // The bbox / all strategies of the source decide what to fetch, as for a VectorLayer.
    source.loadFeatures(bufferExtent(frameState.extent!, this.getLayer().bufferPx * r), r, frameState.viewState.projection);
    return true;
  }

  private levelFor(resolution: number, pixelRatio: number, create: boolean): Level | null {
    let level = this.levels.find((l) => l.resolution === resolution && l.pixelRatio === pixelRatio) ?? null;
    if (!level && create) {
      const step = Math.round(TILE_PX * pixelRatio);
      level = { resolution, pixelRatio, step, span: (step / pixelRatio) * resolution, tiles: new Map(), used: 0 };
      this.levels.unshift(level);
    }
    return level;
  }

  private drawTile(level: Level, tx: number, ty: number, tile: Tile) {
    const source = this.getLayer().getSource()!;
    const r = level.resolution;
    const pr = level.pixelRatio;
    const x0 = tx * level.span;
    const yTop = (ty + 1) * level.span;
    const reach = this.getLayer().bufferPx * r;
    const extent: Extent = [x0 - reach, ty * level.span - reach, x0 + level.span + reach, yTop + reach];
    const features = source.getFeaturesInExtent(extent);
    const style = this.getLayer().getStyleFunction();
    const items: { z: number; order: number; f: Feature; s: Style }[] = [];
    for (const f of features) {
      const st = style(f, r);
      if (!st) continue;
      const order = Number(getUid(f));
      if (Array.isArray(st)) for (const s of st) items.push({ z: s.getZIndex() ?? 0, order, f, s });
      else items.push({ z: st.getZIndex() ?? 0, order, f, s: st });
    }
    if (!items.length) {
      tile.canvas = null;
      tile.stale = false;
      return;
    }
    // VectorLayer's order: by the style's zIndex, then by the order the features were created.
    items.sort((a, b) => a.z - b.z || a.order - b.order);
    const canvas = tile.canvas ?? document.createElement('canvas');
    if (canvas.width !== level.step || canvas.height !== level.step) {
      canvas.width = level.step;
      canvas.height = level.step;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.clearRect(0, 0, level.step, level.step);
    const transform = composeTransform(createTransform(), 0, 0, pr / r, -pr / r, 0, -x0, -yTop);
    const icons = items.map(({ f, s }) => iconDrawOf(f, s, transform, pr));
    const pixels = icons.every((d) => d !== null) ? icons.map((d) => pixelsForCopy(d!)) : null;
    if (pixels && pixels.every((p) => p !== null)) {
      // Symbols only (a grave or point layer): blended in JavaScript, put once.
      const out = ctx.createImageData(level.step, level.step);
      icons.forEach((d, i) => blendIcon(out.data, level.step, pixels[i]!, d!.x, d!.y));
      ctx.putImageData(out, 0, 0);
    } else {
      const immediate = new CanvasImmediateRenderer(ctx, pr, extent, transform, 0, getSquaredTolerance(r, pr));
      items.forEach(({ f, s }, i) => {
        const d = icons[i];
        if (d) ctx.drawImage(d.img, d.x, d.y, d.w, d.h);
        else immediate.drawFeature(f, s);
      });
    }
    tile.canvas = canvas;
    tile.stale = false;
  }

  override renderFrame(frameState: FrameState, target: HTMLElement | null): HTMLElement {
    const layerState = frameState.layerStatesArray[frameState.layerIndex]!;
    const view = frameState.viewState;
    const r = view.resolution;
    const pr = frameState.pixelRatio;
    const extent = frameState.extent!;
    const busy = frameState.viewHints[ViewHint.ANIMATING]! > 0 || frameState.viewHints[ViewHint.INTERACTING]! > 0;
    const frame = ++this.frameNo;
    const { start, budget } = frameBudget(frameState, busy);

    this.prepareContainer(frameState, target as HTMLElement);
    const context = this.getRenderContext(frameState);
    this.preRender(context as CanvasRenderingContext2D, frameState);

    // While the resolution moves (zoom animation), tiles at each passing resolution would be
    // thrown away: only the exact resolution of a resting or panning view gets new tiles.
    const current = this.levelFor(r, pr, !busy || this.levelFor(r, pr, false) !== null);
    const fallback = this.levels.find((l) => l !== current && l.pixelRatio === pr && l.tiles.size > 0) ?? null;
    const missing: [number, number, number][] = [];
    let pending = 0;

    const alpha = layerState.opacity;
    context.save();
    if (alpha !== 1) context.globalAlpha = alpha;

    const toPx = (x: number, y: number): [number, number] => [((x - extent[0]) / r) * pr, ((extent[3] - y) / r) * pr];

    if (current) {
      current.used = frame;
      const x0 = Math.floor(extent[0] / current.span);
      const x1 = Math.floor(extent[2] / current.span);
      const y0 = Math.floor(extent[1] / current.span);
      const y1 = Math.floor(extent[3] / current.span);
      // One rounding for the whole grid: tiles meet without seams and stay on device pixels.
      const [ox, oy] = toPx(x0 * current.span, (y1 + 1) * current.span);
      const baseX = Math.round(ox);
      const baseY = Math.round(oy);
      const cx = (x0 + x1) / 2;
      const cy = (y0 + y1) / 2;
      const wanted: [number, number][] = [];
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) wanted.push([x, y]);
      // The middle of the view first.
      wanted.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
      const draws: [Tile, number, number][] = [];
      for (const [x, y] of wanted) {
        const key = keyOf(x, y);
        let tile = current.tiles.get(key);
        const source = this.getLayer().getSource()!;
        // A table being re-read after an edit keeps its old tiles until the new rows are in.
        const canDraw = !source.loading && performance.now() - start < budget;
        if ((!tile || tile.stale) && canDraw) {
          tile ??= { canvas: null, stale: true, used: frame };
          this.drawTile(current, x, y, tile);
          current.tiles.set(key, tile);
        }
        const px = baseX + (x - x0) * current.step;
        const py = baseY + (y1 - y) * current.step;
        if (!tile) {
          missing.push([px, py, current.step]);
          continue;
        }
        if (tile.stale) pending++;
        tile.used = frame;
        draws.push([tile, px, py]);
      }
      for (const [tile, px, py] of draws) if (tile.canvas) context.drawImage(tile.canvas, px, py);
      // Spare time on a resting view: the ring of tiles around it, so that a pan finds them drawn.
      if (fallback && missing.length) this.drawFallback(context as CanvasRenderingContext2D, fallback, missing, toPx, frame);
      if (!busy && !missing.length && !pending) this.prefetch(current, x0 - 1, x1 + 1, y0 - 1, y1 + 1, start, budget, frame);
    } else if (fallback) {
      const w = Math.round((extent[2] - extent[0]) / r * pr) + 1;
      const h = Math.round((extent[3] - extent[1]) / r * pr) + 1;
      missing.push([0, 0, Math.max(w, h)]);
      this.drawFallback(context as CanvasRenderingContext2D, fallback, missing, toPx, frame);
    }
    context.restore();
    this.postRender(context as CanvasRenderingContext2D, frameState);

    this.evict(frame, Math.round(TILE_PX * pr));
    this.ready = missing.length === 0 && pending === 0;
    if (!this.ready) frameState.postRenderFunctions.push((map) => map.render());
    return this.container!;
  }

  /** Tiles of another resolution, scaled, where this resolution has no tile yet (squares px, py, side). */
  private drawFallback(
    context: CanvasRenderingContext2D,
    level: Level,
    holes: [number, number, number][],
    toPx: (x: number, y: number) => [number, number],
    frame: number,
  ) {
    // One clip for all the holes: each scaled copy costs a full pass over its pixels in software.
    let px = Infinity;
    let py = Infinity;
    let qx = -Infinity;
    let qy = -Infinity;
    context.save();
    context.beginPath();
    for (const [x, y, side] of holes) {
      context.rect(x, y, side, side);
      px = Math.min(px, x);
      py = Math.min(py, y);
      qx = Math.max(qx, x + side);
      qy = Math.max(qy, y + side);
    }
    context.clip();
    for (const [key, tile] of level.tiles) {
      if (!tile.canvas) continue;
      const [tx, ty] = key.split(',').map(Number) as [number, number];
      const [ax, ay] = toPx(tx * level.span, (ty + 1) * level.span);
      const [bx, by] = toPx((tx + 1) * level.span, ty * level.span);
      if (bx < px || ax > qx || by < py || ay > qy) continue;
      tile.used = frame;
      context.drawImage(tile.canvas, ax, ay, bx - ax, by - ay);
    }
    context.restore();
  }

  private prefetch(level: Level, x0: number, x1: number, y0: number, y1: number, start: number, budget: number, frame: number) {
    const source = this.getLayer().getSource()!;
    if (source.loading) return;
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        if (performance.now() - start >= budget) return;
        const key = keyOf(x, y);
        let tile = level.tiles.get(key);
        if (tile && !tile.stale) continue;
        tile ??= { canvas: null, stale: true, used: frame };
        this.drawTile(level, x, y, tile);
        tile.used = frame;
        level.tiles.set(key, tile);
      }
  }

  private evict(frame: number, step: number) {
    // Never fewer than a view and the ring around it, whatever the pixel ratio.
    const MAX_TILES = Math.max(64, Math.floor(MAX_TILE_BYTES / (step * step * 4)));
    let count = 0;
    for (const l of this.levels) for (const t of l.tiles.values()) if (t.canvas) count++;
    if (count > MAX_TILES) {
      const all: [Level, string, Tile][] = [];
      for (const l of this.levels) for (const [k, t] of l.tiles) if (t.used !== frame) all.push([l, k, t]);
      all.sort((a, b) => a[2].used - b[2].used);
      for (const [l, k, t] of all) {
        if (count <= MAX_TILES * 0.75) break;
        if (t.canvas) count--;
        l.tiles.delete(k);
      }
    }
    this.levels = this.levels.filter((l) => l.tiles.size > 0 || l.used === frame);
  }

  /** Hit detection by geometry (there is no replay to hit-test): symbols by their box, areas inside, lines and outlines within the tolerance. */
  override forEachFeatureAtCoordinate<T>(
    coordinate: number[],
    frameState: FrameState,
    hitTolerance: number,
    callback: FeatureCallback<T>,
  ): T | undefined {
    const layer = this.getLayer();
    const source = layer.getSource();
    if (!source) return undefined;
    const r = frameState.viewState.resolution;
    const reach = (layer.bufferPx + hitTolerance) * r;
    const candidates = source.getFeaturesInExtent([coordinate[0]! - reach, coordinate[1]! - reach, coordinate[0]! + reach, coordinate[1]! + reach]);
    // Topmost first: the reverse of the drawing order.
    const style = layer.getStyleFunction();
    const hits: { z: number; order: number; f: FeatureLike; g: Geometry }[] = [];
    for (const f of candidates) {
      const st = style(f, r);
      if (!st) continue;
      const styles = Array.isArray(st) ? st : [st];
      for (const s of styles) {
        const g = s.getGeometryFunction()(f) as Geometry | undefined;
        if (g && hitsStyle(s, g, coordinate, r, hitTolerance)) {
          hits.push({ z: s.getZIndex() ?? 0, order: Number(getUid(f)), f, g });
          break;
        }
      }
    }
    hits.sort((a, b) => b.z - a.z || b.order - a.order);
    for (const h of hits) {
      const result = callback(h.f, layer as never, h.g as SimpleGeometry);
      if (result) return result;
    }
    return undefined;
  }
}

/** The icon box of a point symbol in map units, or null when the style has no icon. */
function iconBox(s: Style, at: number[], resolution: number): Extent | null {
  const image = s.getImage();
  if (!(image instanceof Icon)) return null;
  const size = image.getSize();
  const anchor = image.getAnchor();
  const scale = image.getScaleArray();
  if (!size || !anchor) return null;
  const left = at[0]! - anchor[0]! * scale[0]! * resolution;
  const top = at[1]! + anchor[1]! * scale[1]! * resolution;
  return [left, top - size[1]! * scale[1]! * resolution, left + size[0]! * scale[0]! * resolution, top];
}

function hitsStyle(s: Style, g: Geometry, c: number[], r: number, tolPx: number): boolean {
  const type = g.getType();
  const tol = tolPx * r;
  if (type === 'Point') {
    const box = iconBox(s, (g as Point).getCoordinates(), r);
    return !!box && intersects(bufferExtent(box, tol), [c[0]!, c[1]!, c[0]!, c[1]!]);
  }
  if ((type === 'Polygon' || type === 'MultiPolygon') && s.getFill() && g.intersectsCoordinate(c)) return true;
  const stroke = s.getStroke();
  if (!stroke && !s.getFill()) return false;
  const reach = tol + ((stroke?.getWidth() ?? 0) / 2) * r;
  const p = g.getClosestPoint(c);
  return Math.hypot(p[0]! - c[0]!, p[1]! - c[1]!) <= reach;
}

interface IconDraw {
  img: HTMLCanvasElement | HTMLImageElement;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where a point symbol goes on the tile, in device pixels (null when the style is anything but a
 * plain icon on a point): what CanvasImmediateRenderer would draw, without its per-feature state
 * changes. On whole pixels, as OpenLayers' own executor places images, so a symbol stays crisp.
 */
function iconDrawOf(f: Feature, s: Style, transform: number[], pr: number): IconDraw | null {
  const image = s.getImage();
  if (!(image instanceof Icon) || s.getFill() || s.getStroke() || s.getText() || image.getRotation() !== 0 || image.getOpacity() !== 1) return null;
  const g = s.getGeometryFunction()(f) as Geometry | undefined;
  if (!(g instanceof Point)) return null;
  const img = image.getImage(pr) as HTMLCanvasElement | HTMLImageElement | null;
  const size = image.getSize();
  const anchor = image.getAnchor();
  if (!img || !size || !anchor) return null;
  const scale = image.getScaleArray();
  const c = g.getFlatCoordinates();
  const x = transform[0]! * c[0]! + transform[2]! * c[1]! + transform[4]!;
  const y = transform[1]! * c[0]! + transform[3]! * c[1]! + transform[5]!;
  const sx = scale[0]! * pr;
  const sy = scale[1]! * pr;
  return { img, x: Math.round(x - anchor[0]! * sx), y: Math.round(y - anchor[1]! * sy), w: size[0]! * sx, h: size[1]! * sy };
}

/** The symbol's raster pixels when it is drawn at its own size (a plain copy), else null. */
function pixelsForCopy(d: IconDraw): IconPixels | null {
  if (Math.abs(d.w - d.img.width) >= 0.5 || Math.abs(d.h - d.img.height) >= 0.5) return null;
  return iconPixels(d.img);
}
