// Payloads for the contract fuzz test (tests/main/rpc/fuzz.test.ts): random JSON shaped from each
// method's zod input schema, seeded, then mutated with what a hostile renderer could send. Plain
// data only: the worker (fuzz-worker.ts) builds them, the parent only sees their descriptions.
import type { z } from 'zod';
import { TABLE_NAMES } from '../../../src/shared/model/tables';

export type Rng = () => number;

/** Real values of the project under test, so that some payloads get past validation. */
export interface Pools {
  uuids: string[];
  communes: string[];
  files: string[];
  /** The project's extent: coordinates drawn inside it land on the communes. */
  extent: [number, number, number, number];
  /** A marker in every traversal string: a file or folder named with it anywhere is an escape. */
  marker: string;
  /** Absolute paths of the "outside" folder beside the projects folder. */
  outsideDir: string;
  /** A grave of the project (id, version) and the communes' names, for the templates below. */
  grave: { id: string; version: number };
  communeNames: string[];
}

/**
 * Well-formed payloads of the methods whose schemas random shapes rarely satisfy (an edit's geometry
 * must suit its table, a sheet its settings…): mutated, they carry hostile values past validation
 * into the handlers, where huge coordinates and odd names do their damage.
 */
export function templates(p: Pools, rng: Rng): Partial<Record<string, () => unknown>> {
  const edits = editVariants(p, rng);
  const [x0, y0, x1, y1] = p.extent;
  const x = () => x0 + rng() * (x1 - x0);
  const y = () => y0 + rng() * (y1 - y0);
  const commune = () => pick(rng, p.communes);
  const settings = () => ({ paper: pick(rng, ['A4', 'A3', 'A0']), area: { kind: 'communes', communes: [pick(rng, p.communeNames)] }, scale: 'fit' });
  return {
    'edits.apply': () => pick(rng, edits)(),
    // Right after the edits in the dictionary: every check then runs over whatever the edits stored.
    'review.run': () => ({}),
    'print.compose': () => ({ settings: settings() }),
    'print.pdf': () => ({ settings: settings(), series: chance(rng, 0.2), fileName: 'in-thu' }),
    'print.layouts.save': () => ({ name: 'Mẫu', settings: settings() }),
    'attachments.upload': () => ({ ownerTable: 'graves', ownerId: p.grave.id, filename: 'anh.jpg', mime: 'image/jpeg', dataBase64: '4bqjbmg=' }),
    'review.comment.add': () =>
      chance(rng, 0.5)
        ? { communeCode: commune(), table: 'graves', featureId: p.grave.id, text: 'Kiểm tra lại' }
        : { communeCode: commune(), x: x(), y: y(), text: 'Thiếu khu vực?' },
    'basemaps.uploadChunk': () => ({ uploadId: randomUuid(rng), name: pick(rng, ['nen.mbtiles', 'anh.tif']), offset: 0, dataBase64: 'SUkqAAgAAAA=', last: true }),
    'review.act': () => ({ communeCode: commune(), act: pick(rng, ['submit', 'return', 'approve', 'unlock']), note: 'ghi chú' }),
    'exchange.import': () => ({ files: ['diem.geojson'], table: 'info_points' }),
    // The commune codes end up in the package's file name.
    'exchange.packageExport': () => ({ communes: [pick(rng, [commune, () => pick(rng, traversalStrings(p)), () => spoil(commune(), rng)])()] }),
    'exchange.export': () => ({ format: pick(rng, ['geojson', 'kml', 'csv', 'shp', 'gpkg', 'gpx']), communes: [commune()], fileName: 'xuat' }),
    // With and without a CRS and a province: a project needs both, and the refusal must be a sentence.
    'project.create': () => ({
      fileName: `fuzz-${Math.floor(rng() * 1e6)}.gpkg`,
      ...(chance(rng, 0.7) ? { crsCode: 'EPSG:9218' } : {}),
      settings: chance(rng, 0.5) ? { title: 'Bản đồ thử' } : { title: 'Bản đồ thử', province: { code: '67', name: 'Đắk Nông' } },
    }),
    'features.query': () => ({ table: 'graves', bbox: [x0, y0, x1, y1] }),
    'features.map': () => ({ table: pick(rng, ['graves', 'search_areas', 'admin_units']), bbox: [x0, y0, x1, y1] }),
    // A Unix socket in a folder that does not exist: the publish fails at once, and no mutation of
    // the address can send anything off this machine.
    'rollup.publish': () => ({ url: 'postgresql://fuzz@/fuzz?host=/nonexistent-quytap-fuzz&sslmode=disable', password: 'x', district: { code: 'F', name: '' } }),
  };
}

