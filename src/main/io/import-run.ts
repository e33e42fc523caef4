// The whole import: read, prepare, then ONE applyEdit (one transaction, audited, undoable). Until that
// last call nothing touches the project, so an error or a cancel leaves it exactly as it was.
import type { EditInput, EditResult } from '../../shared/model';
import type { ProjectStore } from '../store';
import { findDuplicates } from './duplicates';
import { importError, throwIfAborted } from './errors';
import { guessLayerCrs } from './guess-crs';
import { prepareImport, type ImportSpec, type PreparedImport } from './import-plan';
import { readDataset, type ReadOptions } from './read-any';
import type { InputFile, SourceDataset, SourceLayer } from './types';

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
  result: EditResult;
  prepared: Omit<PreparedImport, 'puts'> & { count: number; duplicates: number; skippedDuplicates: number };
}

export async function runImport(store: ProjectStore, files: InputFile[], spec: ImportSpec, opts: RunImportOptions): Promise<ImportOutcome> {
  opts.progress?.(0, 0, 'Đang đọc tệp…');
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
  if (!puts.length)
    throw importError(
      ds.fileName,
      `cả ${duplicates} đối tượng đã có trong dự án (cùng vị trí trong 1 mm, cùng thuộc tính): không có gì mới để nhập. Nếu thật sự cần thêm một bản nữa, chọn "vẫn nhập".`,
      `all ${duplicates} features are already in the project (same place within 1 mm, same attributes): nothing new to import. To add another copy anyway, choose "import anyway".`,
      { details: { duplicates } },
    );
  opts.progress?.(puts.length, puts.length, 'Đang ghi vào dự án…');
  const label = `Nhập ${ds.fileName}${ds.layers.length > 1 ? ` (${layer.name})` : ''} → ${spec.table} (${puts.length})`;
  const edit: EditInput = { label, put: puts };
  const result = store.applyEdit(edit, opts.author);
  const { puts: _all, ...rest } = prepared;
  return { result, prepared: { ...rest, count: puts.length, duplicates, skippedDuplicates: skip ? duplicates : 0 } };
}
