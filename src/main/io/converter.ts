// One proj4 converter per (from, to) pair of catalogue codes, made once per import: the shared
// transform() rebuilds its cache key from both definition strings at every call, which shows in a
// profile of 40,000 points. Same definitions, so the same numbers.
import proj4 from 'proj4';
import { findCrs } from '../../shared/crs';

type Fn = (p: number[]) => number[];
const cache = new Map<string, Fn>();

export function converter(from: string, to: string): Fn {
  const key = `${from}>${to}`;
  let f = cache.get(key);
  if (!f) {
    if (from === to) f = (p) => p;
    else {
      const a = findCrs(from);
      const b = findCrs(to);
      if (!a || !b) throw new Error(`unknown CRS ${a ? to : from}`);
      const c = proj4(a.proj4, b.proj4) as unknown as { forward: (p: number[], enforceAxis?: boolean) => number[] };
      f = (p) => c.forward([p[0]!, p[1]!], true);
    }
    cache.set(key, f);
  }
  return f;
}
