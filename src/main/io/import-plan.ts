// A source layer becomes the rows of ONE edit: positions transformed into the working CRS with our
// catalogue (source → WGS 84 → working, the QĐ 05/2007 shift applied where VN-2000 is involved),
// checked inside Vietnam, checked (and on request repaired) by GEOS, attributes mapped and coerced.
// Any problem is an error naming the file and the row, before anything is written.
import { findCrs } from '../../shared/crs';
import { converter } from './converter';
import { TABLES, type FieldDef, type Geometry, type PropValue, type Props, type Put, type TableName } from '../../shared/model';
import { geosReasonText } from '../../shared/io/geos-reason';
import { breathe, importError } from './errors';
import { coerce, suggestFieldMap, type FieldMap } from './field-map';
import { closeOpenRings, forEachPosition, mapPositions, openRingCount } from './source-geometry';
import { codeForLabel } from '../../shared/io/code-labels';
import type { SourceFeature, SourceGeometry, SourceLayer } from './types';
import { geosChecker, type GeosChecker } from './validity';
import { certainlyValidPolygon } from './import-simple-rings';
import { insideVietnam, VIETNAM_WGS84 } from './vietnam-bounds';

export interface ImportSpec {
  table: TableName;
  /** CRS of the source when the file does not say it (or to override it). */
  crs?: string | null;
  /** Target field → source field. Absent: same-named fields. */
  map?: FieldMap;
  /** Constant values for target fields (e.g. kind = 'new_found' for every waypoint). */
  defaults?: Record<string, PropValue>;
  /** Repair invalid geometries with GEOS MakeValid instead of refusing them. */
  repair?: boolean;
  /** Leave out the parts the table cannot hold (the points of a KML going into search areas) instead of refusing. */
  skipOtherTypes?: boolean;
  /** Close polygon rings whose last point is not their first ("tự đóng vòng") instead of refusing them. */
  closeRings?: boolean;
  /** Rows identical to rows already in the target table: left out (default) or imported anyway. */
  duplicates?: 'skip' | 'import';
}

export interface InvalidGeometry {
  row: number;
  reason: string;
}

export interface PreparedImport {
  puts: Put[];
  crs: string;
  invalid: InvalidGeometry[];
  repaired: number;
  skippedEmpty: number;
  /** Parts left out because the table does not take their type (only with skipOtherTypes). */
  skippedTypes: number;
  /** Polygon rings closed on the user's request (closeRings). */
  closedRings: number;
}

type Part = Exclude<SourceGeometry, { type: 'MultiPoint' | 'GeometryCollection' }>;

/** Multi points and collections become one row per member; the table's own types stay whole. */
function parts(g: SourceGeometry): Part[] {
  if (g.type === 'MultiPoint') return g.coordinates.map((c) => ({ type: 'Point', coordinates: c }));
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(parts);
  return [g];
}

/**
 * True when the preparer would accept every part of `g` without asking GEOS, its positions taken as
 * read (a file in the working CRS): lines and points need no GEOS, and a polygon of one closed,
 * certainly simple ring is valid (import-simple-rings.ts). False means "GEOS would be asked".
 */
export function certainWithoutGeos(g: SourceGeometry): boolean {
  for (const part of parts(g)) {
    if (part.type === 'Point' || part.type === 'LineString' || part.type === 'MultiLineString') continue;
    if (openRingCount(part) || !certainlyValidPolygon(part as Geometry)) return false;
  }
  return true;
}

/**
 * The checker of a layer whose every geometry was found certain without GEOS (createPreparer's
 * `geometriesCertain`): GEOS (~35 ms to load, ~20 MB) is then not loaded at all. It is asked only
 * for what the look before could not have let through, so the file changed in between: said so.
 */
function certainOnlyChecker(fileName: string): GeosChecker {
  const changed = () =>
    importError(fileName, 'tệp đã thay đổi trong khi đang đọc. Hãy nhập lại; dự án không bị thay đổi.', 'the file changed while it was being read. Import it again; the project was not changed.');
  return {
    check: (g) => {
      if (g.type === 'Point') return { valid: true, reason: null };
      throw changed();
    },
    repair: () => {
      throw changed();
    },
  };
}

