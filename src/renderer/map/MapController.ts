// The ONE OpenLayers map of the workspace: a view in the project's working CRS, one vector source
// per feature table (loaded through the map's compact query, features.map), every table's labels in
// one decluttered layer (LabelLayer), hover/click hit detection. Tables of many small features
// (graves, points, search areas, cemeteries) are drawn into cached tiles (TiledVectorLayer);
// boundaries, base lines and base areas as one image of the view (VectorImageLayer), because a
// boundary of thousands of vertices would be drawn again for every tile it crosses. Both move as a
// picture while the map is dragged.
import Map from 'ol/Map';
import View from 'ol/View';
import Feature from 'ol/Feature';
import VectorLayer from 'ol/layer/Vector';
import VectorImageLayer from 'ol/layer/VectorImage';
import VectorSource from 'ol/source/Vector';
import { all as allStrategy, bbox as bboxStrategy } from 'ol/loadingstrategy';
import { defaults as defaultControls, ScaleLine, Zoom, ZoomToExtent } from 'ol/control';
import { defaults as defaultInteractions } from 'ol/interaction';
import type Projection from 'ol/proj/Projection';
import type { Extent as OlExtent } from 'ol/extent';
import { isEmpty as extentIsEmpty } from 'ol/extent';
import type BaseLayer from 'ol/layer/Base';
import type { ApiClient, ProjectInfo } from '../../shared/api';
import type { Row } from '../../shared/model/rows';
import type { Props } from '../../shared/model/rows';
import { CLASS_FIELD, classKeyOf, scaleDenominator, type FeatureTableName, type SymbologySettings } from '../../shared/symbology';
import { todayIso } from '../../shared/symbology/style';
import { drawingReachPx, geometryStyleFunction, highlightStyle, onSymbolsReady, preloadSymbols, symbolsLoading } from './olStyle';
import { registerWorkingCrs, vietnamExtent } from './projection';
import { featureSlices, featuresOf } from './mapFeatures';
import { FlatTable } from './flatTable';
import { dropPrefetched, takePrefetched } from './mapPrefetch';
import { MAP_READ_WHOLE_UP_TO } from '../../shared/contract/map-layer-format';
import { LabelLayer } from './LabelLayer';
import { featuresAt } from './featureHits';
import { TiledVectorLayer } from './TiledVectorLayer';
import { LiveRows, type ProjectChanged } from './liveRows';


/** Tables of many small features, drawn into cached tiles. */
const TILED_TABLES: readonly FeatureTableName[] = ['graves', 'info_points', 'base_points', 'search_areas', 'cemeteries'];

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** How far from a feature's drawing the pointer may be and still hit it, in CSS pixels. */
const HIT_TOLERANCE_PX = 4;

export interface Hit {
  table: FeatureTableName;
  id: string;
  props: Record<string, unknown>;
  meta: Row['meta'] | null;
  geometryType: string;
}

export interface MapCallbacks {
  onLayerLoad(table: FeatureTableName, loaded: number, state: LoadState): void;
  onPointer(coord: number[] | null): void;
  onView(resolution: number, metersPerUnit: number): void;
  onHover(hits: Hit[]): void;
  onClick(hits: Hit[]): void;
  onError(table: FeatureTableName, e: unknown): void;
}

export interface LayerState {
  table: FeatureTableName;
  visible: boolean;
  opacity: number;
}

interface TableLayers {
  source: VectorSource;
  geom: TiledVectorLayer | VectorImageLayer<VectorSource>;
  state: LoadState;
  /** Counts the table's reads: a read overtaken by a newer one stops building its features. */
  reads: number;
}

/** Features built per slice of a drawn table (about 30 ms each): the page answers in between. */
const BUILD_SLICE = 3000;
/** If the first picture never completes (a base map that keeps loading), build after this long. */
const BUILD_AFTER_MS = 4000;

