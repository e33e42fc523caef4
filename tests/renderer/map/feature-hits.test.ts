// Hit testing by geometry (featureHits.ts), which replaced OpenLayers' pixel read-back for hover
// and clicks: areas with a fill anywhere inside, outlines and lines within the tolerance plus half
// their stroke, the topmost first.
import { describe, expect, it } from 'vitest';
import Feature from 'ol/Feature';
import LineString from 'ol/geom/LineString';
import Polygon from 'ol/geom/Polygon';
import VectorSource from 'ol/source/Vector';
import { Fill, Stroke, Style } from 'ol/style';
import { featuresAt } from '../../../src/renderer/map/featureHits';
import { square as storeSquare } from '../../main/store/helpers';

const square = (x: number, y: number, s: number) => new Polygon(storeSquare(x, y, s).coordinates as number[][][]);

describe('featuresAt', () => {
  const filled = new Feature({ geometry: square(0, 0, 100), name: 'filled' });
  const outline = new Feature({ geometry: square(200, 0, 100), name: 'outline' });
  const road = new Feature({ geometry: new LineString([[0, 200], [300, 200]]), name: 'road' });
  const over = new Feature({ geometry: square(50, 50, 20), name: 'over' });
  const source = new VectorSource({ features: [filled, outline, road, over] });
  const styles: Record<string, Style> = {
    filled: new Style({ fill: new Fill({ color: 'rgba(0,0,0,0)' }), stroke: new Stroke({ color: '#000', width: 1 }) }),
    outline: new Style({ stroke: new Stroke({ color: '#000', width: 4 }) }),
    road: new Style({ stroke: new Stroke({ color: '#000', width: 6 }) }),
    over: new Style({ fill: new Fill({ color: '#f00' }), zIndex: 1 }),
  };
  const style = (f: unknown) => styles[(f as Feature).get('name') as string]!;
  // 1 map unit per pixel; 4 px tolerance; drawings reach 3 px beyond their geometry.
  const at = (x: number, y: number) => featuresAt(source, style, [x, y], 1, 4, 3).map((h) => h.f.get('name'));

  it('finds an area with a fill anywhere inside, even a transparent fill', () => {
    expect(at(10, 10)).toEqual(['filled']);
  });
  it('finds an outline-only area near its outline, not in its middle', () => {
    expect(at(250, 50)).toEqual([]);
    expect(at(200 + 5, 50)).toEqual(['outline']); // 4 px tolerance + 2 px half stroke
    expect(at(200 + 7, 50)).toEqual([]);
  });
  it('finds a line within the tolerance and half its stroke', () => {
    expect(at(150, 206)).toEqual(['road']);
    expect(at(150, 208)).toEqual([]);
  });
  it('lists the topmost first: a higher zIndex, then the later feature', () => {
    expect(at(60, 60)).toEqual(['over', 'filled']);
  });
});
