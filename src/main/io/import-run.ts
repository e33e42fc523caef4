// The whole import: read, prepare, then ONE applyEdit (one transaction, audited, undoable). Until that
// last call nothing touches the project, so an error or a cancel leaves it exactly as it was.
// A single Shapefile is streamed instead (streamShapefile): read, prepared and written record by
// record inside that one transaction, so a layer is never held whole; an error anywhere in the file
// rolls the transaction back, and the project is again exactly as it was.
import type { EditInput, EditResult, Put, TableName } from '../../shared/model';
import { TABLES } from '../../shared/model';
import type { ProjectStore } from '../store';
import { duplicateChecker, duplicateTolerance, findDuplicates } from './duplicates';
import { importError, throwIfAborted } from './errors';
import { guessLayerCrs } from './guess-crs';
import { certainWithoutGeos, createPreparer, nothingToImport, prepareImport, type ImportSpec, type PreparedImport, type PrepareStats } from './import-plan';
import { readDataset, type ReadOptions } from './read-any';
import { openShapefileStream, type ShapefileStream } from './shp-stream';
import type { InputFile, SourceDataset, SourceGeometry, SourceLayer } from './types';

export interface RunImportOptions extends ReadOptions {
  /** Source layer name (GeoPackage table, GPX waypoints/tracks…); default the first. */
  layer?: string;
  author: string;
  progress?: (done: number, total: number, message?: string) => void;
}

export function pickLayer(ds: SourceDataset, name: string | undefined): SourceLayer {
  if (!name) return ds.layers[0] ?? (() => { throw importError(ds.fileName, 'tệp không có dữ liệu.', 'the file holds no data.'); })();
  const l = ds.layers.find((x) => x.name === name);
  if (!l) throw importError(ds.fileName, `không có lớp "${name}" (có: ${ds.layers.map((x) => x.name).join(', ')}).`, `no layer "${name}" (present: ${ds.layers.map((x) => x.name).join(', ')}).`);
  return l;
}

export interface ImportOutcome {
  /** The edit; its rows are listed only when the import was not streamed (a streamed one holds no list of them). */
  result: { editId: number; rows?: EditResult['rows'] };
  prepared: Omit<PreparedImport, 'puts'> & { count: number; duplicates: number; skippedDuplicates: number };
}

function allDuplicatesError(fileName: string, duplicates: number): Error {
  return importError(
    fileName,
    `cả ${duplicates} đối tượng đã có trong dự án (cùng vị trí trong 1 mm, cùng thuộc tính): không có gì mới để nhập. Nếu thật sự cần thêm một bản nữa, chọn "vẫn nhập".`,
    `all ${duplicates} features are already in the project (same place within 1 mm, same attributes): nothing new to import. To add another copy anyway, choose "import anyway".`,
    { details: { duplicates } },
  );
}

const importLabel = (fileName: string, table: TableName, n: number) => `Nhập ${fileName} → ${table} (${n})`;

/**
 * Below this size of .shp, a look at every geometry before the import (does any polygon need GEOS?)
 * costs less than loading GEOS (~35 ms, ~20 MB): ~10 ms for 10,000 polygons of 12 vertices.
 */
const LOOK_BEFORE_BYTES = 16 << 20;

/** Whether no geometry of the stream needs GEOS (certainWithoutGeos); false for a large or unreadable file. */
function everyGeometryCertain(stream: ShapefileStream): boolean {
  if (stream.size > LOOK_BEFORE_BYTES) return false;
  try {
    for (const g of stream.geometries()) if (g && !certainWithoutGeos(g as SourceGeometry)) return false;
    return true;
  } catch {
    return false; // the import's own pass reports the record it cannot read
  }
}

/**
 * One Shapefile, streamed: each record read, prepared (CRS, inside Vietnam, GEOS validity, fields)
 * and handed to the store's write as it is read, all inside the one transaction of store.importRows.
 * Invalid geometries are collected to the end as before, and thrown there: the rows written so far
 * are rolled back with everything else.
 */
