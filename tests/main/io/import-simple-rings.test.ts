// The import's shortcut past GEOS for small single-ring polygons: whatever it calls valid, GEOS must
// call valid too (GEOS is the judge), and it must take the ordinary search areas (or it saves nothing).
import { describe, expect, it } from 'vitest';
import type { Geometry, Position } from '../../../src/shared/model';
import { certainlyValidPolygon, MAX_SIMPLE_VERTICES } from '../../../src/main/io/import-simple-rings';
import { geosChecker } from '../../../src/main/io/validity';
import { seededRandom } from '../../support/seeded-random';

const X = 430_000;
const Y = 1_370_000;

function closed(ring: Position[]): Position[] {
  return [...ring, ring[0]!];
}

function poly(ring: Position[]): Geometry {
  return { type: 'Polygon', coordinates: [closed(ring)] };
}

const rnd = seededRandom(7);

/** Star-shaped (so simple) ring of n corners around (X, Y). */
function star(n: number, r = 50): Position[] {
  const angles = Array.from({ length: n }, () => rnd() * 2 * Math.PI).sort((a, b) => a - b);
  return angles.map((a) => {
    const d = r * (0.3 + 0.7 * rnd());
    return [X + d * Math.cos(a), Y + d * Math.sin(a)];
  });
}

/** Corners in random order: usually self-crossing. */
function scribble(n: number): Position[] {
  return Array.from({ length: n }, () => [X + rnd() * 100, Y + rnd() * 100]);
}

/** Random rings with the cases GEOS cares about: touching vertices, spikes, repeats, near-collinear corners. */
function awkward(n: number): Position[] {
  const r = star(n);
  const k = Math.floor(rnd() * n);
  switch (Math.floor(rnd() * 5)) {
    case 0: // the ring comes back through one of its own corners
      r.splice(Math.floor(n / 2), 0, [...r[k]!]);
      break;
    case 1: // a spike: out and back along the same line
      r.splice(k + 1, 0, [r[k]![0]! + 30, r[k]![1]!], [...r[k]!]);
      break;
    case 2: // a repeated corner
      r.splice(k, 0, [...r[k]!]);
      break;
    case 3: {
      // a corner a hair off the line through its neighbours
      const a = r[k]!;
      const b = r[(k + 1) % n]!;
      r.splice(k + 1, 0, [(a[0]! + b[0]!) / 2 + 1e-9 * (rnd() - 0.5), (a[1]! + b[1]! ) / 2]);
      break;
    }
    default: // two corners swapped: a likely crossing
      [r[k], r[(k + 2) % n]] = [r[(k + 2) % n]!, r[k]!];
  }
  return r;
}

describe('certainlyValidPolygon (the import shortcut past GEOS)', () => {
  it('calls valid only what GEOS calls valid, over thousands of random and awkward rings', async () => {
    const geos = await geosChecker();
    let shortcut = 0;
    let simple = 0;
    for (let i = 0; i < 3000; i++) {
      const n = 3 + Math.floor(rnd() * 20);
      const kind = i % 3;
      const ring = kind === 0 ? star(n) : kind === 1 ? scribble(n) : awkward(n);
      const g = poly(ring);
      if (kind === 0) simple++;
      if (certainlyValidPolygon(g)) {
        shortcut++;
        expect(geos.check(g), JSON.stringify(ring)).toEqual({ valid: true, reason: null });
      }
    }
    // Star-shaped rings are simple: the shortcut must take nearly all of them.
    expect(shortcut).toBeGreaterThan(simple * 0.9);
  });

  it('leaves to GEOS the bow-tie, a ring touching itself, a spike, repeats, holes, several parts and large rings', async () => {
    const geos = await geosChecker();
    const sq: Position[] = [
      [X, Y],
      [X + 10, Y],
      [X + 10, Y + 10],
      [X, Y + 10],
    ];
    const cases: Geometry[] = [
      poly([[X, Y], [X + 10, Y + 10], [X + 10, Y], [X, Y + 10]]), // bow-tie
      poly([[X, Y], [X + 10, Y], [X + 5, Y + 5], [X + 10, Y + 10], [X, Y + 10], [X + 5, Y + 5]]), // touches itself
      poly([...sq.slice(0, 2), [X + 20, Y], [X + 10, Y], ...sq.slice(2)]), // spike
      poly([[X, Y], [X, Y], ...sq.slice(1)]), // repeated corner (valid, but not the shortcut's to decide)
      poly([[X, Y], [X + 5, Y], [X + 10, Y], ...sq.slice(2)]), // collinear corner (valid too)
      { type: 'Polygon', coordinates: [closed(sq), [[X + 2, Y + 2], [X + 2, Y + 4], [X + 4, Y + 4], [X + 2, Y + 2]]] },
      { type: 'MultiPolygon', coordinates: [[closed(sq)], [closed(sq.map(([x, y]) => [x! + 20, y!]))]] },
      poly(star(MAX_SIMPLE_VERTICES + 1)),
      { type: 'LineString', coordinates: sq },
    ];
    for (const g of cases) expect(certainlyValidPolygon(g), JSON.stringify(g)).toBe(false);
    // …and GEOS does refuse the first three.
    for (const g of cases.slice(0, 3)) expect(geos.check(g).valid).toBe(false);
    expect(certainlyValidPolygon(poly(sq))).toBe(true);
    expect(certainlyValidPolygon({ type: 'MultiPolygon', coordinates: [[closed(sq)]] })).toBe(true);
  });
});