/** Lines into line tables and polygons into polygon tables, whichever of single/multi the file used. */
function fitsTable(table: TableName, g: Part): boolean {
  const accepts = (TABLES[table] as { accepts?: readonly string[] }).accepts ?? [];
  return accepts.includes(g.type);
}

function bbox(g: SourceGeometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  forEachPosition(g, (p) => {
    if (p[0]! < b[0]) b[0] = p[0]!;
    if (p[1]! < b[1]) b[1] = p[1]!;
    if (p[0]! > b[2]) b[2] = p[0]!;
    if (p[1]! > b[3]) b[3] = p[1]!;
  });
  return b;
}

export function resolveSourceCrs(fileName: string, layer: Pick<SourceLayer, 'crs'>, override: string | null | undefined): string {
  const code = override ?? layer.crs.code;
  if (!code)
    throw importError(
      fileName,
      'tệp không cho biết hệ toạ độ: hãy chọn (VN-2000 hay WGS 84 lệch nhau khoảng 200 m — chọn sai là đặt điểm sai đồi).',
      'the file does not say its CRS: choose one (VN-2000 and WGS 84 differ by about 200 m — the wrong choice puts a point on the wrong hillside).',
      { code: 'validation', details: { needsCrs: true } },
    );
  if (!findCrs(code)) throw importError(fileName, `hệ toạ độ ${code} không có trong danh mục.`, `CRS ${code} is not in the catalogue.`);
  return findCrs(code)!.code;
}

/** The bounding box of a layer's positions; null when it has none or one is not a finite number. */
function layerBox(layer: SourceLayer): [number, number, number, number] | null {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let finite = true;
  for (const f of layer.features) {
    if (!f.geometry) continue;
    forEachPosition(f.geometry, (p) => {
      const x = p[0]!;
      const y = p[1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) finite = false;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    });
    if (!finite) return null;
  }
  return Number.isFinite(b[0]) ? b : null;
}

/**
 * Fast path of the check below: the outline of a box (the layer's bounds, or the bounds a
 * Shapefile's header declares), densely sampled and taken to WGS 84, inside Vietnam with a 0.001°
 * margin. The box's image is the region that outline encloses, and Vietnam's bounds are a lon/lat
 * rectangle (convex): so every feature inside the box is inside, and the per-feature transforms
 * (4 per feature, ~20 % of preparing 50,000 features) can be skipped. A feature outside the box
 * (a header that lies) takes the per-feature check, which names the row.
 */
export function boxInsideVietnam(b: readonly number[] | null, crs: string): boolean {
  if (!b || !b.every(Number.isFinite)) return false;
  const toLonLat = converter(crs, 'EPSG:4326');
  const m = 0.001;
  const v = VIETNAM_WGS84;
  const STEPS = 64;
  for (let i = 0; i <= STEPS; i++) {
    const t = i / STEPS;
    const x = b[0]! + (b[2]! - b[0]!) * t;
    const y = b[1]! + (b[3]! - b[1]!) * t;
    for (const c of [[x, b[1]!], [x, b[3]!], [b[0]!, y], [b[2]!, y]]) {
      const [lon, lat] = toLonLat(c);
      if (!(lon! >= v.minLon + m && lon! <= v.maxLon - m && lat! >= v.minLat + m && lat! <= v.maxLat - m)) return false;
    }
  }
  return true;
}