export interface MapLabels {
  zoomIn: string;
  zoomOut: string;
  zoomExtent: string;
}

export class MapController {
  readonly map: Map;
  readonly view: View;
  readonly projection: Projection;
  private readonly tables = new globalThis.Map<FeatureTableName, TableLayers>();
  private readonly labels: LabelLayer;
  private readonly classCache = new globalThis.Map<FeatureTableName, { rev: number; keys: Set<string> }>();
  private readonly hover: VectorLayer;
  private readonly select: VectorLayer;
  private settings: SymbologySettings;
  private readonly homeExtent: OlExtent;
  private zoomControl: Zoom;
  private extentControl: ZoomToExtent;
  private pointerFrame = 0;
  private disposed = false;
  /** Off while a drawing tool owns the clicks (a click then adds a vertex, not a selection). */
  selectOnClick = true;
  /**
   * Off while a drawing tool is on: the panel of what is under the pointer opens over the map's
   * right side and took the clicks meant for the sketch (a vertex on the boundary was lost).
   */
  hoverOnMove = true;
  /** The features whose outlines the hover and select layers show. */
  private readonly outlined = new globalThis.Map<VectorLayer, { table: FeatureTableName; id: string } | null>();
  private offSymbols: () => void = () => {};
  /** When every table was first on screen (ms since the page's time origin), or null. */
  firstPictureAt: number | null = null;
  private readonly pictureWaiters = new Set<() => void>();

