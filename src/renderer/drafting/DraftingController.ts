// The drafting tools on the one map: OpenLayers Draw / Modify / Translate / Snap interactions
// (draftInteractions.ts), the commune focus mask and the sketch layer. It never writes: every
// finished gesture is handed to the workspace (onSketch, onGeometryEdited), which turns it into
// ONE edits.apply (one undo step).
import Feature from 'ol/Feature';
import { MultiPolygon, Polygon } from 'ol/geom';
import { fromExtent } from 'ol/geom/Polygon';
import type Draw from 'ol/interaction/Draw';
import type Interaction from 'ol/interaction/Interaction';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style } from 'ol/style';
import type { Geometry } from '../../shared/model/geometry';
import type { FeatureTableName } from '../../shared/symbology';
import type { MapController } from '../map/MapController';
import { cutDraw, measureDraw, newFeatureDraw, SKETCH_STYLE, snapInteractions, traceSourceOf, vertexTools } from './draftInteractions';
import { DRAW_TOOLS, type DraftingCallbacks, type Tool } from './draftTools';
import { fromGeometry } from './olGeometry';
import { TracingDraw } from './Tracing';

export { DRAW_TOOLS, type DraftingCallbacks, type Tool } from './draftTools';
export { addHole, fromGeometry, toGeometry } from './olGeometry';

/** The tables whose reload replaces the selected feature (the vertex tools must hold the new one). */
const EDITED_TABLES = ['search_areas', 'graves', 'cemeteries', 'cemetery_plots', 'info_points', 'base_lines', 'base_points', 'base_areas', 'admin_units'] as const;

export class DraftingController {
  private tool: Tool = 'select';
  private interactions: Interaction[] = [];
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
    for (const table of EDITED_TABLES) {
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

  /** The current tool's interactions, made again; snapping last, as it serves those before it. */
  private rebuild() {
    const map = this.mc.map;
    for (const i of this.interactions) map.removeInteraction(i);
    this.draw = null;
    this.mc.selectOnClick = this.tool === 'select' || this.tool === 'move' || this.tool === 'merge';
    this.mc.hoverOnMove = this.mc.selectOnClick;
    const tools = this.toolInteractions();
    const snaps = this.snapOn && this.tool !== 'measure' && this.tool !== 'measureArea' && tools.length > 0;
    this.interactions = snaps ? [...tools, ...snapInteractions(this.mc, this.snapTolerance, this.sketchLayer.getSource()!)] : tools;
    for (const i of this.interactions) map.addInteraction(i);
  }

  private toolInteractions(): Interaction[] {
    const sketch = this.sketchLayer.getSource()!;
    const clear = () => this.clearSketch();
    const spec = DRAW_TOOLS[this.tool];
    if (spec) this.draw = newFeatureDraw(spec, sketch, this.traceOn, () => traceSourceOf(this.mc), this.cb, clear);
    else if (this.tool === 'hole' || this.tool === 'split') this.draw = cutDraw(this.tool, this.cb);
    else if (this.tool === 'measure' || this.tool === 'measureArea') this.draw = measureDraw(this.tool, sketch, this.cb, clear);
    else return this.vertexInteractions();
    return [this.draw];
  }

  /** The vertex or move tool on the selected feature, when it may be edited. */
  private vertexInteractions(): Interaction[] {
    if ((this.tool !== 'select' && this.tool !== 'move') || !this.selected || !this.canEdit()) return [];
    const f = this.mc.featureOf(this.selected.table, this.selected.id);
    return f ? vertexTools(this.tool, f, { ...this.selected }, this.cb) : [];
  }

  dispose() {
    for (const i of this.interactions) this.mc.map.removeInteraction(i);
    this.mc.map.removeLayer(this.sketchLayer);
    this.mc.map.removeLayer(this.maskLayer);
  }
}
