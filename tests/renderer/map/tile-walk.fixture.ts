// Run inside a worker by tile-walk.test.ts: a tiled layer with one drawn tile, asked to redraw the
// tiles under a feature's extent; answers which tiles were marked stale.
import VectorSource from 'ol/source/Vector';
import { TiledVectorLayer } from '../../../src/renderer/map/TiledVectorLayer';

export function invalidateAt(extent: [number, number, number, number]): string[] {
  const layer = new TiledVectorLayer({ source: new VectorSource(), style: () => undefined });
  const renderer = layer.getRenderer() as unknown as { levels: unknown[]; invalidate(e: number[] | null): void };
  const tiles = new Map(['0,0', '1,0', '3,3'].map((k) => [k, { stale: false }]));
  renderer.levels = [{ resolution: 1, pixelRatio: 1, step: 256, span: 256, tiles, used: 0 }];
  renderer.invalidate(extent);
  return [...tiles].filter(([, t]) => t.stale).map(([k]) => k);
}