/** Well-formed edits of each kind: insert a grave, move one, insert an area and a line, remove a row. */
export function editVariants(p: Pools, rng: Rng): (() => unknown)[] {
  const [x0, y0, x1, y1] = p.extent;
  // Now and then a coordinate zod lets through (finite) that no map of Vietnam holds.
  const huge = () => pick(rng, [1e18, 1e39, -1e308, Number.MAX_VALUE, 1e300, -1e200]);
  const x = () => (chance(rng, 0.08) ? huge() : x0 + rng() * (x1 - x0));
  const y = () => (chance(rng, 0.08) ? huge() : y0 + rng() * (y1 - y0));
  const square = () => {
    const [a, b] = [x(), y()];
    return [[[a, b], [a + 50, b], [a + 50, b + 50], [a, b + 50], [a, b]]];
  };
  return [
    () => ({ label: 'Thêm mộ', put: [{ table: 'graves', id: randomUuid(rng), geometry: { type: 'Point', coordinates: [x(), y()] }, props: { kind: 'newly_found', verification: 'not_verified' } }] }),
    () => ({ label: 'Sửa mộ', put: [{ table: 'graves', id: p.grave.id, baseVersion: p.grave.version, geometry: { type: 'Point', coordinates: [x(), y()] } }] }),
    () => ({ label: 'Khu vực', put: [{ table: 'search_areas', id: randomUuid(rng), geometry: { type: 'MultiPolygon', coordinates: [square()] }, props: { status: pick(rng, ['not_started', 'continuing', 'done']) } }] }),
    () => ({ label: 'Ranh', put: [{ table: 'base_lines', geometry: { type: 'MultiLineString', coordinates: [[[x(), y()], [x(), y()]]] }, props: { kind: 'road' } }] }),
    () => ({ label: 'Xoá', remove: [{ table: pick(rng, ['graves', 'search_areas', 'martyrs']), id: pick(rng, p.uuids) }] }),
  ];
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function deepObject(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

export function hostileNumbers(): number[] {
  return [
    1e18,
    1e39,
    -1e308,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    2 ** 63,
    -1,
    -0,
    5e-324,
    JSON.parse('1e999') as number, // Infinity reaches main through plain JSON
    JSON.parse('-1e999') as number,
    NaN, // through Electron's structured clone
  ];
}

/** Relative and absolute paths towards the "outside" folder, /tmp and other drives. */
export function traversalStrings(p: Pools): string[] {
  const m = p.marker;
  return [
    `../../outside/${m}`,
    // Names are often built as "<prefix>-<value>": one more ".." undoes the prefix's folder.
    `../../../../outside/${m}`,
    `../../../${m}`,
    `/../../../tmp/${m}`,
    `${p.outsideDir}/${m}.gpkg`,
    `/tmp/${m}.gpkg`,
    `C:\\${m}`,
    `..\\..\\${m}`,
    `\\\\server\\share\\${m}`,
    `%2e%2e%2f${m}`,
  ];
}

export function hostileStrings(p: Pools): string[] {
  return [
    ...traversalStrings(p),
    '',
    ' ',
    '.',
    '..',
    '\u0000',
    `a\u0000b.gpkg`,
    '\ud800',
    `x\udfff.geojson`,
    `\u0001\u0008\u001b[31m\u007f\u009f`,
    '\u202eexe.gpkg',
    `file:///etc/passwd`,
    'CON',
    'NaN',
    'Infinity',
    '1e999',
    '__proto__',
    'x'.repeat(300),
    'đ'.repeat(100_001),
    '😀'.repeat(50),
  ];
}

function hostileStructure(rng: Rng): unknown {
  return pick(rng, [
    () => deepArray(10_000),
    () => deepObject(10_000),
    () => ({}),
    () => [],
    () => null,
    () => undefined,
    () => true,
    () => 0,
    () => '',
    () => Array.from({ length: 10_000 }, () => 0),
    () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') as unknown,
  ])();
}

interface Check {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
}

const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Record<string, any> } })._zod.def;
const checksOf = (s: z.ZodType): Check[] => ((defOf(s).checks ?? []) as { _zod: { def: Check } }[]).map((c) => c._zod.def);

export function randomUuid(rng: Rng): string {
  const h = () => Math.floor(rng() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, h).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
}

