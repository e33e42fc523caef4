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
import { buffer as bufferExtent, createEmpty, extend, isEmpty, type Extent } from 'ol/extent';
import type Geometry from 'ol/geom/Geometry';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Point from 'ol/geom/Point';
import Polygon from 'ol/geom/Polygon';
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
import { MAP_GEOM } from '../../shared/contract/map-layer-format';
import { areaStyleKey, groupAreas } from './areaBatches';
import type { FlatTable } from './flatTable';
import { featuresAt } from './featureHits';
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
/**
 * A table's rows just read and nobody touching the map (a project opening): its picture is drawn
 * in a few long frames rather than many short ones, each of which would copy every tile again.
 */
const FIRST_PICTURE_BUDGET_MS = 250;
const RESTING_AFTER_MS = 1000;
const frameClock = { index: -1, start: 0, budget: FRAME_BUDGET_MS, lastGesture: -Infinity };
/** The tile budget of this frame, shared by every tiled layer: the first one drawn starts the clock. */
function frameBudget(frameState: FrameState, busy: boolean, firstPicture: boolean): { start: number; budget: number } {
  if (frameClock.index !== frameState.index) {
    const now = performance.now();
    if (busy) frameClock.lastGesture = now;
    frameClock.index = frameState.index;
    frameClock.start = now;
    frameClock.budget = now - frameClock.lastGesture > RESTING_AFTER_MS ? (firstPicture ? FIRST_PICTURE_BUDGET_MS : RESTING_BUDGET_MS) : FRAME_BUDGET_MS;
  }
  return frameClock;
}
/** Bytes of tile canvases kept per layer (a 256-pixel tile takes 256 KB at pixel ratio 1). */
const MAX_TILE_BYTES = 48 * 1024 * 1024;

