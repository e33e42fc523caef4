// Drawing along existing edges (the commune boundary, other areas) with OpenLayers' Draw `trace`:
// a click ON an edge (put there by snapping) starts following it, the next click ends the trace.
// Two things are added here: one source that asks several tables' sources (Draw takes one), and
// a trace that lets go when the pointer moves well away from the edge, so a click meant for the
// interior lands where the pointer is and not on the nearest point of the boundary.
import type Feature from 'ol/Feature';
import type Map from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import type { Coordinate } from 'ol/coordinate';
import type { Extent } from 'ol/extent';
import Draw, { type Options as DrawOptions } from 'ol/interaction/Draw';
import { getTraceTargetUpdate, type TraceState } from 'ol/interaction/tracing';
import type Projection from 'ol/proj/Projection';
import VectorSource from 'ol/source/Vector';

/**
 * The features of several sources, as Draw's trace asks for them (getFeaturesInExtent only), the
 * better-ranked first: where two outlines hold the same point, the first is the one followed.
 */
export class TraceSource extends VectorSource {
  constructor(
    private readonly parts: readonly VectorSource[],
    private readonly rank: (f: Feature) => number = () => 0,
  ) {
    super();
  }

  override getFeaturesInExtent(extent: Extent, projection?: Projection): Feature[] {
    const found = this.parts.flatMap((s) => s.getFeaturesInExtent(extent, projection));
    return found.map((f, i) => ({ f, i, r: this.rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
  }
}

/** The parts of OpenLayers' Draw this class reads (private there, stable since OpenLayers 7.2). */
interface DrawInternals {
  traceState_: TraceState;
  snapTolerance_: number;
  updateTrace_(event: MapBrowserEvent): void;
  removeTracedCoordinates_(fromIndex: number, toIndex: number): void;
  atFinish_(pixel: number[], tracing?: boolean): boolean;
}

/** How far (in snap tolerances) the pointer may stray from the traced edge before the trace lets go. */
export const TRACE_REACH = 3;

export class TracingDraw extends Draw {
  constructor(options: DrawOptions) {
    super(options);
    const self = this as unknown as DrawInternals;
    const follow = self.updateTrace_.bind(this);
    self.updateTrace_ = (event: MapBrowserEvent) => {
      if (this.strayed(event.coordinate)) this.letGo();
      else follow(event);
    };
    // While the pointer moves, Draw pulls the sketch's last point onto the previous vertex when it
    // is within the snap tolerance ("finish here"). On a traced boundary with a vertex every few
    // metres that previous vertex is the last one traced: the click that ended the trace then kept
    // that vertex twice and lost its own point. A clicked end (Draw passes `tracing` there) is
    // judged as Draw does; while a trace is on, only the sketch's first point finishes it.
    const atFinish = self.atFinish_.bind(this);
    self.atFinish_ = (pixel: number[], tracing?: boolean) => atFinish(pixel, tracing ?? self.traceState_.active);
  }

  /** Whether a trace is on and the pointer is farther than TRACE_REACH tolerances from its edges. */
  private strayed(at: Coordinate): boolean {
    const self = this as unknown as DrawInternals;
    const state = self.traceState_;
    const map: Map | null = this.getMap();
    const r = map?.getView().getResolution();
    if (!state.active || !state.targets?.length || !map || !r) return false;
    // Squared, in map units (the same call Draw makes right after; it is a loop over the edges).
    const d2 = getTraceTargetUpdate(at, state, map, self.snapTolerance_).closestTargetDistance;
    return Math.sqrt(d2) / r > TRACE_REACH * self.snapTolerance_;
  }

  /**
   * The traced vertices go and the sketch follows the pointer; the trace stays on, so coming back
   * to the edge follows it again, and the next click ends it as usual.
   */
  private letGo() {
    const self = this as unknown as DrawInternals;
    const state = self.traceState_;
    const i = state.targetIndex ?? -1;
    if (i < 0 || !state.targets) return;
    const target = state.targets[i]!;
    self.removeTracedCoordinates_(target.startIndex, target.endIndex);
    target.endIndex = target.startIndex;
    state.targetIndex = -1;
  }
}

/** Features of the commune level first: district and province outlines are other surveys' lines. */
export function communesFirst(f: Feature): number {
  const level = f.get('level') as unknown;
  return level === 'commune' ? 0 : level === undefined || level === null || level === '' ? 1 : 2;
}