async function streamShapefile(store: ProjectStore, stream: ShapefileStream, spec: ImportSpec, opts: RunImportOptions): Promise<ImportOutcome> {
  const working = store.crs.code;
  const preparer = await createPreparer(stream.fileName, stream.head, spec, working, stream.bbox, () => everyGeometryCertain(stream));
  throwIfAborted(opts.signal);
  const tol = duplicateTolerance(working);
  const b = stream.bbox;
  // Rows already in the project are looked for where the file says its features are (its header's
  // box, in the working CRS when the file is in it), or in the whole table.
  const near = preparer.crs === working && b.every(Number.isFinite) ? ([b[0] - tol, b[1] - tol, b[2] + tol, b[3] + tol] as [number, number, number, number]) : undefined;
  const skip = spec.duplicates !== 'import';
  const total = stream.count ?? 0;
  let duplicates = 0;
  let written = 0;
  let stats: PrepareStats | null = null;
  function* rows(): Generator<Put> {
    // Inside the write transaction: nothing can change between this look and the writes.
    const isDuplicate = duplicateChecker(store, spec.table, working, near);
    const queue: Put[] = [];
    const out = (p: Put) => queue.push(p);
    let n = 0;
    for (const f of stream.features()) {
      // A cancel is looked for every 100 records (a few ms even on a slow machine), progress told every 1,000.
      if (++n % 100 === 0) {
        throwIfAborted(opts.signal);
        if (n % 1000 === 0) opts.progress?.(n, total, `Đang nhập ${n}/${total}`);
      }
      preparer.add(f, out);
      for (const p of queue) {
        if (isDuplicate(p)) {
          duplicates++;
          if (skip) continue;
        }
        written++;
        yield p;
      }
      queue.length = 0;
    }
    stats = preparer.finish();
    if (!written) throw duplicates ? allDuplicatesError(stream.fileName, duplicates) : nothingToImport(stream.fileName);
  }
  opts.progress?.(0, total, 'Đang nhập…');
  const result = store.importRows(spec.table, rows(), opts.author, (n) => importLabel(stream.fileName, spec.table, n), total);
  return { result, prepared: { ...stats!, count: written, duplicates, skippedDuplicates: skip ? duplicates : 0 } };
}

export async function runImport(store: ProjectStore, files: InputFile[], spec: ImportSpec, opts: RunImportOptions): Promise<ImportOutcome> {
  opts.progress?.(0, 0, 'Đang đọc tệp…');
  const stream = TABLES[spec.table]?.kind === 'feature' && !opts.layer ? openShapefileStream(files, opts) : null;
  if (stream)
    try {
      return await streamShapefile(store, stream, spec, opts);
    } finally {
      stream.close();
    }
  const ds = await readDataset(files, opts);
  throwIfAborted(opts.signal);
  const layer = guessLayerCrs(pickLayer(ds, opts.layer), store.crs.code, store.info().extent);
  const prepared = await prepareImport(ds.fileName, layer, spec, store.crs.code, { signal: opts.signal, progress: opts.progress });
  throwIfAborted(opts.signal);
  opts.progress?.(prepared.puts.length, prepared.puts.length, 'Đang so với dữ liệu đã có…');
  const dup = findDuplicates(store, spec.table, prepared.puts, store.crs.code);
  const duplicates = dup.filter(Boolean).length;
  const skip = spec.duplicates !== 'import';
  const puts = skip && duplicates ? prepared.puts.filter((_, i) => !dup[i]) : prepared.puts;
  if (!puts.length) throw allDuplicatesError(ds.fileName, duplicates);
  opts.progress?.(puts.length, puts.length, 'Đang ghi vào dự án…');
  const label = `Nhập ${ds.fileName}${ds.layers.length > 1 ? ` (${layer.name})` : ''} → ${spec.table} (${puts.length})`;
  const edit: EditInput = { label, put: puts };
  const result = store.applyEdit(edit, opts.author);
  const { puts: _all, ...rest } = prepared;
  return { result, prepared: { ...rest, count: puts.length, duplicates, skippedDuplicates: skip ? duplicates : 0 } };
}
