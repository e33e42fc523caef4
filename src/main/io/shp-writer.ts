// Shapefile writer (.shp, .shx, .dbf): one geometry type per file, outer rings clockwise and holes
// counter-clockwise as the format wants, text in UTF-8 (announced by the .cpg the caller adds).
import type { Geometry, PropValue } from '../../shared/model';

export type ShpKind = 'point' | 'line' | 'polygon';
const SHAPE_TYPE: Record<ShpKind, number> = { point: 1, line: 3, polygon: 5 };

export interface DbfColumn {
  /** ≤ 10 ASCII characters. */
  name: string;
  type: 'C' | 'N' | 'L' | 'D';
  length: number;
  decimals: number;
}

export interface ShpRecord {
  geometry: Geometry;
  values: PropValue[];
}

function signedArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s / 2; // > 0: clockwise
}
const oriented = (ring: number[][], clockwise: boolean) => ((signedArea(ring) > 0) === clockwise ? ring : [...ring].reverse());

/** Parts (lines or rings) of a geometry in the order the record writes them. */
function partsOf(g: Geometry): number[][][] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates]];
    case 'LineString':
      return [g.coordinates];
    case 'MultiLineString':
      return g.coordinates;
    case 'Polygon':
      return g.coordinates.map((r, i) => oriented(r, i === 0));
    case 'MultiPolygon':
      return g.coordinates.flatMap((p) => p.map((r, i) => oriented(r, i === 0)));
  }
}

export function kindOf(g: Geometry): ShpKind {
  return g.type === 'Point' ? 'point' : g.type === 'LineString' || g.type === 'MultiLineString' ? 'line' : 'polygon';
}

/** Field names cut to 10 characters and made unique (DBF's limit). */
export function dbfNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = n.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[^A-Za-z0-9_]/g, '_').slice(0, 10) || 'FIELD';
    let name = base;
    for (let i = 1; used.has(name.toUpperCase()); i++) name = `${base.slice(0, 10 - String(i).length)}${i}`;
    used.add(name.toUpperCase());
    return name;
  });
}

const enc = new TextEncoder();

/** UTF-8 bytes cut to at most n bytes without splitting a character. */
function utf8Cut(s: string, n: number): Uint8Array {
  const b = enc.encode(s);
  if (b.length <= n) return b;
  let end = n;
  while (end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  return b.subarray(0, end);
}

export function writeDbf(columns: DbfColumn[], rows: PropValue[][]): Uint8Array {
  const headerLength = 32 + columns.length * 32 + 1;
  const recordLength = 1 + columns.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const dv = new DataView(out.buffer);
  const now = new Date();
  out[0] = 0x03;
  out[1] = now.getUTCFullYear() - 1900;
  out[2] = now.getUTCMonth() + 1;
  out[3] = now.getUTCDate();
  dv.setUint32(4, rows.length, true);
  dv.setUint16(8, headerLength, true);
  dv.setUint16(10, recordLength, true);
  columns.forEach((c, i) => {
    const p = 32 + i * 32;
    out.set(enc.encode(c.name).subarray(0, 10), p);
    out[p + 11] = c.type.charCodeAt(0);
    out[p + 16] = c.length;
    out[p + 17] = c.decimals;
  });
  out[headerLength - 1] = 0x0d;
  let p = headerLength;
  for (const r of rows) {
    out.fill(0x20, p, p + recordLength);
    let o = p + 1;
    columns.forEach((c, i) => {
      const v = r[i];
      let text: Uint8Array | null = null;
      if (v !== null && v !== undefined) {
        if (c.type === 'C') text = utf8Cut(String(v), c.length);
        else if (c.type === 'L') text = enc.encode(v ? 'T' : 'F');
        else if (c.type === 'D') text = enc.encode(String(v).replace(/-/g, '').slice(0, 8));
        else {
          const s = typeof v === 'number' ? (c.decimals ? v.toFixed(c.decimals) : String(Math.round(v))) : String(v);
          const b = enc.encode(s.slice(0, c.length));
          text = new Uint8Array(c.length).fill(0x20);
          text.set(b, c.length - b.length); // numbers are right-aligned
        }
      }
      if (text) out.set(text, o);
      o += c.length;
    });
    p += recordLength;
  }
  out[p] = 0x1a;
  return out;
}

export function writeShp(kind: ShpKind, records: Geometry[]): { shp: Uint8Array; shx: Uint8Array } {
  const bodies = records.map((g) => {
    if (kind === 'point') {
      const b = new DataView(new ArrayBuffer(20));
      b.setInt32(0, 1, true);
      b.setFloat64(4, g.coordinates[0] as number, true);
      b.setFloat64(12, g.coordinates[1] as number, true);
      return new Uint8Array(b.buffer);
    }
    const parts = partsOf(g);
    const n = parts.reduce((s, x) => s + x.length, 0);
    const b = new DataView(new ArrayBuffer(44 + 4 * parts.length + 16 * n));
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const part of parts)
      for (const q of part) {
        x0 = Math.min(x0, q[0]!);
        y0 = Math.min(y0, q[1]!);
        x1 = Math.max(x1, q[0]!);
        y1 = Math.max(y1, q[1]!);
      }
    b.setInt32(0, SHAPE_TYPE[kind], true);
    [x0, y0, x1, y1].forEach((v, i) => b.setFloat64(4 + 8 * i, v, true));
    b.setInt32(36, parts.length, true);
    b.setInt32(40, n, true);
    let idx = 0;
    parts.forEach((part, i) => {
      b.setInt32(44 + 4 * i, idx, true);
      idx += part.length;
    });
    let o = 44 + 4 * parts.length;
    for (const part of parts)
      for (const q of part) {
        b.setFloat64(o, q[0]!, true);
        b.setFloat64(o + 8, q[1]!, true);
        o += 16;
      }
    return new Uint8Array(b.buffer);
  });
  const shpLen = 100 + bodies.reduce((s, b) => s + 8 + b.length, 0);
  const shp = new Uint8Array(shpLen);
  const shx = new Uint8Array(100 + 8 * bodies.length);
  const env = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of records)
    for (const part of partsOf(g))
      for (const q of part) {
        env[0] = Math.min(env[0]!, q[0]!);
        env[1] = Math.min(env[1]!, q[1]!);
        env[2] = Math.max(env[2]!, q[0]!);
        env[3] = Math.max(env[3]!, q[1]!);
      }
  for (const [buf, len] of [
    [shp, shpLen],
    [shx, shx.length],
  ] as const) {
    const h = new DataView(buf.buffer);
    h.setInt32(0, 9994, false);
    h.setInt32(24, len / 2, false);
    h.setInt32(28, 1000, true);
    h.setInt32(32, SHAPE_TYPE[kind], true);
    if (records.length) env.forEach((v, i) => h.setFloat64(36 + 8 * i, v, true));
  }
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  let o = 100;
  bodies.forEach((b, i) => {
    xv.setInt32(100 + 8 * i, o / 2, false);
    xv.setInt32(104 + 8 * i, b.length / 2, false);
    sv.setInt32(o, i + 1, false);
    sv.setInt32(o + 4, b.length / 2, false);
    shp.set(b, o + 8);
    o += 8 + b.length;
  });
  return { shp, shx };
}
