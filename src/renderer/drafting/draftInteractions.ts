// The OpenLayers interactions of each drafting tool, made afresh by DraftingController whenever the
// tool, the selection or the snapping changes. They never write: every finished gesture goes to the
// callbacks, which the workspace turns into ONE edits.apply.
import Collection from 'ol/Collection';
import Feature from 'ol/Feature';
import type { MapBrowserEvent } from 'ol';
import { altKeyOnly, singleClick } from 'ol/events/condition';
import type { Geometry as OlGeometry } from 'ol/geom';
import { LineString, Polygon } from 'ol/geom';
import Draw from 'ol/interaction/Draw';
import type Interaction from 'ol/interaction/Interaction';
import Modify from 'ol/interaction/Modify';
import Snap from 'ol/interaction/Snap';
import Translate from 'ol/interaction/Translate';
import type VectorSource from 'ol/source/Vector';
import { Circle as CircleStyle, Fill, Stroke, Style } from 'ol/style';
import type { FeatureTableName } from '../../shared/symbology';
import type { MapController } from '../map/MapController';
import type { DraftingCallbacks, DrawSpec } from './draftTools';
import { MissGuard } from './MissGuard';
import { NearbySnap } from './NearbySnap';
import { toGeometry } from './olGeometry';
import { communesFirst, TraceSource, TracingDraw } from './Tracing';

export const SKETCH_STYLE = [
  new Style({
    fill: new Fill({ color: 'rgba(31, 95, 168, 0.18)' }),
    stroke: new Stroke({ color: '#1f5fa8', width: 2, lineDash: [6, 4] }),
    image: new CircleStyle({ radius: 6, fill: new Fill({ color: '#1f5fa8' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  }),
];

/** The tables whose outlines a new area or line may follow (Draw's trace). */
const TRACE_TABLES = ['admin_units', 'search_areas', 'base_areas', 'cemeteries', 'base_lines'] as const;

/** How near the selected outline (in Modify tolerances) a press that misses it still keeps the map still. */
const MISS_REACH = 3;
const MODIFY_TOLERANCE_PX = 8;

/** Every outline a trace may follow, commune boundaries first. */
export function traceSourceOf(mc: MapController): TraceSource {
  const sources = TRACE_TABLES.map((t) => mc.sourceOf(t)).filter((s): s is VectorSource => !!s);
  return new TraceSource(sources, communesFirst);
}

/** A drawing tool's Draw: a point plainly, an area or a line able to trace along edges. */
export function newFeatureDraw(spec: DrawSpec, sketch: VectorSource, trace: boolean, traceSource: () => TraceSource, cb: DraftingCallbacks, clearSketch: () => void): Draw {
  const d =
    spec.type === 'Point'
      ? new Draw({ type: spec.type, source: sketch, style: SKETCH_STYLE, stopClick: true })
      : new TracingDraw({ type: spec.type, source: sketch, style: SKETCH_STYLE, stopClick: true, trace, traceSource: traceSource() });
  d.on('drawstart', () => clearSketch());
  d.on('drawend', (e) => cb.onSketch(spec.table, toGeometry(e.feature.getGeometry()!)));
  return d;
}

/** The hole and split tools: a ring or a line drawn over the selected area (nothing kept on the map). */
export function cutDraw(tool: 'hole' | 'split', cb: DraftingCallbacks): Draw {
  const d = new Draw({ type: tool === 'hole' ? 'Polygon' : 'LineString', style: SKETCH_STYLE, stopClick: true });
  d.on('drawend', (e) => {
    const g = e.feature.getGeometry()!;
    if (g instanceof Polygon) cb.onHole(g.getLinearRing(0)!.getCoordinates());
    else if (g instanceof LineString) cb.onSplitLine(g.getCoordinates());
  });
  return d;
}

/** The measure tools: a length, or an area and its perimeter, told on every move of the sketch. */
export function measureDraw(tool: 'measure' | 'measureArea', sketch: VectorSource, cb: DraftingCallbacks, clearSketch: () => void): Draw {
  const d = new Draw({ type: tool === 'measure' ? 'LineString' : 'Polygon', source: sketch, style: SKETCH_STYLE });
  const report = (g: OlGeometry) => {
    if (g instanceof LineString) cb.onMeasure({ lengthM: g.getLength(), areaM2: null });
    else if (g instanceof Polygon) {
      const ring = new LineString(g.getLinearRing(0)!.getCoordinates());
      cb.onMeasure({ lengthM: ring.getLength(), areaM2: g.getArea() });
    }
  };
  d.on('drawstart', (e) => {
    clearSketch();
    e.feature.getGeometry()!.on('change', (ev) => report(ev.target as OlGeometry));
  });
  d.on('drawend', (e) => report(e.feature.getGeometry()!));
  return d;
}

/** Select: the selected feature's vertices (Modify); move: the whole feature (Translate). */
export function vertexTools(tool: 'select' | 'move', f: Feature, sel: { table: FeatureTableName; id: string }, cb: DraftingCallbacks): Interaction[] {
  const before = f.getGeometry()!.clone();
  const coll = new Collection<Feature>([f]);
  const finish = (label: string) => {
    const g = f.getGeometry()!;
    if (JSON.stringify(toGeometry(g)) === JSON.stringify(toGeometry(before))) return;
    cb.onGeometryEdited(sel.table, sel.id, toGeometry(g), label);
  };
  if (tool === 'move') {
    const t = new Translate({ features: coll });
    t.on('translateend', () => finish('Di chuyển'));
    return [t];
  }
  // Before Modify, so it sees only the presses Modify did not take (interactions added later
  // see an event first): a drag that misses a vertex by a little must not pan the map.
  const guard = new MissGuard(f, MODIFY_TOLERANCE_PX * MISS_REACH, () => cb.onMissedVertex?.());
  const m = new Modify({
    features: coll,
    pixelTolerance: MODIFY_TOLERANCE_PX,
    deleteCondition: (e: MapBrowserEvent) => altKeyOnly(e) && singleClick(e),
  });
  m.on('modifyend', () => finish('Sửa đỉnh'));
  return [guard, m];
}

/**
 * Snapping, added after the tools: OpenLayers snaps the pointer for the interactions added before
 * it. The snap added first moves the pointer last, so it has the last word: commune outlines
 * first, so that a click near both lands on the commune's own edge, where a trace can start (a
 * district's outline, from another survey, runs a little beside it).
 */
export function snapInteractions(mc: MapController, tolerancePx: number, sketch: VectorSource): Interaction[] {
  const admin = (f: Feature) => f.get('level') === 'commune';
  const targets = [
    { table: 'admin_units', only: admin },
    { table: 'admin_units', only: (f: Feature) => !admin(f) },
    ...(['search_areas', 'base_lines', 'base_areas', 'cemeteries', 'cemetery_plots', 'graves', 'info_points'] as const).map((table) => ({ table, only: undefined })),
  ] as const;
  const out: Interaction[] = [];
  for (const { table, only } of targets) {
    const source = mc.sourceOf(table);
    if (source) out.push(new NearbySnap({ source, pixelTolerance: tolerancePx, vertex: true, edge: true, ...(only ? { only } : {}) }));
  }
  out.push(new Snap({ source: sketch, pixelTolerance: tolerancePx }));
  return out;
}
