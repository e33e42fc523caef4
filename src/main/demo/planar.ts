// Planar helpers for generating demo geometry in the working CRS (metres). Only used to place
// example features inside real commune outlines; real geometry checks use GEOS elsewhere.
import type { Position } from '../../shared/model';

type Rings = number[][][];

export function pointInRings(p: Position, polygon: Rings): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function pointInMultiPolygon(p: Position, mp: Rings[]): boolean {
  return mp.some((poly) => pointInRings(p, poly));
}

export function bboxOf(mp: Rings[]): [number, number, number, number] {
  let [a, b, c, d] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of mp)
    for (const ring of poly)
      for (const [x, y] of ring) {
        a = Math.min(a, x);
        b = Math.min(b, y);
        c = Math.max(c, x);
        d = Math.max(d, y);
      }
  return [a, b, c, d];
}

/** A random point strictly inside the multipolygon, at least `margin` metres from its bbox edge. */
export function randomPointInside(mp: Rings[], rand: () => number, margin = 0): Position {
  const [a, b, c, d] = bboxOf(mp);
  for (let i = 0; i < 10_000; i++) {
    const p = [a + margin + rand() * (c - a - 2 * margin), b + margin + rand() * (d - b - 2 * margin)];
    if (pointInMultiPolygon(p, mp)) return p;
  }
  throw new Error('could not place a point inside the polygon');
}

/** An irregular closed ring of n vertices around a centre, radius varying ±35 %. */
export function blobRing(centre: Position, radius: number, n: number, rand: () => number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const angle = (i / n) * Math.PI * 2;
    const r = radius * (0.65 + rand() * 0.7);
    ring.push([round(centre[0] + r * Math.cos(angle)), round(centre[1] + r * Math.sin(angle))]);
  }
  ring.push([...ring[0]]);
  return ring;
}

export function round(v: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