/** Where the feature lies in WGS 84 (bbox corners), or an error naming the row when outside Vietnam. */
function checkInVietnam(fileName: string, f: SourceFeature, g: SourceGeometry, crs: string): void {
  const [x0, y0, x1, y1] = bbox(g);
  // A point's box is the point: one transform instead of four (40,000 GPS points are common).
  const box = x0 === x1 && y0 === y1 ? [[x0, y0]] : [[x0, y0], [x1, y1], [x0, y1], [x1, y0]];
  const toLonLat = converter(crs, 'EPSG:4326');
  const corners = box.map((c) => toLonLat(c));
  const out = corners.find((c) => !(Number.isFinite(c[0]) && Number.isFinite(c[1]) && insideVietnam(c[0]!, c[1]!)));
  if (out) {
    const b = VIETNAM_WGS84;
    throw importError(
      fileName,
      `toạ độ nằm ngoài Việt Nam (${out[1]!.toFixed(5)}°N, ${out[0]!.toFixed(5)}°E theo hệ ${crs}; cho phép vĩ độ ${b.minLat}–${b.maxLat}, kinh độ ${b.minLon}–${b.maxLon}). Có thể đã chọn sai hệ toạ độ, hoặc đảo X/Y.`,
      `coordinates outside Vietnam (${out[1]!.toFixed(5)} N, ${out[0]!.toFixed(5)} E read as ${crs}; allowed lat ${b.minLat}–${b.maxLat}, lon ${b.minLon}–${b.maxLon}). Wrong CRS, or X/Y swapped?`,
      { row: f.row, details: { outsideVietnam: true } },
    );
  }
}

/** What a source layer says about itself before its features are read. */
export type LayerHead = Pick<SourceLayer, 'name' | 'crs' | 'fields'>;

/** Counts of a preparation, and the source CRS it read the positions in. */
export type PrepareStats = Omit<PreparedImport, 'puts'>;

/**
 * One feature at a time: the rows it becomes (none when it is left out), so a reader can stream a
 * layer through without holding it. Problems that name one row throw at once; invalid geometries
 * and open rings are collected (up to the end, to name them all) and thrown by finish().
 */
export interface Preparer {
  crs: string;
  add(f: SourceFeature, out: (p: Put) => void): void;
  /** Throws the collected problems; else the counts. */
  finish(): PrepareStats;
}

/**
 * `insideBox`: a box in the source CRS known to lie inside Vietnam (boxInsideVietnam); features
 * within it skip the per-feature check.
 */
