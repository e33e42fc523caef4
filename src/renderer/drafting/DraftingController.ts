// The drafting tools on the one map: OpenLayers Draw / Modify / Translate / Snap interactions, the
// commune focus mask and the measure overlay. It never writes: every finished gesture is handed to
// the workspace (onSketch, onGeometryEdited), which turns it into ONE edits.apply (one undo step).
import Collection from 'ol/Collection';
import Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import type { Geometry as OlGeometry } from 'ol/geom';
import { LineString, MultiPolygon, Polygon } from 'ol/geom';
import { fromExtent } from 'ol/geom/Polygon';
import Draw from 'ol/interaction/Draw';
import Modify from 'ol/interaction/Modify';
import Snap from 'ol/interaction/Snap';
import { NearbySnap } from './NearbySnap';
import { MissGuard } from './MissGuard';
import { communesFirst, TraceSource, TracingDraw } from './Tracing';
import Translate from 'ol/interaction/Translate';
import type Interaction from 'ol/interaction/Interaction';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style, Circle as CircleStyle } from 'ol/style';
import { altKeyOnly, singleClick } from 'ol/events/condition';
import type { MapBrowserEvent } from 'ol';
import type { Geometry } from '../../shared/model/geometry';
import type { FeatureTableName } from '../../shared/symbology';
import type { MapController } from '../map/MapController';

export type Tool =
  | 'select'
  | 'move'
  | 'polygon'
  | 'hole'
  | 'grave'
  | 'cemetery'
  | 'cemeteryArea'
  | 'plot'
  | 'village'
  | 'villageArea'
  | 'info'
  | 'line'
  | 'measure'
  | 'measureArea'
  | 'split'
  | 'merge';

/** What each drawing tool creates. */
export const DRAW_TOOLS: Partial<Record<Tool, { table: FeatureTableName; type: 'Point' | 'Polygon' | 'LineString' }>> = {
  polygon: { table: 'search_areas', type: 'Polygon' },
  grave: { table: 'graves', type: 'Point' },
  cemetery: { table: 'cemeteries', type: 'Point' },
  cemeteryArea: { table: 'cemeteries', type: 'Polygon' },
  plot: { table: 'cemetery_plots', type: 'Polygon' },
  village: { table: 'villages', type: 'Point' },
  villageArea: { table: 'villages', type: 'Polygon' },
  info: { table: 'info_points', type: 'Point' },
  line: { table: 'base_lines', type: 'LineString' },
};

export interface DraftingCallbacks {
  /** A new geometry was drawn for a table (the workspace opens its form). */
  onSketch(table: FeatureTableName, geometry: Geometry): void;
  /** The selected feature's geometry was changed by a gesture (vertices, move, hole). */
  onGeometryEdited(table: FeatureTableName, id: string, geometry: Geometry, label: string): void;
  /** A hole was drawn: the workspace adds it to the selected polygon. */
  onHole(ring: number[][]): void;
  /** A split line was drawn across the selected polygon. */
  onSplitLine(line: number[][]): void;
  onMeasure(text: { lengthM: number; areaM2: number | null } | null): void;
  /** A drag on the selected feature's outline missed its vertices and edges (the map stayed put). */
  onMissedVertex?(): void;
}

/** The tables whose outlines a new area or line may follow (Draw's trace). */
const TRACE_TABLES = ['admin_units', 'search_areas', 'base_areas', 'cemeteries', 'base_lines'] as const;

/** How near the selected outline (in Modify tolerances) a press that misses it still keeps the map still. */
const MISS_REACH = 3;
const MODIFY_TOLERANCE_PX = 8;

const fmt = new GeoJSON();

export function toGeometry(g: OlGeometry): Geometry {
  return fmt.writeGeometryObject(g) as unknown as Geometry;
}

export function fromGeometry(g: Geometry): OlGeometry {
  return fmt.readGeometry(g)!;
}

