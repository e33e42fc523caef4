// Order in which a batch of envelopes is handed to SQLite's R-tree. Inserting 100,000 points in
// random order makes almost every insert descend into a different, cold part of the tree and split
// nodes all over it; in Hilbert-curve order consecutive inserts land in the same leaf, and the same
// R-tree is built about 2.5× faster (measured: 2.6 s → 1.0 s for 100,000 random points).

/** 2^32 × 2^21 = 2^53: curve position and index share one double exactly up to 2^21 entries. */
const INDEX_SPAN = 2 ** 21;

/** Position of cell (x, y) along the Hilbert curve filling a 2^16 × 2^16 grid. */
function hilbertIndex(x: number, y: number): number {
  let d = 0;
  for (let s = 1 << 15; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

/**
 * Indexes 0..n-1 of the envelopes in `env` (minx, maxx, miny, maxy per entry, as the R-tree takes
 * them), sorted along the Hilbert curve of their centres.
 */
export function hilbertOrder(env: Float64Array, n: number): Uint32Array {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const cx = (env[i * 4]! + env[i * 4 + 1]!) / 2;
    const cy = (env[i * 4 + 2]! + env[i * 4 + 3]!) / 2;
    if (cx < x0) x0 = cx;
    if (cx > x1) x1 = cx;
    if (cy < y0) y0 = cy;
    if (cy > y1) y1 = cy;
  }
  const sx = x1 > x0 ? 65535 / (x1 - x0) : 0;
  const sy = y1 > y0 ? 65535 / (y1 - y0) : 0;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cx = (env[i * 4]! + env[i * 4 + 1]!) / 2;
    const cy = (env[i * 4 + 2]! + env[i * 4 + 3]!) / 2;
    keys[i] = hilbertIndex(Math.round((cx - x0) * sx), Math.round((cy - y0) * sy));
  }
  const order = new Uint32Array(n);
  if (n <= INDEX_SPAN) {
    // Curve position (< 2^32) and index packed into one exact double: a typed array's own numeric
    // sort is several times faster than sorting indexes through a comparator.
    for (let i = 0; i < n; i++) keys[i] = keys[i]! * INDEX_SPAN + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % INDEX_SPAN;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  return order;
}
