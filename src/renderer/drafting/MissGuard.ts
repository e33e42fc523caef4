// The vertex tool's safety margin. OpenLayers' Modify takes a press within its tolerance of the
// selected feature's vertices and edges; a press a little farther away went on to the map's
// DragPan, and the drag meant for a vertex panned the map instead. This interaction sits just
// after Modify: a press near the selected outline that Modify did not take is held here (the map
// does not move) and the user is told the drag missed. Presses well inside or outside the feature
// still pan: a feature larger than the view must not make the map impossible to move.
import type Feature from 'ol/Feature';
import type MapBrowserEvent from 'ol/MapBrowserEvent';
import PointerInteraction from 'ol/interaction/Pointer';

export class MissGuard extends PointerInteraction {
  private told = false;

  constructor(
    private readonly feature: Feature,
    private readonly reachPx: number,
    private readonly onMiss: () => void,
  ) {
    super();
  }

  /** Whether the pointer is within reachPx of the feature's outline (a point: of the point). */
  near(evt: MapBrowserEvent): boolean {
    const g = this.feature.getGeometry();
    const r = evt.map.getView().getResolution();
    if (!g || !r) return false;
    const c = g.getClosestPoint(evt.coordinate);
    return Math.hypot(c[0]! - evt.coordinate[0]!, c[1]! - evt.coordinate[1]!) / r <= this.reachPx;
  }

  override handleDownEvent(evt: MapBrowserEvent): boolean {
    this.told = false;
    return this.near(evt);
  }

  override handleDragEvent(): void {
    if (this.told) return;
    this.told = true;
    this.onMiss();
  }

  override handleUpEvent(): boolean {
    return false;
  }
}