  constructor(
    target: HTMLElement,
    private readonly api: ApiClient,
    info: ProjectInfo,
    tables: readonly FeatureTableName[],
    private readonly cb: MapCallbacks,
    labels: MapLabels,
  ) {
    // proj4 + ol/proj/proj4 first: every source and the view use the working CRS.
    this.projection = registerWorkingCrs(info.crs);
    preloadSymbols();
    this.settings = info.settings;
    const code = info.crs.code;

    this.homeExtent = homeExtentOf(info) ?? vietnamExtent(code);
    this.view = new View({
      projection: this.projection,
      constrainResolution: false,
      showFullExtent: true,
      enableRotation: false,
    });

    const metersPerUnit = this.projection.getMetersPerUnit() ?? 1;
    const layers: BaseLayer[] = [];
    this.labels = new LabelLayer(tables, this.settings, metersPerUnit, 1000);
    const counts = new globalThis.Map(info.layers.map((l) => [l.table, l.count]));
    tables.forEach((table, i) => {
      const ctx = { table, settings: this.settings, metersPerUnit };
      const whole = (counts.get(table) ?? 0) <= MAP_READ_WHOLE_UP_TO;
      const tiled = TILED_TABLES.includes(table);
      const source: VectorSource = new VectorSource({
        strategy: whole ? allStrategy : bboxStrategy,
        loader: (extent, _resolution, _projection, success, failure) => {
          const entry = this.tables.get(table);
          const read = entry ? ++entry.reads : 0;
          if (entry) entry.state = 'loading';
          this.cb.onLayerLoad(table, source.getFeatures().length, 'loading');
          const bbox = whole ? null : sanitizeExtent(extent);
          const asked = performance.now();
          ((whole && read === 1 ? takePrefetched(info.path, table) : null) ?? this.api.invoke('features.map', { table, ...(bbox ? { bbox } : {}) }))
            .then((answer) => {
              if (this.disposed) return;
              const got = performance.now();
              if (whole && tiled && entry) {
                this.drawThenBuild(table, entry, read, answer, asked, got, success);
                return;
              }
              const features = featuresOf(answer);
              source.addFeatures(features);
              // Features already there (an extent read twice) stay as they were: label those taken.
              this.labels.add(table, features.filter((f) => source.getFeatureById(f.getId()!) === f));
              // Where a slow first render goes (read bench/drafting-bench.ts): the read, then the build.
              performance.measure(`quytap:read:${table}`, { start: asked, end: got });
              performance.measure(`quytap:build:${table}`, { start: got, end: performance.now() });
              success?.(features);
              this.loadEnded(table, source, entry);
            })
            .catch((e: unknown) => {
              if (this.disposed) return;
              source.removeLoadedExtent(extent);
              failure?.();
              if (entry) entry.state = 'error';
              this.cb.onLayerLoad(table, source.getFeatures().length, 'error');
              this.cb.onError(table, e);
            });
        },
      });
      source.on('clear', () => {
        this.labels.rebuild([...this.tables].map(([t, x]) => [t, x.source.getFeatures()]));
        this.cb.onLayerLoad(table, 0, 'loading');
      });
      const geom = TILED_TABLES.includes(table)
        ? new TiledVectorLayer({ source, style: geometryStyleFunction(ctx), zIndex: i, properties: { table, role: 'geom' }, bufferPx: drawingReachPx(table) })
        : new VectorImageLayer({ source, style: geometryStyleFunction(ctx), zIndex: i, properties: { table, role: 'geom' } });
      this.tables.set(table, { source, geom, state: 'idle', reads: 0 });
      layers.push(geom);
    });
    layers.push(this.labels.layer);

    this.hover = new VectorLayer({
      source: new VectorSource(),
      style: highlightStyle(false),
      zIndex: 2000,
      properties: { role: 'overlay' },
    });
    this.select = new VectorLayer({
      source: new VectorSource(),
      style: highlightStyle(true),
      zIndex: 2001,
      properties: { role: 'overlay' },
    });
    layers.push(this.hover, this.select);

    this.zoomControl = new Zoom({ zoomInTipLabel: labels.zoomIn, zoomOutTipLabel: labels.zoomOut, zoomOutLabel: '−' });
    this.extentControl = new ZoomToExtent({ extent: this.homeExtent, label: '⌂', tipLabel: labels.zoomExtent });
    this.map = new Map({
      target,
      layers,
      view: this.view,
      controls: defaultControls({ zoom: false, rotate: false, attribution: false }).extend([
        this.zoomControl,
        this.extentControl,
        new ScaleLine({ units: 'metric', bar: true, steps: 4, text: false, minWidth: 110 }),
      ]),
      interactions: defaultInteractions({ altShiftDragRotate: false, pinchRotate: false, keyboard: false }),
      keyboardEventTarget: undefined,
    });
    this.zoomHome(false);
    this.emitView();
    this.offSymbols = onSymbolsReady(() => {
      for (const t of this.tables.values()) {
        if (t.geom instanceof TiledVectorLayer) t.geom.redrawAll();
        else t.geom.changed();
      }
    });

    performance.mark('quytap:map-created');
    this.map.on('postrender', () => this.notePicture());
    this.view.on('change:resolution', () => this.emitView());
    this.map.on('moveend', () => this.emitView());
    this.map.on('pointermove', (e) => {
      if (e.dragging) return;
      const coord = e.coordinate;
      const pixel = e.pixel;
      cancelAnimationFrame(this.pointerFrame);
      this.pointerFrame = requestAnimationFrame(() => {
        this.cb.onPointer(coord);
        const hits = this.hoverOnMove ? this.hitsAt(pixel) : [];
        this.showHighlight(this.hover, hits[0]);
        this.cb.onHover(hits);
      });
    });
    target.addEventListener('pointerleave', () => {
      cancelAnimationFrame(this.pointerFrame);
      this.cb.onPointer(null);
      this.showHighlight(this.hover, undefined);
      this.cb.onHover([]);
    });
    this.map.on('singleclick', (e) => {
      if (!this.selectOnClick) return;
      const hits = this.hitsAt(e.pixel);
      this.showHighlight(this.select, hits[0]);
      this.cb.onClick(hits);
    });
  }

