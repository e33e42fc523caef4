// Snapping that looks only near the pointer. OpenLayers' Snap indexes every segment of every feature
// of its source when it joins the map, and listens to each feature: with 45,000 graves, picking a
// drafting tool took ~0.5 s (bench/drafting-bench.ts), and again after every edit of a selected
// feature, since the tools are rebuilt then. The source's own spatial index already knows what lies
// near the pointer, so each pointer event indexes just those features; OpenLayers' own segmenters
// and snapping rules (vertex, edge, tolerance) do the rest.
import type Feature from 'ol/Feature';
import type Map from 'ol/Map';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import type { Coordinate } from 'ol/coordinate';
import { boundingExtent, buffer, type Extent } from 'ol/extent';
import type Geometry from 'ol/geom/Geometry';
import Snap, { type Options } from 'ol/interaction/Snap';
import type { Pixel } from 'ol/pixel';
import type { ProjectionLike } from 'ol/proj';
import type VectorSource from 'ol/source/Vector';

/** The parts of OpenLayers' Snap this class fills itself (private there, stable since OpenLayers 6). */
interface SnapInternals {
  rBush_: { clear(): void; load(extents: Extent[], values: { feature: Feature; segment: Coordinate[] }[]): void };
  segmenters_: Record<string, (geometry: Geometry, projection: ProjectionLike) => Coordinate[][]>;
  pixelTolerance_: number;
}

/** At a press, features this much farther than the tolerance are kept as they were too. */
const PRESS_MARGIN_PX = 16;

export class NearbySnap extends Snap {
  private readonly nearSource: VectorSource;
  /** Which of the source's features are snapped to (all when not given). */
  private readonly only: ((f: Feature) => boolean) | null;
  /**
   * Geometries as they were when the pointer went down: a feature being dragged (a vertex moved,
   * the whole feature translated) snaps to its own vertices as they were, as OpenLayers' Snap does.
   */
  private readonly before = new globalThis.Map<Feature, Geometry>();
  private pressing = false;

  constructor(options: Options & { source: VectorSource; only?: (f: Feature) => boolean }) {
    // Given no source, OpenLayers' Snap neither walks it nor listens to it (45,000 addfeature
    // events per read of the graves); this class asks the source itself.
    super({ ...options, source: undefined, features: undefined });
    this.nearSource = options.source;
    this.only = options.only ?? null;
  }

  /** Nothing is indexed ahead: see snapTo. */
  override addFeature(): void {}
  override removeFeature(): void {}

  override handleEvent(evt: MapBrowserEvent): boolean {
    if (evt.type === 'pointerdown') {
      this.before.clear();
      this.pressing = true;
    }
    try {
      return super.handleEvent(evt);
    } finally {
      this.pressing = false;
    }
  }

  override handleUpEvent(evt: MapBrowserEvent): boolean {
    this.before.clear();
    return super.handleUpEvent(evt);
  }

  override snapTo(pixel: Pixel, pixelCoordinate: Coordinate, map: Map) {
    this.indexNear(pixelCoordinate, map);
    return super.snapTo(pixel, pixelCoordinate, map);
  }

  private indexNear(at: Coordinate, map: Map): void {
    const self = this as unknown as SnapInternals;
    self.rBush_.clear();
    const view = map.getView();
    const r = view.getResolution();
    if (r === undefined) return;
    const projection = view.getProjection();
    const keepOld = this.pressing || this.handlingDownUpSequence;
    if (this.pressing) {
      // Whatever the other tools may change from this press on is kept as it is now.
      for (const f of this.nearSource.getFeaturesInExtent(buffer(boundingExtent([at]), r * (self.pixelTolerance_ + PRESS_MARGIN_PX)))) {
        const g = f.getGeometry();
        if (g && !this.before.has(f)) this.before.set(f, g.clone());
      }
    }
    const extents: Extent[] = [];
    const values: { feature: Feature; segment: Coordinate[] }[] = [];
    for (const f of this.nearSource.getFeaturesInExtent(buffer(boundingExtent([at]), r * self.pixelTolerance_))) {
      if (this.only && !this.only(f)) continue;
      let g = f.getGeometry();
      if (!g) continue;
      if (keepOld) {
        const was = this.before.get(f);
        if (was) g = was;
        else this.before.set(f, (g = g.clone()));
      }
      const segmenter = self.segmenters_[g.getType()];
      if (!segmenter) continue;
      for (const segment of segmenter.call(self.segmenters_, g, projection)) {
        extents.push(boundingExtent(segment));
        values.push({ feature: f, segment });
      }
    }
    if (extents.length) self.rBush_.load(extents, values);
  }
}
