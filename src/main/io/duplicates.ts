// Importing the same file twice must not double every feature silently. A row to import is "already
// in the project" when a live row of the target table has the same attributes and the same shape
// with every position within 1 mm (in the working CRS; rows are written in it, so a re-import of the
// same file lands on the same numbers give or take the transform's last digits). Single and multi
// forms compare equal (the store keeps a polygon as a one-part multipolygon).
import { findCrs } from '../../shared/crs';
import { TABLES, type Extent, type FieldDef, type Geometry, type PropValue, type Props, type Put, type Row, type TableName } from '../../shared/model';

/** What the check reads: the store's query (live rows only, in a box, paged). */
export interface RowSource {
  query(table: TableName, options: { bbox?: Extent; limit?: number; offset?: number }): { rows: Row[]; truncated: boolean };
}

const PAGE = 50_000;

/** The parts of a geometry as lists of positions: a point is one list of one, a polygon its rings. */
function lists(g: Geometry): number[][][] {
  switch (g.type) {
    case 'Point':
      return [[g.coordinates as number[]]];
    case 'LineString':
      return [g.coordinates as number[][]];
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates as number[][][];
    case 'MultiPolygon':
      return (g.coordinates as number[][][][]).flat();
    default:
      return [];
  }
}

function sameShape(a: number[][][], b: number[][][], tol: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (p.length !== q.length) return false;
    for (let j = 0; j < p.length; j++) if (Math.abs(p[j]![0]! - q[j]![0]!) > tol || Math.abs(p[j]![1]! - q[j]![1]!) > tol) return false;
  }
  return true;
}

const norm = (v: PropValue | undefined): PropValue => (v === undefined || v === '' ? null : typeof v === 'string' ? v.trim().normalize('NFC') : v);

// The commune is not the file's to say: the store's write hook sets it from the geometry, so a row
// already in the project has one and the same row read again from the file has none.
const DERIVED = new Set(['commune_code']);

function propsKey(table: TableName, props: Props): string {
  return JSON.stringify((TABLES[table].fields as readonly FieldDef[]).filter((f) => !DERIVED.has(f.name)).map((f) => norm(props[f.name])));
}

function extentOf(puts: readonly Put[], tol: number): Extent | null {
  const e: Extent = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of puts) if (p.geometry) for (const l of lists(p.geometry as Geometry)) for (const q of l) {
    e[0] = Math.min(e[0], q[0]!);
    e[1] = Math.min(e[1], q[1]!);
    e[2] = Math.max(e[2], q[0]!);
    e[3] = Math.max(e[3], q[1]!);
  }
  return Number.isFinite(e[0]) ? [e[0] - tol, e[1] - tol, e[2] + tol, e[3] + tol] : null;
}

function* liveRows(source: RowSource, table: TableName, bbox: Extent | undefined): Generator<Row> {
  for (let offset = 0; ; offset += PAGE) {
    const page = source.query(table, { ...(bbox ? { bbox } : {}), limit: PAGE, offset });
    yield* page.rows;
    if (!page.truncated) return;
  }
}

/** The tolerance of "the same position" in a working CRS: 1 mm, or 1e-8° in a geographic one. */
export function duplicateTolerance(workingCrs: string): number {
  return findCrs(workingCrs)?.kind === 'geographic' ? 1e-8 : 0.001;
}

/**
 * Whether a row to import is already in the target table (same attributes, same shape within the
 * tolerance), judged against the live rows in `bbox` (all of them without one), read once here.
 * Attribute tables compare attributes alone.
 */
export function duplicateChecker(source: RowSource, table: TableName, workingCrs: string, bbox: Extent | undefined): (p: Put) => boolean {
  const tol = duplicateTolerance(workingCrs);
  const isFeature = TABLES[table].kind === 'feature';
  // Existing rows by attributes, then by the 1-cm cell of their first position (a match within
  // 1 mm is in the same cell or a neighbouring one).
  const cell = (p: number[] | undefined) => (p ? [Math.floor(p[0]! / (tol * 10)), Math.floor(p[1]! / (tol * 10))] : [0, 0]);
  const index = new Map<string, number[][][][]>();
  for (const r of liveRows(source, table, bbox)) {
    const shape = r.geometry ? lists(r.geometry) : [];
    const [cx, cy] = cell(shape[0]?.[0]);
    const k = `${propsKey(table, r.props)}|${cx}|${cy}`;
    index.set(k, [...(index.get(k) ?? []), shape]);
  }
  if (!index.size) return () => false;
  return (p) => {
    const shape = p.geometry ? lists(p.geometry as Geometry) : [];
    const [cx, cy] = cell(shape[0]?.[0]);
    const pk = propsKey(table, p.props ?? {});
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        if (!isFeature && (dx || dy)) continue;
        for (const s of index.get(`${pk}|${cx! + dx}|${cy! + dy}`) ?? []) if (sameShape(shape, s, tol)) return true;
      }
    return false;
  };
}

/**
 * For each row to import, whether the target table already holds it (same attributes, same shape
 * within 1 mm; 1e-8° in a geographic working CRS). Attribute tables compare attributes alone.
 */
export function findDuplicates(source: RowSource, table: TableName, puts: readonly Put[], workingCrs: string): boolean[] {
  const tol = duplicateTolerance(workingCrs);
  const isFeature = TABLES[table].kind === 'feature';
  const bbox = isFeature ? extentOf(puts, tol) : null;
  if (isFeature && !bbox) return puts.map(() => false);
  return puts.map(duplicateChecker(source, table, workingCrs, bbox ?? undefined));
}