  /**
   * A whole tiled table: its rows are drawn at once from the answer (flatTable.ts), and its
   * Features, which hover, selection, labels and the drafting tools need, are built in slices
   * once the picture is complete. The source's load ends only then, with them.
   */
  private drawThenBuild(
    table: FeatureTableName,
    entry: TableLayers,
    read: number,
    answer: Parameters<typeof featuresOf>[0],
    asked: number,
    got: number,
    success: ((features: Feature[]) => void) | undefined,
  ) {
    const layer = entry.geom as TiledVectorLayer;
    const rows = new FlatTable(answer, table);
    layer.setRows(rows);
    performance.measure(`quytap:read:${table}`, { start: asked, end: got });
    performance.measure(`quytap:rows:${table}`, { start: got, end: performance.now() });
    const superseded = () => this.disposed || entry.reads !== read;
    const built: Feature[] = [];
    const slices = featureSlices(rows, BUILD_SLICE);
    let started = 0;
    const step = () => {
      if (superseded()) {
        // A newer read owns the layer now; this load still has to end for the source's count.
        if (!this.disposed) success?.([]);
        return;
      }
      started ||= performance.now();
      const t0 = performance.now();
      for (;;) {
        const next = slices.next();
        if (next.done) break;
        for (const f of next.value) built.push(f);
        if (performance.now() - t0 > 25) {
          setTimeout(step, 0);
          return;
        }
      }
      entry.source.addFeatures(built);
      this.labels.add(table, built);
      layer.handOver();
      performance.measure(`quytap:build:${table}`, { start: started, end: performance.now() });
      success?.(built);
      this.loadEnded(table, entry.source, entry);
    };
    this.afterPicture(step);
  }

  /** A table's read is in the source: outlines follow it, the layer panel counts it. */
  private loadEnded(table: FeatureTableName, source: VectorSource, entry: TableLayers | undefined) {
    if (entry) entry.state = 'ready';
    this.reselect(table);
    this.cb.onLayerLoad(table, source.getFeatures().length, 'ready');
  }