export async function createPreparer(
  fileName: string,
  layer: LayerHead,
  spec: ImportSpec,
  workingCrs: string,
  insideBox: readonly number[] | null,
  /** For a file in the working CRS: whether every geometry is certainWithoutGeos (a look at the whole file first). */
  geometriesCertain?: () => boolean,
): Promise<Preparer> {
  const def = TABLES[spec.table];
  const isFeature = def.kind === 'feature';
  const crs = isFeature ? resolveSourceCrs(fileName, layer, spec.crs) : 'EPSG:4326';
  const map = spec.map ?? suggestFieldMap(spec.table, layer.fields);
  const fields = def.fields as readonly FieldDef[];
  const known = new Set(fields.map((f) => f.name));
  for (const [target, source] of Object.entries(map)) {
    if (!known.has(target)) throw importError(fileName, `bảng đích không có trường "${target}".`, `the target table has no field "${target}".`);
    if (!layer.fields.includes(source)) throw importError(fileName, `tệp không có trường "${source}".`, `the file has no field "${source}".`);
  }
  for (const k of Object.keys(spec.defaults ?? {}))
    if (!known.has(k)) throw importError(fileName, `bảng đích không có trường "${k}".`, `the target table has no field "${k}".`);
  const judged = isFeature && (def.geometryType === 'MULTIPOLYGON' || def.geometryType === 'GEOMETRY');
  const certain = judged && crs === workingCrs && !spec.repair && geometriesCertain?.() === true;
  const checker = judged ? (certain ? certainOnlyChecker(fileName) : await geosChecker()) : null;
  const toWorking = converter(crs, workingCrs);
  const sameCrs = crs === workingCrs;
  const box = isFeature && insideBox && boxInsideVietnam(insideBox, crs) ? insideBox : null;
  const invalid: InvalidGeometry[] = [];
  const stats = { repaired: 0, skippedEmpty: 0, skippedTypes: 0, closedRings: 0 };
  const openRings: number[] = [];

  const add = (f: SourceFeature, out: (p: Put) => void): void => {
    const props: Props = {};
    for (const fd of fields) {
      const src = map[fd.name];
      const raw = src !== undefined ? (f.props[src] ?? null) : null;
      const fromDefault = raw === null || raw === '' ? (spec.defaults?.[fd.name] ?? null) : raw;
      const c = coerce(fd, fromDefault);
      if ('vi' in c) throw importError(fileName, `trường ${fd.vi}: ${c.vi}.`, `field ${fd.en}: ${c.en}.`, { row: f.row });
      // A coded field takes the legend's or the form's words for a code ("mộ mới phát hiện" → newly_found).
      props[fd.name] = fd.type === 'enum' && typeof c.value === 'string' && !fd.values!.includes(c.value) ? (codeForLabel(spec.table, fd.name, c.value) ?? c.value) : c.value;
    }
    // Types were settled by coerce(); what is left of validateProps' rules is checked inline (it
    // builds closures per call, which shows at 40,000 rows). applyEdit validates again, authoritatively.
    for (const fd of fields) {
      const v = props[fd.name];
      const bad =
        fd.required && (v === null || v === '')
          ? { vi: `chưa có giá trị cho trường bắt buộc ${fd.vi}`, en: `required field ${fd.en} is empty` }
          : fd.type === 'enum' && v !== null && !fd.values!.includes(v as string)
            ? { vi: `trường ${fd.vi}: giá trị "${String(v)}" không hợp lệ`, en: `field ${fd.en}: "${String(v)}" is not one of ${fd.values!.join(', ')}` }
            : typeof v === 'number' && ((fd.min !== undefined && v < fd.min) || (fd.max !== undefined && v > fd.max))
              ? { vi: `trường ${fd.vi}: ${v} ngoài khoảng ${fd.min ?? ''}–${fd.max ?? ''}`, en: `field ${fd.en}: ${v} outside ${fd.min ?? ''}–${fd.max ?? ''}` }
              : null;
      if (bad) throw importError(fileName, bad.vi, bad.en, { row: f.row, details: { field: fd.name } });
    }
    if (!isFeature) {
      out({ table: spec.table, props });
      return;
    }
    if (!f.geometry) {
      stats.skippedEmpty++;
      return;
    }
    if (!box || !withinBox(f.geometry, box)) checkInVietnam(fileName, f, f.geometry, crs);
    const featureParts = parts(f.geometry);
    for (let part of featureParts) {
      if (!fitsTable(spec.table, part)) {
        if (spec.skipOtherTypes) {
          stats.skippedTypes++;
          continue;
        }
        const accepts = (def as { accepts?: readonly string[] }).accepts ?? [];
        throw importError(
          fileName,
          `hình kiểu ${part.type} không đưa vào được bảng ${def.vi} (nhận: ${accepts.join(', ')}).`,
          `a ${part.type} cannot go into ${def.en} (accepts: ${accepts.join(', ')}).`,
          { row: f.row },
        );
      }
      // An open ring is the file's fault, not GEOS's question: refused with its row unless the user
      // asked to close it (GEOS cannot even build such a ring).
      const open = openRingCount(part);
      if (open) {
        if (!spec.closeRings) {
          openRings.push(f.row);
          continue;
        }
        part = closeOpenRings(part);
        stats.closedRings += open;
      }
      // A file already in the working CRS keeps the positions as read (applyEdit keeps x and y only):
      // copying 1,000,000 line vertices once more showed in the profile, and in the GC after it.
      let g = (
        sameCrs
          ? part
          : mapPositions(part, (p) => {
              const t = toWorking(p);
              return [t[0]!, t[1]!];
            })
      ) as Geometry;
      // GEOS judges polygons; a line is valid for GEOS as soon as it has two distinct positions.
      if (g.type === 'LineString' || g.type === 'MultiLineString') {
        const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
        const bad = lines.find((l) => !l.some((p) => p[0] !== l[0]![0] || p[1] !== l[0]![1]));
        if (bad) {
          invalid.push({ row: f.row, reason: 'Too few points in geometry component' });
          continue;
        }
      } else if (checker) {
        const v = certainlyValidPolygon(g) ? { valid: true, reason: null } : checker.check(g);
        if (!v.valid) {
          if (!spec.repair) {
            invalid.push({ row: f.row, reason: v.reason ?? 'invalid' });
            continue;
          }
          const fixed = checker.repair(g);
          if (!fixed) {
            invalid.push({ row: f.row, reason: `${v.reason ?? 'invalid'} (repair left nothing)` });
            continue;
          }
          g = fixed;
          stats.repaired++;
        }
      }
      // The parts of a multipoint each get their own copy; a single part can take the feature's own.
      out({ table: spec.table, geometry: g, props: featureParts.length === 1 ? props : { ...props } });
    }
  };

  const finish = (): PrepareStats => {
    throwCollected(fileName, openRings, invalid, spec.repair ?? false);
    return { crs, invalid, ...stats };
  };
  return { crs, add, finish };
}