const SKETCH_STYLE = [
  new Style({
    fill: new Fill({ color: 'rgba(31, 95, 168, 0.18)' }),
    stroke: new Stroke({ color: '#1f5fa8', width: 2, lineDash: [6, 4] }),
    image: new CircleStyle({ radius: 6, fill: new Fill({ color: '#1f5fa8' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  }),
];

export class DraftingController {
  private tool: Tool = 'select';
  private interactions: Interaction[] = [];
  private snaps: Snap[] = [];
  private snapOn = true;
  private traceOn = true;
  private snapTolerance = 10;
  private readonly sketchLayer: VectorLayer;
  private readonly maskLayer: VectorLayer;
  private selected: { table: FeatureTableName; id: string } | null = null;
  /** Whether the selected feature may be edited, asked when the tools are made (see setSelected). */
  private canEdit: () => boolean = () => false;
  private draw: Draw | null = null;

  constructor(
    private readonly mc: MapController,
    private readonly cb: DraftingCallbacks,
  ) {
    this.sketchLayer = new VectorLayer({ source: new VectorSource(), style: SKETCH_STYLE, zIndex: 2500, properties: { role: 'overlay' } });
    this.maskLayer = new VectorLayer({
      source: new VectorSource(),
      style: new Style({ fill: new Fill({ color: 'rgba(40, 48, 60, 0.38)' }), stroke: new Stroke({ color: '#c0392b', width: 2.5 }) }),
      zIndex: 1999,
      properties: { role: 'overlay' },
    });
    mc.map.addLayer(this.maskLayer);
    mc.map.addLayer(this.sketchLayer);
    // A reload after an edit replaces the features: the vertex tools must hold the new one.
    for (const table of ['search_areas', 'graves', 'cemeteries', 'cemetery_plots', 'info_points', 'base_lines', 'base_points', 'base_areas', 'admin_units'] as const) {
      mc.sourceOf(table)?.on('featuresloadend', () => {
        if (this.selected?.table === table && (this.tool === 'select' || this.tool === 'move')) this.rebuild();
      });
    }
  }

  get currentTool(): Tool {
    return this.tool;
  }

  /** The commune focus: everything outside the commune's outline is dimmed. */
  setFocus(outline: Geometry | null) {
    const src = this.maskLayer.getSource()!;
    src.clear();
    if (!outline) return;
    const g = fromGeometry(outline);
    const ext = this.mc.view.getProjection().getExtent() ?? [-1e7, -1e7, 1e7, 1e7];
    const mask = fromExtent([ext[0]! - 1e6, ext[1]! - 1e6, ext[2]! + 1e6, ext[3]! + 1e6]);
    const polys = g instanceof MultiPolygon ? g.getPolygons() : g instanceof Polygon ? [g] : [];
    for (const p of polys) mask.appendLinearRing(p.getLinearRing(0)!);
    src.addFeature(new Feature(mask));
  }

  /**
   * The feature the vertex and move tools work on, and whether it may be edited (not locked by the
   * commune focus). Asked each time the tools are made, not once: right after an edit the table is
   * being read again and the feature is not there to ask about.
   */
  setSelected(sel: { table: FeatureTableName; id: string } | null, canEdit: () => boolean) {
    const same = sel?.table === this.selected?.table && sel?.id === this.selected?.id && canEdit === this.canEdit;
    this.selected = sel;
    this.canEdit = canEdit;
    if (!same && (this.tool === 'select' || this.tool === 'move')) this.rebuild();
  }

  setSnap(on: boolean, tolerancePx: number) {
    this.snapOn = on;
    this.snapTolerance = tolerancePx;
    this.rebuild();
  }

  /** Following edges while drawing an area or a line (needs snapping: a trace starts on an edge). */
  setTrace(on: boolean) {
    if (on === this.traceOn) return;
    this.traceOn = on;
    // Only the area and line tools trace (measure's Draw would trace its own sketch).
    if (this.draw instanceof TracingDraw) this.draw.setTrace(on);
  }

  setTool(tool: Tool) {
    this.tool = tool;
    this.rebuild();
  }

  /** Esc: drop the sketch being drawn (true if there was one). */
  abort(): boolean {
    const had = this.sketchLayer.getSource()!.getFeatures().length > 0;
    this.draw?.abortDrawing();
    this.clearSketch();
    this.cb.onMeasure(null);
    return had;
  }

  /** Backspace while drawing: remove the last vertex. */
  removeLastPoint() {
    this.draw?.removeLastPoint();
  }

  clearSketch() {
    this.sketchLayer.getSource()!.clear();
  }

  /** Show a geometry as the pending sketch (e.g. a point placed by coordinates). */
  showSketch(g: Geometry) {
    this.clearSketch();
    this.sketchLayer.getSource()!.addFeature(new Feature(fromGeometry(g)));
  }

  private rebuild() {
    const map = this.mc.map;
    for (const i of this.interactions) map.removeInteraction(i);
    this.interactions = [];
    this.snaps = [];
    this.draw = null;
    this.mc.selectOnClick = this.tool === 'select' || this.tool === 'move' || this.tool === 'merge';
    this.mc.hoverOnMove = this.mc.selectOnClick;
    const add = (i: Interaction) => {
      map.addInteraction(i);
      this.interactions.push(i);
    };

    const spec = DRAW_TOOLS[this.tool];
    if (spec) {
      const d =
        spec.type === 'Point'
          ? new Draw({ type: spec.type, source: this.sketchLayer.getSource()!, style: SKETCH_STYLE, stopClick: true })
          : new TracingDraw({
              type: spec.type,
              source: this.sketchLayer.getSource()!,
              style: SKETCH_STYLE,
              stopClick: true,
              trace: this.traceOn,
              traceSource: this.traceSource(),
            });
      d.on('drawstart', () => this.clearSketch());
      d.on('drawend', (e) => {
        const g = e.feature.getGeometry()!;
        this.cb.onSketch(spec.table, toGeometry(g));
      });
      this.draw = d;
      add(d);
    } else if (this.tool === 'hole' || this.tool === 'split') {
      const d = new Draw({ type: this.tool === 'hole' ? 'Polygon' : 'LineString', style: SKETCH_STYLE, stopClick: true });
      d.on('drawend', (e) => {
        const g = e.feature.getGeometry()!;
        if (g instanceof Polygon) this.cb.onHole(g.getLinearRing(0)!.getCoordinates());
        else if (g instanceof LineString) this.cb.onSplitLine(g.getCoordinates());
      });
      this.draw = d;
      add(d);
    } else if (this.tool === 'measure' || this.tool === 'measureArea') {
      const d = new Draw({ type: this.tool === 'measure' ? 'LineString' : 'Polygon', source: this.sketchLayer.getSource()!, style: SKETCH_STYLE });
      const report = (g: OlGeometry) => {
        if (g instanceof LineString) this.cb.onMeasure({ lengthM: g.getLength(), areaM2: null });
        else if (g instanceof Polygon) {
          const ring = new LineString(g.getLinearRing(0)!.getCoordinates());
          this.cb.onMeasure({ lengthM: ring.getLength(), areaM2: g.getArea() });
        }
      };
      d.on('drawstart', (e) => {
        this.clearSketch();
        e.feature.getGeometry()!.on('change', (ev) => report(ev.target as OlGeometry));
      });
      d.on('drawend', (e) => report(e.feature.getGeometry()!));
      this.draw = d;
      add(d);
    } else if ((this.tool === 'select' || this.tool === 'move') && this.selected && this.canEdit()) {
      const f = this.mc.featureOf(this.selected.table, this.selected.id);
      if (f) {
        const sel = { ...this.selected };
        const before = f.getGeometry()!.clone();
        const coll = new Collection<Feature>([f]);
        const finish = (label: string) => {
          const g = f.getGeometry()!;
          if (JSON.stringify(toGeometry(g)) === JSON.stringify(toGeometry(before))) return;
          this.cb.onGeometryEdited(sel.table, sel.id, toGeometry(g), label);
        };
        if (this.tool === 'select') {
          // Before Modify, so it sees only the presses Modify did not take (interactions added later
          // see an event first): a drag that misses a vertex by a little must not pan the map.
          add(new MissGuard(f, MODIFY_TOLERANCE_PX * MISS_REACH, () => this.cb.onMissedVertex?.()));
          const m = new Modify({
            features: coll,
            pixelTolerance: MODIFY_TOLERANCE_PX,
            deleteCondition: (e: MapBrowserEvent) => altKeyOnly(e) && singleClick(e),
          });
          m.on('modifyend', () => finish('Sửa đỉnh'));
          add(m);
        } else {
          const t = new Translate({ features: coll });
          t.on('translateend', () => finish('Di chuyển'));
          add(t);
        }
      }
    }

    // Snap last: OpenLayers snaps the pointer for the interactions added before it.
    if (this.snapOn && this.tool !== 'measure' && this.tool !== 'measureArea' && this.interactions.length > 0) {
      // The snap added first moves the pointer last, so it has the last word: commune outlines
      // first, so that a click near both lands on the commune's own edge, where a trace can start
      // (a district's outline, from another survey, runs a little beside it).
      const admin = (f: Feature) => f.get('level') === 'commune';
      const targets = [
        { table: 'admin_units', only: admin },
        { table: 'admin_units', only: (f: Feature) => !admin(f) },
        ...(['search_areas', 'base_lines', 'base_areas', 'cemeteries', 'cemetery_plots', 'graves', 'info_points'] as const).map((table) => ({ table, only: undefined })),
      ] as const;
      for (const { table, only } of targets) {
        const source = this.mc.sourceOf(table);
        if (!source) continue;
        const s = new NearbySnap({ source, pixelTolerance: this.snapTolerance, vertex: true, edge: true, ...(only ? { only } : {}) });
        add(s);
        this.snaps.push(s);
      }
      const sk = new Snap({ source: this.sketchLayer.getSource()!, pixelTolerance: this.snapTolerance });
      add(sk);
    }
  }

  /** Every outline a trace may follow, commune boundaries first. */
  private traceSource(): TraceSource {
    const sources = TRACE_TABLES.map((t) => this.mc.sourceOf(t)).filter((s): s is VectorSource => !!s);
    return new TraceSource(sources, communesFirst);
  }

  dispose() {
    for (const i of this.interactions) this.mc.map.removeInteraction(i);
    this.mc.map.removeLayer(this.sketchLayer);
    this.mc.map.removeLayer(this.maskLayer);
  }
}

/** Adds a ring as a hole to the polygon (of a polygon or multipolygon) that contains it. */
export function addHole(geom: Geometry, ring: number[][]): Geometry | null {
  const g = fromGeometry(geom);
  const inside = (p: Polygon) => ring.every((c) => p.intersectsCoordinate(c));
  if (g instanceof Polygon) {
    if (!inside(g)) return null;
    g.appendLinearRing(new Polygon([ring]).getLinearRing(0)!);
    return toGeometry(g);
  }
  if (g instanceof MultiPolygon) {
    const polys = g.getPolygons();
    const i = polys.findIndex(inside);
    if (i < 0) return null;
    polys[i]!.appendLinearRing(new Polygon([ring]).getLinearRing(0)!);
    return toGeometry(new MultiPolygon(polys));
  }
  return null;
}