  /**
   * Runs `fn` once every table's rows are on the map (or after BUILD_AFTER_MS). Not OpenLayers'
   * rendercomplete: that waits for the sources' loads, which end only when the Features are built.
   */
  private afterPicture(fn: () => void) {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.pictureWaiters.delete(run);
      setTimeout(fn, 0);
    };
    const timer = setTimeout(run, BUILD_AFTER_MS);
    this.pictureWaiters.add(run);
    this.map.render();
  }

  /** Every visible table drawn: its features, or the rows of its read, with no tile missing. */
  private allDrawn(): boolean {
    if (symbolsLoading() > 0) return false;
    for (const t of this.tables.values()) {
      if (!t.geom.getVisible()) continue;
      const rows = t.geom instanceof TiledVectorLayer && t.geom.isOpening();
      if (!rows && t.state !== 'ready' && t.state !== 'error') return false;
      if (t.geom instanceof TiledVectorLayer && !(t.geom.hasRenderer() && t.geom.getRenderer()?.ready)) return false;
    }
    return true;
  }

  /** After each frame: the first picture with every table's rows, and whoever waits for it. */
  private notePicture() {
    if (this.firstPictureAt !== null && !this.pictureWaiters.size) return;
    if (!this.allDrawn()) return;
    if (this.firstPictureAt === null) {
      this.firstPictureAt = performance.now();
      performance.mark('quytap:first-picture');
    }
    for (const run of [...this.pictureWaiters]) run();
  }

  private emitView() {
    const r = this.view.getResolution();
    if (r === undefined) return;
    const mpu = this.projection.getMetersPerUnit() ?? 1;
    this.labels.setScale(scaleDenominator(r * mpu));
    this.cb.onView(r, mpu);
  }

  /** Features under a pixel, points first, then lines, areas, boundaries last. */
  hitsAt(pixel: number[]): Hit[] {
    const hits: (Hit & { rank: number })[] = [];
    const seen = new Set<string>();
    const coordinate = this.map.getCoordinateFromPixel(pixel);
    const r = this.view.getResolution();
    if (!coordinate || r === undefined) return [];
    // By geometry (featureHits.ts), not by OpenLayers' pixel read-back: this runs on every pointer move.
    for (const [table, t] of this.tables) {
      if (!t.geom.getVisible()) continue;
      for (const { f } of featuresAt(t.source, t.geom.getStyleFunction(), coordinate, r, HIT_TOLERANCE_PX, drawingReachPx(table))) {
        if (!(f instanceof Feature)) continue;
        const id = String(f.getId());
        if (seen.has(id)) continue;
        seen.add(id);
        const type = f.getGeometry()?.getType() ?? '';
        const props = { ...f.getProperties() };
        delete props.geometry;
        const meta = (props.__meta as Row['meta']) ?? null;
        delete props.__meta;
        // Points first, then lines, then areas, the smallest area first (a commune before its province).
        const g = f.getGeometry();
        const area = g && 'getArea' in g && typeof (g as any).getArea === 'function' ? (g as any).getArea() : 0;
        const z = t.geom.getZIndex() ?? 0;
        const rank = type === 'Point' ? -z : type.includes('Line') ? 1e3 - z : 1e4 + area;
        hits.push({ table, id, props, meta, geometryType: type, rank });
      }
    }
    hits.sort((a, b) => a.rank - b.rank);
    return hits.map(({ rank: _r, ...h }) => h);
  }

  /** Features at a map coordinate (used by tests and by clicking programmatically). */
  hitsAtCoordinate(coord: number[]): Hit[] {
    return this.hitsAt(this.map.getPixelFromCoordinate(coord));
  }

  private showHighlight(layer: VectorLayer, hit: Hit | undefined) {
    const now = this.outlined.get(layer);
    // The pointer moving over the same feature: nothing to draw again (a reload redraws it: reselect).
    if (now && hit && now.table === hit.table && now.id === hit.id && layer.getSource()!.getFeatures().length) return;
    if (!now && !hit) return;
    this.outlined.set(layer, hit ? { table: hit.table, id: hit.id } : null);
    this.outline(layer);
  }

  /** Draws the outline of the feature the layer (hover or selection) shows, from its current geometry. */
  private outline(layer: VectorLayer) {
    const src = layer.getSource()!;
    src.clear();
    const o = this.outlined.get(layer);
    const g = o ? this.tables.get(o.table)?.source.getFeatureById(o.id)?.getGeometry() : null;
    if (g) src.addFeature(new Feature(g.clone()));
    else this.outlined.set(layer, null);
  }

  /**
   * A table read again (an edit, undo, another window's save): the outlines of the selected and the
   * hovered feature follow their new geometry, or go when the feature has gone.
   */
  private reselect(table: FeatureTableName) {
    for (const layer of [this.select, this.hover]) if (this.outlined.get(layer)?.table === table) this.outline(layer);
  }

  /** The vector source of a feature table (the drafting tools edit and snap against these). */
  sourceOf(table: FeatureTableName): VectorSource | undefined {
    return this.tables.get(table)?.source;
  }

  featureOf(table: FeatureTableName, id: string): Feature | null {
    return (this.tables.get(table)?.source.getFeatureById(id) as Feature | null) ?? null;
  }

  /** A Hit for a loaded feature (selecting from the table or a record). */
  hitOf(table: FeatureTableName, id: string): Hit | null {
    const f = this.featureOf(table, id);
    if (!f) return null;
    const props = { ...f.getProperties() };
    delete props.geometry;
    const meta = (props.__meta as Row['meta']) ?? null;
    delete props.__meta;
    return { table, id, props, meta, geometryType: f.getGeometry()?.getType() ?? '' };
  }

  fitTo(extent: OlExtent, maxZoomResolution = 0.5) {
    if (extentIsEmpty(extent) && extent[0] !== extent[2]) return;
    const w = Math.max(extent[2]! - extent[0]!, 50);
    const h = Math.max(extent[3]! - extent[1]!, 50);
    const cx = (extent[0]! + extent[2]!) / 2;
    const cy = (extent[1]! + extent[3]!) / 2;
    this.view.fit([cx - w * 0.6, cy - h * 0.6, cx + w * 0.6, cy + h * 0.6], {
      size: this.map.getSize() ?? [800, 600],
      minResolution: maxZoomResolution,
      duration: 200,
    });
  }

  highlightSelected(hit: Hit | null) {
    this.showHighlight(this.select, hit ?? undefined);
  }

  applyLayerStates(states: readonly LayerState[]) {
    // states are listed top first (as in the panel); the bottom one gets zIndex 0.
    const n = states.length;
    states.forEach((s, i) => {
      const t = this.tables.get(s.table);
      if (!t) return;
      t.geom.setZIndex(n - 1 - i);
      t.geom.setVisible(s.visible);
      t.geom.setOpacity(s.opacity);
    });
    this.labels.setHidden(states.filter((s) => !s.visible).map((s) => s.table));
    this.labels.setOpacity(new globalThis.Map(states.map((s) => [s.table, s.opacity])));
  }

  /**
   * An edit made anywhere (project.changed): the rows it names are read again and redrawn where
   * they were and are; an event without rows (an import) reads its tables again whole.
   */
  applyChange(change: ProjectChanged): Promise<void> {
    dropPrefetched();
    this.live ??= this.liveRows();
    return this.live.apply(change);
  }

  private live: LiveRows | null = null;
  private liveRows(): LiveRows {
    return new LiveRows(this.api, {
    table: (name) => {
      const t = this.tables.get(name as FeatureTableName);
      return t ? { name: name as FeatureTableName, source: t.source, ready: t.state === 'ready' } : null;
    },
    labels: { add: (table, fs) => this.labels.add(table, fs), remove: (fs) => this.labels.remove(fs) },
    reload: (tables) => this.refresh(tables),
    updated: (table) => {
      if (this.disposed) return;
      this.reselect(table);
      this.cb.onLayerLoad(table, this.loadedCount(table), 'ready');
    },
    });
  }

  /** Re-read layers from the store (after an edit, an undo, an import). */
  refresh(tables?: readonly string[]) {
    dropPrefetched();
    for (const [table, t] of this.tables) {
      if (!tables || tables.includes(table)) t.source.refresh();
    }
  }

  setSettings(settings: SymbologySettings) {
    // The workspace hands over the settings after every edit; the symbology reads only the fills.
    if (JSON.stringify(settings?.statusFills ?? null) === JSON.stringify(this.settings?.statusFills ?? null)) {
      this.settings = settings;
      return;
    }
    this.settings = settings;
    // Style functions read ctx.settings; rebuild them.
    const metersPerUnit = this.projection.getMetersPerUnit() ?? 1;
    for (const [table, t] of this.tables) t.geom.setStyle(geometryStyleFunction({ table, settings, metersPerUnit }));
    this.labels.setSettings(settings);
  }

  setLabels(labels: MapLabels) {
    // OpenLayers controls take their tooltips at construction: replace them.
    this.map.removeControl(this.zoomControl);
    this.map.removeControl(this.extentControl);
    this.zoomControl = new Zoom({ zoomInTipLabel: labels.zoomIn, zoomOutTipLabel: labels.zoomOut, zoomOutLabel: '−' });
    this.extentControl = new ZoomToExtent({ extent: this.homeExtent, label: '⌂', tipLabel: labels.zoomExtent });
    this.map.addControl(this.zoomControl);
    this.map.addControl(this.extentControl);
  }

  /** Class keys of every loaded feature (the legend shows these). */
  presentClasses(): Set<string> {
    const out = new Set<string>();
    for (const [table, t] of this.tables) {
      if (!t.geom.getVisible()) continue;
      for (const k of this.classesOf(table, t.source)) out.add(k);
    }
    return out;
  }

  /** A table's class keys, counted again only when its source changed (the legend asks often). */
  private classesOf(table: FeatureTableName, source: VectorSource): Set<string> {
    const rev = source.getRevision();
    const hit = this.classCache.get(table);
    if (hit && hit.rev === rev) return hit.keys;
    const keys = new Set<string>();
    // The class field (and an administrative unit's end of validity) is all classKeyOf reads.
    const field = CLASS_FIELD[table].field;
    // Today read once, not by classKeyOf's default per feature (new Date() × 45,000 was 0.2 s of a load).
    const today = todayIso();
    for (const f of source.getFeatures()) keys.add(classKeyOf(table, { [field]: f.get(field), valid_to: f.get('valid_to') } as Props, today));
    this.classCache.set(table, { rev, keys });
    return keys;
  }

  /** Names of the loaded features of a table (an accessible list of what the map shows). */
  names(table: FeatureTableName): string[] {
    const t = this.tables.get(table);
    if (!t) return [];
    return t.source
      .getFeatures()
      .map((f) => f.get('name'))
      .filter((n): n is string => typeof n === 'string' && n.length > 0);
  }

  loadedCount(table: FeatureTableName): number {
    return this.tables.get(table)?.source.getFeatures().length ?? 0;
  }

  zoomBy(delta: number) {
    const z = this.view.getZoom();
    if (z === undefined) return;
    this.view.animate({ zoom: z + delta, duration: 180 });
  }

  zoomHome(animate = true) {
    this.view.fit(this.homeExtent, {
      padding: [24, 24, 24, 24],
      duration: animate ? 250 : 0,
      size: this.map.getSize() ?? [800, 600],
    });
  }

  centre(): number[] | undefined {
    return this.view.getCenter();
  }

  updateSize() {
    this.map.updateSize();
  }

  dispose() {
    this.disposed = true;
    this.offSymbols();
    cancelAnimationFrame(this.pointerFrame);
    this.map.setTarget(undefined);
    this.map.dispose();
  }
}