/** Every position of g inside the box (NaN is not). */
function withinBox(g: SourceGeometry, b: readonly number[]): boolean {
  let inside = true;
  forEachPosition(g, (p) => {
    if (!(p[0]! >= b[0]! && p[0]! <= b[2]! && p[1]! >= b[1]! && p[1]! <= b[3]!)) inside = false;
  });
  return inside;
}

function throwCollected(fileName: string, openRings: number[], invalid: InvalidGeometry[], repair: boolean): void {
  if (openRings.length) {
    const rows = [...new Set(openRings)];
    const list = `${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ', …' : ''}`;
    throw importError(
      fileName,
      `${rows.length} đối tượng có vòng đa giác chưa khép kín (điểm cuối khác điểm đầu) ở dòng ${list}. Hãy sửa tệp, hoặc chọn "tự đóng vòng" để nối điểm cuối về điểm đầu.`,
      `${rows.length} features have a polygon ring that is not closed (its last point differs from its first), at row ${list}. Fix the file, or choose "close rings" to join the last point to the first.`,
      { details: { openRings: rows } },
    );
  }
  if (invalid.length && !repair) {
    // GEOS's English reason ("Self-intersection[x y]") as our sentence; the raw one stays in details.
    const list = (lang: 'vi' | 'en') =>
      invalid
        .slice(0, 10)
        .map((x) => `${lang === 'vi' ? 'dòng' : 'row'} ${x.row}: ${geosReasonText(x.reason)[lang]}`)
        .join('; ') + (invalid.length > 10 ? '; …' : '');
    throw importError(
      fileName,
      `${invalid.length} hình học không hợp lệ (${list('vi')}). Chọn "sửa hình học" để sửa bằng GEOS MakeValid.`,
      `${invalid.length} invalid geometries (${list('en')}). Choose "repair" to fix them with GEOS MakeValid.`,
      { details: { invalid } },
    );
  }
  if (invalid.length)
    throw importError(
      fileName,
      `${invalid.length} hình học không sửa được (${invalid.slice(0, 10).map((x) => `dòng ${x.row}: ${geosReasonText(x.reason).vi}`).join('; ')}). Hãy sửa các dòng này trong chương trình đã tạo ra tệp rồi nhập lại.`,
      `${invalid.length} geometries could not be repaired (${invalid.slice(0, 10).map((x) => `row ${x.row}: ${geosReasonText(x.reason).en}`).join('; ')}). Fix these rows in the program that made the file, then import again.`,
      { details: { invalid } },
    );
}

export function nothingToImport(fileName: string): Error {
  return importError(fileName, 'không có đối tượng nào để nhập.', 'nothing to import.');
}

export async function prepareImport(
  fileName: string,
  layer: SourceLayer,
  spec: ImportSpec,
  workingCrs: string,
  opts: { signal?: AbortSignal; progress?: (done: number, total: number, message?: string) => void } = {},
): Promise<PreparedImport> {
  const preparer = await createPreparer(fileName, layer, spec, workingCrs, TABLES[spec.table].kind === 'feature' ? layerBox(layer) : null);
  const puts: Put[] = [];
  const push = (p: Put) => puts.push(p);
  const total = layer.features.length;
  for (let i = 0; i < total; i++) {
    await breathe(i, opts.signal, 1000);
    if (i % 1000 === 0) opts.progress?.(i, total, `Đang kiểm tra ${i}/${total}`);
    preparer.add(layer.features[i]!, push);
  }
  const stats = preparer.finish();
  if (!puts.length) throw nothingToImport(fileName);
  return { puts, ...stats };
}