function genString(s: z.ZodType, rng: Rng, p: Pools, hostile: number): string {
  const checks = checksOf(s);
  const patterns = checks.filter((c) => c.check === 'string_format' && c.pattern).map((c) => c.pattern!);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 200;
  if (chance(rng, hostile)) return chance(rng, 0.5) ? pick(rng, hostileStrings(p)) : spoil(genString(s, rng, p, 0), rng);
  const fits = (x: string) => x.length >= min && x.length <= max && patterns.every((re) => re.test(x));
  if (checks.some((c) => c.check === 'custom') && rng() < 0.9) return pick(rng, TABLE_NAMES); // TableNameSchema's refine
  const candidates = [...p.uuids, ...p.communes, ...p.files, 'fuzz.gpkg', 'Fuzz', 'EPSG:9218', 'EPSG:4326', 'image/png', 'aGVsbG8='];
  if (patterns.length) {
    const ok = candidates.filter(fits);
    if (ok.length) return pick(rng, ok);
    const u = randomUuid(rng);
    if (fits(u)) return u;
  }
  if (chance(rng, 0.5)) {
    const ok = candidates.filter(fits);
    if (ok.length) return pick(rng, ok);
  }
  const len = Math.max(min, Math.min(max, 1 + Math.floor(rng() * 12)));
  return 'Phú Xã đ '.repeat(len).slice(0, len);
}

/** A well-formed string with a hostile character slipped in (it still passes most patterns). */
function spoil(x: string, rng: Rng): string {
  const bad = pick(rng, ['\u0000', '\ud800', '\udfff', '\u0007', '\u001b', '\u202e', '\ufeff', '\n', '..', '%00', '\u0301']);
  const at = Math.floor(rng() * (x.length + 1));
  return x.slice(0, at) + bad + x.slice(at);
}

/** Unbounded numbers alternate easting, northing: positions and extents come out in order. */
let axis = 0;

function genNumber(s: z.ZodType, rng: Rng, p: Pools, hostile: number): number {
  const checks = checksOf(s);
  const int = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const lo = checks.find((c) => c.check === 'greater_than')?.value;
  const hi = checks.find((c) => c.check === 'less_than')?.value;
  if (chance(rng, hostile)) return pick(rng, hostileNumbers());
  if (lo === undefined && hi === undefined && !int) {
    // Unbounded numbers are mostly coordinates: inside the project's extent, or not far off.
    const [x0, y0, x1, y1] = p.extent;
    return axis++ % 2 === 0 ? x0 + rng() * (x1 - x0) : y0 + rng() * (y1 - y0);
  }
  const a = lo ?? 0;
  const b = Math.min(hi ?? a + 1000, a + 1e6);
  const v = a + rng() * (b - a);
  return int ? Math.round(v) : v;
}

/** A value shaped like `s`; `hostile` is the chance that a leaf is a hostile value of its type. */
export function generate(s: z.ZodType, rng: Rng, p: Pools, hostile: number, depth = 0): unknown {
  if (depth === 0) axis = 0;
  const d = defOf(s);
  const inner = (t: z.ZodType) => generate(t, rng, p, hostile, depth + 1);
  if (depth > 12) return undefined;
  switch (d.type) {
    case 'string':
      return genString(s, rng, p, hostile);
    case 'number':
      return genNumber(s, rng, p, hostile);
    case 'boolean':
      return chance(rng, 0.5);
    case 'null':
      return null;
    case 'literal':
      return pick(rng, d.values as unknown[]);
    case 'enum':
      return pick(rng, Object.values(d.entries as Record<string, unknown>));
    case 'optional':
      return chance(rng, 0.3) ? undefined : inner(d.innerType);
    case 'nullable':
      return chance(rng, 0.2) ? null : inner(d.innerType);
    case 'default':
    case 'prefault':
      return chance(rng, 0.2) ? undefined : inner(d.innerType);
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(d.innerType);
    case 'pipe':
      return inner(d.in);
    case 'lazy':
      return inner(d.getter());
    case 'union': {
      return inner(pick(rng, d.options as z.ZodType[]));
    }
    case 'intersection':
      return { ...(inner(d.left) as object), ...(inner(d.right) as object) };
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodType>)) {
        const x = inner(v);
        if (x !== undefined) out[k] = x;
      }
      return out;
    }
    case 'array': {
      const checks = checksOf(s);
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const n = Math.max(min, Math.floor(rng() * (depth < 4 ? 4 : 2)));
      return Array.from({ length: n }, () => inner(d.element));
    }
    case 'tuple': {
      const items = (d.items as z.ZodType[]).map(inner);
      // An extent: min before max, most of the time.
      if (items.length === 4 && items.every((x) => typeof x === 'number') && chance(rng, 0.7)) {
        const [a, b, c, e] = items as number[];
        return [Math.min(a!, c!), Math.min(b!, e!), Math.max(a!, c!), Math.max(b!, e!)];
      }
      return items;
    }
    case 'record': {
      const out: Record<string, unknown> = {};
      const n = Math.floor(rng() * 3);
      for (let i = 0; i < n; i++) out[String(inner(d.keyType))] = inner(d.valueType);
      return out;
    }
    default:
      // any, unknown, custom, transform…: anything at all.
      return chance(rng, 0.5) ? hostileStructure(rng) : pick(rng, hostileStrings(p));
  }
}

function leafPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  if (depth > 20 || out.length > 200) return out;
  if (Array.isArray(v)) v.slice(0, 20).forEach((x, i) => leafPaths(x, [...path, i], out, depth + 1));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leafPaths(x, [...path, k], out, depth + 1);
  out.push(path);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1]!] = value;
  return root;
}

/**
 * The systematic part: each template as it is, then with one of its string leaves (the first two) replaced by each
 * path-like or malformed string, and one of its number leaves (the first two) by each huge number.
 * Random payloads find these only by luck; a regression should not depend on luck.
 */
export function dictionary(p: Pools, rng: Rng): { method: string; payload: unknown }[] {
  const m = p.marker;
  const strings = [
    `../../outside/${m}`,
    `../../../../outside/${m}`,
    `/tmp/${m}.gpkg`,
    `%2e%2e%2f${m}`,
    'a\u0000b',
    'x\ud800y',
    '\udfffz',
    'đ'.repeat(100_001),
  ];
  const numbers = [1e39, -1e308, Number.MAX_VALUE];
  const out: { method: string; payload: unknown }[] = [];
  const cases: [string, () => unknown][] = Object.entries(templates(p, rng)).flatMap(([method, make]) =>
    method === 'edits.apply' ? editVariants(p, rng).map((v): [string, () => unknown] => [method, v]) : [[method, make!]],
  );
  for (const [method, make] of cases) {
    const base = make();
    out.push({ method, payload: base });
    const leaves = leafPaths(base).filter((q) => q.length > 0);
    const valueAt = (q: (string | number)[]) => q.reduce<unknown>((o, k) => (o as any)?.[k], base);
    const stringLeaves = leaves.filter((q) => typeof valueAt(q) === 'string').slice(0, 2);
    const numberLeaves = leaves.filter((q) => typeof valueAt(q) === 'number').slice(0, 2);
    // An edit is made anew each time (a fresh row id: a second insert under one id would be refused
    // as a conflict before its coordinates mattered); the others are copies.
    const fresh = method === 'edits.apply' ? make : () => structuredClone(base);
    for (const q of stringLeaves) for (const x of strings) out.push({ method, payload: setAt(fresh(), q, x) });
    for (const q of numberLeaves) for (const x of numbers) out.push({ method, payload: setAt(fresh(), q, x) });
  }
  return out;
}

/** One mutation a hostile client could make to a well-formed payload. */
export function mutate(v: unknown, rng: Rng, p: Pools): unknown {
  const paths = leafPaths(v);
  const at = pick(rng, paths);
  switch (Math.floor(rng() * 6)) {
    case 0:
      return setAt(v, at, pick(rng, hostileNumbers()));
    case 1:
      return setAt(v, at, pick(rng, hostileStrings(p)));
    case 2:
      return setAt(v, at, hostileStructure(rng));
    case 3: {
      // Extra keys, prototype names among them.
      const objs = paths.map((q) => q.reduce<unknown>((o, k) => (o as any)?.[k], v)).filter((x) => x && typeof x === 'object' && !Array.isArray(x));
      const o = objs.length ? (pick(rng, objs) as Record<string, unknown>) : null;
      if (!o) return { extra: 1, value: v };
      o[pick(rng, ['extra', 'constructor', 'toString', 'hasOwnProperty', 'then'])] = pick(rng, hostileStrings(p));
      return v;
    }
    case 4: {
      // A key removed.
      if (at.length === 0) return {};
      const parent = at.slice(0, -1).reduce<unknown>((o, k) => (o as any)?.[k], v) as Record<string | number, unknown>;
      if (parent && typeof parent === 'object' && !Array.isArray(parent)) delete parent[at[at.length - 1]!];
      return v;
    }
    default:
      return hostileStructure(rng);
  }
}

/** A short, printable description of a payload (deep and long values abridged). */
export function describePayload(v: unknown, depth = 0): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') {
    const s = JSON.stringify(v.length > 60 ? v.slice(0, 60) : v);
    return v.length > 60 ? `${s}…(${v.length} chars)` : s;
  }
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return String(v);
  if (depth > 8) {
    let n = 0;
    let x: unknown = v;
    while (x && typeof x === 'object' && n < 100_000) {
      x = Array.isArray(x) ? x[0] : Object.values(x)[0];
      n++;
    }
    return `…(${n} more levels)`;
  }
  if (Array.isArray(v)) {
    const head = v.slice(0, 6).map((x) => describePayload(x, depth + 1));
    return `[${head.join(',')}${v.length > 6 ? `,…(${v.length} items)` : ''}]`;
  }
  const entries = Object.entries(v);
  const head = entries.slice(0, 10).map(([k, x]) => `${JSON.stringify(k)}:${describePayload(x, depth + 1)}`);
  return `{${head.join(',')}${entries.length > 10 ? ',…' : ''}}`;
}