/** Tables whose extent is "where the work is": a commune map opens on them, not on the province. */
const WORK_TABLES: readonly string[] = ['search_areas', 'graves', 'cemeteries', 'info_points'];

/**
 * Where "Home" goes: the extent of the thematic layers (search areas, graves, cemeteries,
 * information points) when there are any, padded by a tenth; otherwise the project's extent (which
 * also covers the base map, e.g. a whole province boundary).
 */
export function homeExtentOf(info: Pick<ProjectInfo, 'layers' | 'extent'>): OlExtent | null {
  let work: number[] | null = null;
  for (const l of info.layers) {
    if (!WORK_TABLES.includes(l.table) || !l.extent || l.count === 0) continue;
    const e = l.extent;
    work = work
      ? [Math.min(work[0]!, e[0]), Math.min(work[1]!, e[1]), Math.max(work[2]!, e[2]), Math.max(work[3]!, e[3])]
      : [...e];
  }
  if (work) {
    const w = work[2]! - work[0]!;
    const h = work[3]! - work[1]!;
    const pad = Math.max(w, h, 200) * 0.1;
    return [work[0]! - pad, work[1]! - pad, work[2]! + pad, work[3]! + pad];
  }
  const e = info.extent;
  if (e && !extentIsEmpty(e as OlExtent) && e[2] > e[0]) return [...e];
  return null;
}

function sanitizeExtent(e: OlExtent): [number, number, number, number] | null {
  if (e.some((v) => !Number.isFinite(v))) return null;
  const [a, b, c, d] = e as [number, number, number, number];
  if (a > c || b > d) return null;
  return [a, b, c, d];
}
