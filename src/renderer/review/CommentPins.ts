// Open review comments drawn as pins over the map: one OpenLayers vector layer the review panel
// adds to the workspace's map and removes when it closes.
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import type { ReviewComment } from '../../shared/review/comment';
import type { MapController } from '../map/MapController';

const style = (n: number, resolved: boolean) =>
  new Style({
    image: new Circle({ radius: 9, fill: new Fill({ color: resolved ? '#7f8c8d' : '#d35400' }), stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
    text: new Text({ text: String(n), fill: new Fill({ color: '#ffffff' }), font: 'bold 11px sans-serif' }),
    zIndex: 1000,
  });

export class CommentPins {
  private readonly source = new VectorSource();
  private readonly layer = new VectorLayer({ source: this.source, zIndex: 10_000, properties: { name: 'review-comments' } });

  constructor(private readonly ctl: MapController) {
    ctl.map.addLayer(this.layer);
  }

  /** Where a comment sits: its own pin, else the middle of the feature it is about (if loaded). */
  positionOf(c: ReviewComment): number[] | null {
    if (c.x !== null && c.y !== null) return [c.x, c.y];
    if (c.table && c.featureId) {
      const f = this.ctl.featureOf(c.table as never, c.featureId);
      const g = f?.getGeometry();
      if (g) {
        const e = g.getExtent();
        return [(e[0] + e[2]) / 2, (e[1] + e[3]) / 2];
      }
    }
    return null;
  }

  show(comments: readonly ReviewComment[]) {
    this.source.clear();
    comments
      .filter((c) => c.parentId === null)
      .forEach((c, i) => {
        const p = this.positionOf(c);
        if (!p) return;
        const f = new Feature({ geometry: new Point(p) });
        f.setId(c.id);
        f.setStyle(style(i + 1, c.resolved));
        this.source.addFeature(f);
      });
  }

  count(): number {
    return this.source.getFeatures().length;
  }

  dispose() {
    this.ctl.map.removeLayer(this.layer);
    this.source.clear();
  }
}