interface Tile {
  /** null: nothing to draw there. */
  image: ImageBitmap | null;
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
  /**
   * The rows of the table's last read (flatTable.ts): tiles are drawn from them while its Features
   * are built and after, until a feature changes in the page (then from the Features).
   */
  private rows: FlatTable | null = null;
  /** The rows arrived and their Features are not in the source yet. */
  private opening = false;
  private handedOver = false;

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
    this.rows?.restyle();
    this.redrawAll();
  }

  getRows(): FlatTable | null {
    return this.rows;
  }

  /** True between setRows and handOver: the table's picture is being drawn for the first time. */
  isOpening(): boolean {
    return this.opening;
  }

  /** Draw from the rows of a new read. */
  setRows(rows: FlatTable) {
    this.rows = rows;
    this.opening = true;
    this.handedOver = false;
    if (this.hasRenderer()) this.getRenderer()?.invalidate(null);
    this.changed();
  }

  /**
   * Call just before the source's load ends with the Features of the rows: the tiles drawn from
   * the rows are the tiles the Features would give, so they are kept.
   */
  handOver() {
    if (this.rows) this.handedOver = true;
    this.opening = false;
  }

  /** True once after a handOver (the renderer asks when the load ends). */
  takeHandOver(): boolean {
    const h = this.handedOver;
    this.handedOver = false;
    return h;
  }

  /**
   * Tiles can be drawn: the source is not being read, or the read's rows are in. (A table being
   * re-read after an edit keeps its old tiles until then.)
   */
  canDraw(): boolean {
    return !this.getSource()!.loading || this.rows !== null;
  }

  /** The Features no longer match the rows (changed in the page, or cleared): draw from them. */
  dropRows() {
    this.rows = null;
    this.opening = false;
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

/**
 * The one surface every tile is drawn on, then taken off as an ImageBitmap. A canvas element
 * records its paths and Chromium's software rasteriser paints them only when the canvas is first
 * copied: that was in the frame's composition, outside the tile budget, and made wheel zooms over
 * 5,000 areas freeze for up to 0.66 s (bench: "wheel zoom"). transferToImageBitmap paints them
 * here, inside the budget (with a GPU it hands them to the GPU without waiting), and leaves the
 * surface blank for the next tile.
 */
let surface: OffscreenCanvasRenderingContext2D | null = null;
function paper(step: number): OffscreenCanvasRenderingContext2D {
  if (!surface || surface.canvas.width !== step || surface.canvas.height !== step) surface = new OffscreenCanvas(step, step).getContext('2d')!;
  return surface;
}

function setImage(tile: Tile, image: ImageBitmap | null) {
  tile.image?.close();
  tile.image = image;
  tile.stale = false;
}

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
      // A load adds thousands of features at once: their tiles are redrawn once, at its end, and
      // no `addfeature` listener of ours makes the source create an event for each of them.
      source.on('featuresloadstart', () => {
        if (this.loads++ === 0) this.listenToAdds(false);
      }),
      source.on('featuresloadend', (e) => this.loaded(e.features as Feature[] | undefined)),
      source.on('featuresloaderror', () => this.loaded(undefined)),
      source.on('changefeature', (e) => e.feature && this.changedInPage(e.feature)),
      source.on('removefeature', (e) => e.feature && this.changedInPage(e.feature, true)),
      source.on('clear', () => {
        this.extents = new WeakMap();
        layer.dropRows();
        this.invalidate(null);
      }),
    ];
    this.listenToAdds(true);
  }

  private addKey: EventsKey | null = null;

  /** A feature added outside a load was added in the page (a drafting tool). */
  private listenToAdds(on: boolean) {
    if (this.addKey) unByKey(this.addKey);
    this.addKey = on ? this.getLayer().getSource()!.on('addfeature', (e) => e.feature && !this.loads && this.changedInPage(e.feature)) : null;
  }

  detach() {
    unByKey(this.keys);
    this.listenToAdds(false);
    for (const l of this.levels) for (const t of l.tiles.values()) t.image?.close();
    this.levels = [];
  }

  private loaded(features: Feature[] | undefined) {
    this.loads = Math.max(0, this.loads - 1);
    if (this.loads === 0) this.listenToAdds(true);
    const keep = this.getLayer().takeHandOver();
    if (!features) {
      this.invalidate(null);
      this.getLayer().changed();
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
    if (!isEmpty(all) && !keep) this.invalidate(all);
    this.getLayer().changed();
  }

  /** A feature added, changed or removed in the page (not by a read): the rows no longer hold. */
  private changedInPage(f: Feature, removed = false) {
    this.getLayer().dropRows();
    this.touch(f, removed);
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
      // Walk the tiles the level has when that is shorter, or when the tile numbers are beyond exact
      // integers (a row far outside the CRS): there `x++` stands still and the walk never ended.
      if (!((x1 - x0 + 1) * (y1 - y0 + 1) <= level.tiles.size) || !exactTiles(x0, x1, y0, y1)) {
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
    const style = this.getLayer().getStyleFunction();
    const transform = composeTransform(createTransform(), 0, 0, pr / r, -pr / r, 0, -x0, -yTop);
    const templates = new Map<Style, IconTemplate | null>();
    const items: Item[] = [];
    const rows = this.getLayer().getRows();
    if (rows) {
      // Row order is the order the Features are created in, so the same drawing order.
      const ks = rows.search(extent);
      const symbols = rowSymbols(rows, ks, (k) => rows.stylesAt(k, style, r), templates, transform, pr);
      if (symbols) {
        this.putSymbols(level, tile, symbols);
        return;
      }
      for (const k of ks) {
        const st = rows.stylesAt(k, style, r);
        if (!st) continue;
        const f = rows.feature(k) as unknown as FeatureLike;
        const point = rows.types[k] === MAP_GEOM.Point ? rows.flat(k)!.flat : null;
        for (const s of st) items.push({ z: s.getZIndex() ?? 0, order: k, f, s, point, polygon: null });
      }
    } else {
      for (const f of source.getFeaturesInExtent(extent)) {
        const st = style(f, r);
        if (!st) continue;
        const order = Number(getUid(f));
        const g = f.getGeometry();
        const point = g instanceof Point ? g.getFlatCoordinates() : null;
        const polygon = g instanceof Polygon || g instanceof MultiPolygon ? g : null;
        if (Array.isArray(st)) for (const s of st) items.push({ z: s.getZIndex() ?? 0, order, f, s, point, polygon });
        else items.push({ z: st.getZIndex() ?? 0, order, f, s: st, point, polygon });
      }
    }
    // VectorLayer's order: by the style's zIndex, then by the order the features were created.
    items.sort((a, b) => a.z - b.z || a.order - b.order);
    const icons = items.map((it) => iconDrawOf(it, templates, transform, pr));
    if (icons.every((d) => d?.pixels)) {
      // Symbols only (a grave or point layer, or no item at all).
      const order = icons.map((_, i) => i);
      this.putSymbols(level, tile, { x: icons.map((d) => d!.x), y: icons.map((d) => d!.y), pixels: icons.map((d) => d!.pixels!), order });
      return;
    }
    const ctx = paper(level.step);
    ctx.clearRect(0, 0, level.step, level.step);
    // OpenLayers draws on an OffscreenCanvas as on a canvas element (it does so in workers).
    const immediate = new CanvasImmediateRenderer(ctx as unknown as CanvasRenderingContext2D, pr, extent, transform, 0, getSquaredTolerance(r, pr));
    for (let i = 0; i < items.length; ) {
      const d = icons[i];
      if (d) {
        ctx.drawImage(d.img, d.x, d.y, d.w, d.h);
        i++;
        continue;
      }
      const end = areaRun(items, i, rows);
      if (end - i > 1) {
        // Plain opaque polygons (search areas): as few paths as the picture allows (areaBatches.ts).
        const run = items.slice(i, end);
        const boxes = run.map((it) => (rows ? (Array.from(rows.boxes.subarray(it.order * 4, it.order * 4 + 4)) as Extent) : it.polygon!.getExtent()));
        const widest = Math.max(0, ...run.map((it) => it.s.getStroke()?.getWidth() ?? 0));
        for (const g of groupAreas(run.map((it) => it.s), boxes, (widest / 2 + 2) * r)) {
          immediate.setStyle(g.style);
          immediate.drawGeometry(multiPolygonOf(g.members.map((m) => run[m]!), rows));
        }
        i = end;
        continue;
      }
      // drawFeature reads only the style's geometry of the feature: a snapshot row serves as well.
      immediate.drawFeature(items[i]!.f as Feature, items[i]!.s);
      i++;
    }
    setImage(tile, ctx.canvas.transferToImageBitmap());
  }

  /** A tile of symbols only: blended in JavaScript, put once (nothing to draw: no image). */
  private putSymbols(level: Level, tile: Tile, symbols: RowSymbols) {
    if (!symbols.order.length) {
      setImage(tile, null);
      return;
    }
    const ctx = paper(level.step);
    const out = ctx.createImageData(level.step, level.step);
    const words = new Uint32Array(out.data.buffer, out.data.byteOffset, level.step * level.step);
    for (const i of symbols.order) blendIcon(out.data, words, level.step, symbols.pixels[i]!, symbols.x[i]!, symbols.y[i]!);
    ctx.putImageData(out, 0, 0);
    setImage(tile, ctx.canvas.transferToImageBitmap());
  }

  override renderFrame(frameState: FrameState, target: HTMLElement | null): HTMLElement {
    const layerState = frameState.layerStatesArray[frameState.layerIndex]!;
    const view = frameState.viewState;
    const r = view.resolution;
    const pr = frameState.pixelRatio;
    const extent = frameState.extent!;
    const busy = frameState.viewHints[ViewHint.ANIMATING]! > 0 || frameState.viewHints[ViewHint.INTERACTING]! > 0;
    const frame = ++this.frameNo;
    const { start, budget } = frameBudget(frameState, busy, this.getLayer().isOpening());

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

    if (current && exactTiles(...tileRange(extent, current.span))) {
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
        const canDraw = this.getLayer().canDraw() && performance.now() - start < budget;
        if ((!tile || tile.stale) && canDraw) {
          tile ??= { image: null, stale: true, used: frame };
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
      for (const [tile, px, py] of draws) if (tile.image) context.drawImage(tile.image, px, py);
      // Spare time on a resting view: the ring of tiles around it, so that a pan finds them drawn.
      if (fallback && missing.length) this.drawFallback(context as CanvasRenderingContext2D, fallback, missing, toPx, frame);
      if (!busy && !missing.length && !pending) this.prefetch(current, x0 - 1, x1 + 1, y0 - 1, y1 + 1, start, Math.min(budget, RESTING_BUDGET_MS), frame);
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
    // More tiles next frame; but a table still being read has nothing to draw yet, and the end of
    // its read asks for a frame itself (loaded, setRows): no frames spent waiting for it.
    if (!this.ready && this.getLayer().canDraw()) frameState.postRenderFunctions.push((map) => map.render());
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
      if (!tile.image) continue;
      const [tx, ty] = key.split(',').map(Number) as [number, number];
      const [ax, ay] = toPx(tx * level.span, (ty + 1) * level.span);
      const [bx, by] = toPx((tx + 1) * level.span, ty * level.span);
      if (bx < px || ax > qx || by < py || ay > qy) continue;
      tile.used = frame;
      context.drawImage(tile.image, ax, ay, bx - ax, by - ay);
    }
    context.restore();
  }

  private prefetch(level: Level, x0: number, x1: number, y0: number, y1: number, start: number, budget: number, frame: number) {
    if (!this.getLayer().canDraw()) return;
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        if (performance.now() - start >= budget) return;
        const key = keyOf(x, y);
        let tile = level.tiles.get(key);
        if (tile && !tile.stale) continue;
        tile ??= { image: null, stale: true, used: frame };
        this.drawTile(level, x, y, tile);
        tile.used = frame;
        level.tiles.set(key, tile);
      }
  }

  private evict(frame: number, step: number) {
    // Never fewer than a view and the ring around it, whatever the pixel ratio.
    const MAX_TILES = Math.max(64, Math.floor(MAX_TILE_BYTES / (step * step * 4)));
    let count = 0;
    for (const l of this.levels) for (const t of l.tiles.values()) if (t.image) count++;
    if (count > MAX_TILES) {
      const all: [Level, string, Tile][] = [];
      for (const l of this.levels) for (const [k, t] of l.tiles) if (t.used !== frame) all.push([l, k, t]);
      all.sort((a, b) => a[2].used - b[2].used);
      for (const [l, k, t] of all) {
        if (count <= MAX_TILES * 0.75) break;
        if (t.image) count--;
        t.image?.close();
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
    const hits = featuresAt(source, layer.getStyleFunction(), coordinate, frameState.viewState.resolution, hitTolerance, layer.bufferPx);
    for (const h of hits) {
      const result = callback(h.f, layer as never, h.g as SimpleGeometry);
      if (result) return result;
    }
    return undefined;
  }
}

/** Where the symbols of a tile's rows go, in drawing order. */
interface RowSymbols {
  x: number[];
  y: number[];
  pixels: IconPixels[];
  order: number[];
}

/**
 * The symbols of rows that are all points drawn with plain icons copied at their own size (a
 * grave layer), placed straight from the answer's coordinates; null when any row is anything else.
 * The order is VectorLayer's: by the style's zIndex, then by row, then by the style's place.
 */
function rowSymbols(
  rows: FlatTable,
  ks: ArrayLike<number>,
  stylesOf: (k: number) => Style[] | null,
  templates: Map<Style, IconTemplate | null>,
  transform: number[],
  pr: number,
): RowSymbols | null {
  const xy = rows.layer.geom.xy;
  const out: RowSymbols = { x: [], y: [], pixels: [], order: [] };
  const zs: number[] = [];
  let mixed = false;
  for (let i = 0; i < ks.length; i++) {
    const k = ks[i]!;
    const st = stylesOf(k);
    if (!st) continue;
    if (rows.types[k] !== MAP_GEOM.Point) return null;
    const c = rows.xyAt[k]!;
    const X = xy[c]!;
    const Y = xy[c + 1]!;
    for (const s of st) {
      if (s.getGeometry() !== null) return null;
      let t = templates.get(s);
      if (t === undefined) templates.set(s, (t = iconTemplate(s, pr)));
      if (!t?.pixels) return null;
      const z = s.getZIndex() ?? 0;
      if (zs.length && z !== zs[0]) mixed = true;
      zs.push(z);
      const [x, y] = iconPlace(t, transform, X, Y);
      out.x.push(x);
      out.y.push(y);
      out.pixels.push(t.pixels);
    }
  }
  out.order = zs.map((_, i) => i);
  // Array.prototype.sort is stable: rows and styles keep their order within a zIndex.
  if (mixed) out.order.sort((a, b) => zs[a]! - zs[b]!);
  return out;
}

/** One style of one feature (or snapshot row) to draw on a tile. */
interface Item {
  z: number;
  order: number;
  f: FeatureLike;
  s: Style;
  /** The feature's own point, when it is one (flat x, y). */
  point: ArrayLike<number> | null;
  /** The feature's own polygon, when it is one (features; snapshot rows are read from the rows). */
  polygon: Polygon | MultiPolygon | null;
}

/** A plain icon style at a pixel ratio: where its raster goes from the point, and its pixels. */
interface IconTemplate {
  img: HTMLCanvasElement | HTMLImageElement;
  ax: number;
  ay: number;
  w: number;
  h: number;
  /** The raster's pixels when it is drawn at its own size (a plain copy), else null. */
  pixels: IconPixels | null;
}

interface IconDraw {
  img: HTMLCanvasElement | HTMLImageElement;
  x: number;
  y: number;
  w: number;
  h: number;
  pixels: IconPixels | null;
}

function iconTemplate(s: Style, pr: number): IconTemplate | null {
  const image = s.getImage();
  if (!(image instanceof Icon) || s.getFill() || s.getStroke() || s.getText() || image.getRotation() !== 0 || image.getOpacity() !== 1) return null;
  const img = image.getImage(pr) as HTMLCanvasElement | HTMLImageElement | null;
  const size = image.getSize();
  const anchor = image.getAnchor();
  if (!img || !size || !anchor) return null;
  const scale = image.getScaleArray();
  const sx = scale[0]! * pr;
  const sy = scale[1]! * pr;
  const w = size[0]! * sx;
  const h = size[1]! * sy;
  const copy = Math.abs(w - img.width) < 0.5 && Math.abs(h - img.height) < 0.5;
  return { img, ax: anchor[0]! * sx, ay: anchor[1]! * sy, w, h, pixels: copy ? iconPixels(img) : null };
}

/**
 * Where a point symbol goes on the tile, in device pixels (null when the style is anything but a
 * plain icon on a point): what CanvasImmediateRenderer would draw, without its per-feature state
 * changes. On whole pixels, as OpenLayers' own executor places images, so a symbol stays crisp.
 */
function iconDrawOf(it: Item, templates: Map<Style, IconTemplate | null>, transform: number[], pr: number): IconDraw | null {
  let t = templates.get(it.s);
  if (t === undefined) templates.set(it.s, (t = iconTemplate(it.s, pr)));
  if (!t) return null;
  let c: ArrayLike<number> | null = null;
  // No geometry of its own (style.getGeometry() null): the style draws the feature's geometry.
  if (it.s.getGeometry() === null) c = it.point;
  else {
    const g = it.s.getGeometryFunction()(it.f) as Geometry | undefined;
    if (g instanceof Point) c = g.getFlatCoordinates();
  }
  if (!c) return null;
  const [x, y] = iconPlace(t, transform, c[0]!, c[1]!);
  return { img: t.img, x, y, w: t.w, h: t.h, pixels: t.pixels };
}

/** The tile pixel of a symbol's top left corner for the point (X, Y): on whole pixels. */
function iconPlace(t: IconTemplate, transform: number[], X: number, Y: number): [number, number] {
  const x = transform[0]! * X + transform[2]! * Y + transform[4]!;
  const y = transform[1]! * X + transform[3]! * Y + transform[5]!;
  return [Math.round(x - t.ax), Math.round(y - t.ay)];
}

/** The end of the run of plain opaque polygons from item i on (areaBatches.ts). */
function areaRun(items: Item[], i: number, rows: FlatTable | null): number {
  const isArea = (it: Item) =>
    (rows ? rows.types[it.order] === MAP_GEOM.Polygon || rows.types[it.order] === MAP_GEOM.MultiPolygon : it.polygon !== null) && areaStyleKey(it.s) !== null;
  let j = i;
  while (j < items.length && isArea(items[j]!)) j++;
  return Math.max(j, i + 1);
}

/** Polygon and multipolygon items as one MultiPolygon. */
function multiPolygonOf(items: Item[], rows: FlatTable | null): MultiPolygon {
  const flat: number[] = [];
  const endss: number[][] = [];
  for (const it of items) {
    let coords: ArrayLike<number>;
    let polys: readonly (readonly number[])[];
    if (rows) {
      const g = rows.flat(it.order)!;
      coords = g.flat;
      polys = g.type === 'MultiPolygon' ? g.endss! : [g.ends!];
    } else {
      const g = it.polygon!;
      coords = g.getFlatCoordinates();
      polys = g instanceof MultiPolygon ? g.getEndss() : [g.getEnds()];
    }
    const base = flat.length;
    for (let q = 0; q < coords.length; q++) flat.push(coords[q]!);
    for (const ends of polys) endss.push(ends.map((e) => e + base));
  }
  return new MultiPolygon(flat, 'XY', endss);
}

/** Tile numbers x0, x1, y0, y1 covering an extent. */
function tileRange(e: Extent, span: number): [number, number, number, number] {
  return [Math.floor(e[0] / span), Math.floor(e[2] / span), Math.floor(e[1] / span), Math.floor(e[3] / span)];
}

/** Tile numbers a loop can step through one by one (finite, below 2^53, in order). */
export function exactTiles(x0: number, x1: number, y0: number, y1: number): boolean {
  return Number.isSafeInteger(x0) && Number.isSafeInteger(x1) && Number.isSafeInteger(y0) && Number.isSafeInteger(y1) && x0 <= x1 + 1 && y0 <= y1 + 1;
}
