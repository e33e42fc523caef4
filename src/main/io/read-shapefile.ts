// Shapefiles: geometry from the `shapefile` package (raw coordinates, never reprojected), attributes
// from our own dbf.ts, the CRS from the .prj matched to our catalogue, the encoding from the .cpg
// (or the user's choice: TCVN3/VNI are common in district data).
import { openShp } from 'shapefile';
import { matchPrj } from '../../shared/io/prj-match';
import { decodeText } from './text';
import { encodingFromCpg, guessDbfEncoding, readDbf, type DbfEncoding, type DbfTable } from './dbf';
import type { EncodingGuess } from './detect-encoding';
import { breathe, importError } from './errors';
import { checkSourceGeometry, GeometryShapeError } from './source-geometry';
import type { SourceCrs, SourceDataset, SourceFeature, SourceLayer } from './types';

export interface ShapefileParts {
  base: string;
  shp: Uint8Array;
  dbf?: Uint8Array;
  shx?: Uint8Array;
  prj?: Uint8Array;
  cpg?: Uint8Array;
}

export interface ShapefileOptions {
  encoding?: DbfEncoding;
  signal?: AbortSignal;
}

/** Groups files by base name (case-insensitive extension), as a .zip or a picked file set holds them. */
export function groupShapefiles(files: Map<string, Uint8Array>): ShapefileParts[] {
  const sets = new Map<string, Partial<ShapefileParts>>();
  for (const [name, data] of files) {
    const m = /^(.*)\.(shp|dbf|shx|prj|cpg)$/i.exec(name);
    if (!m || /(^|\/)__MACOSX\//.test(name)) continue;
    const key = m[1]!;
    const set = sets.get(key.toLowerCase()) ?? { base: key };
    set[m[2]!.toLowerCase() as 'shp'] = data;
    sets.set(key.toLowerCase(), set);
  }
  return [...sets.values()].filter((s): s is ShapefileParts => !!s.shp);
}

/** `shp`: the file, or its first 100 bytes with the file's `size`. */
export function shpHeaderCheck(name: string, shp: Uint8Array, size = shp.length): void {
  if (size < 100 || shp.length < 100) throw importError(name, 'tệp .shp quá ngắn (bị cắt).', 'the .shp is too short (truncated).');
  const dv = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (dv.getInt32(0, false) !== 9994) throw importError(name, 'không phải tệp .shp (sai mã đầu tệp).', 'not a .shp file (bad file code).');
  const declared = dv.getInt32(24, false) * 2;
  if (declared > size)
    throw importError(name, `tệp .shp bị cắt: phần đầu ghi ${declared} byte nhưng tệp chỉ có ${size}.`, `the .shp is truncated: its header says ${declared} bytes, the file has ${size}.`, {
      details: { declared, actual: size },
    });
}

function crsOf(p: ShapefileParts): SourceCrs {
  return crsOfPrj(p.base, p.prj);
}

export function crsOfPrj(base: string, prj: Uint8Array | undefined): SourceCrs {
  if (!prj)
    return {
      code: null,
      how: 'none',
      notes: [{ vi: 'Không có tệp .prj: hãy chọn hệ toạ độ của dữ liệu.', en: 'No .prj file: choose the data’s CRS.' }],
    };
  const wkt = decodeText(`${base}.prj`, prj);
  const m = matchPrj(wkt);
  if (!m.code)
    return {
      code: null,
      how: 'none',
      said: m.said,
      notes: [{ vi: `Hệ toạ độ trong .prj ("${m.said}") không có trong danh mục: hãy chọn.`, en: `The .prj CRS ("${m.said}") is not in the catalogue: choose one.` }],
    };
  return { code: m.code, how: 'prj', said: m.said, notes: m.notes };
}

/**
 * Shape `row` (1-based) with its .dbf record, as the whole-file reader and the stream (shp-stream.ts)
 * both read it; null for a row to leave out (deleted in the .dbf, or past its records: those are
 * counted and refused by countMismatch at the end).
 */
export function shapefileFeature(shpName: string, value: unknown, row: number, dbf: DbfTable | null, encoding: DbfEncoding | null): SourceFeature | null {
  let geometry;
  try {
    geometry = checkSourceGeometry(value);
  } catch (e) {
    if (e instanceof GeometryShapeError) throw importError(shpName, e.vi, e.message, { row });
    throw e;
  }
  if (dbf && row > dbf.count) return null;
  const props = dbf && encoding ? dbf.record(row - 1, encoding) : {};
  return props === null ? null : { row, geometry, props };
}

export function countMismatch(base: string, records: number, shapes: number): Error {
  return importError(`${base}.dbf`, `số bản ghi của .dbf (${records}) khác số hình của .shp (${shapes}).`, `the .dbf has ${records} records but the .shp has ${shapes} shapes.`, {
    details: { dbf: records, shp: shapes },
  });
}

export async function readShapefileLayer(p: ShapefileParts, opts: ShapefileOptions = {}): Promise<{ layer: SourceLayer; encoding: DbfEncoding | null; guess: EncodingGuess | null }> {
  const shpName = `${p.base}.shp`;
  shpHeaderCheck(shpName, p.shp);
  const dbf = p.dbf ? readDbf(`${p.base}.dbf`, p.dbf) : null;
  const cpg = p.cpg ? encodingFromCpg(decodeText(`${p.base}.cpg`, p.cpg)) : null;
  const guess = dbf && !opts.encoding && !cpg ? guessDbfEncoding(dbf) : null;
  const encoding: DbfEncoding | null = dbf ? (opts.encoding ?? cpg ?? guess!.encoding) : null;
  const src = await openShp(p.shp.slice().buffer as ArrayBuffer);
  const features: SourceFeature[] = [];
  let row = 0;
  for (;;) {
    let r: { done: boolean; value: unknown };
    try {
      r = await src.read();
    } catch (e) {
      throw importError(shpName, `không đọc được hình học (${(e as Error).message}).`, `cannot read the geometry (${(e as Error).message}).`, { row: row + 1 });
    }
    if (r.done) break;
    row++;
    await breathe(row, opts.signal, 5000);
    const f = shapefileFeature(shpName, r.value, row, dbf, encoding);
    if (f) features.push(f);
  }
  if (dbf && row !== dbf.count) throw countMismatch(p.base, dbf.count, row);
  const fields = dbf ? dbf.fields.map((f) => f.name) : [];
  return { layer: { name: p.base.split('/').pop()!, crs: crsOf(p), fields, features }, encoding, guess };
}

const ENCODING_NAME: Record<EncodingGuess['encoding'], string> = { 'utf-8': 'UTF-8', 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

/** What the user is told about an encoding read from the text: nothing for UTF-8, else which and how sure. */
function encodingNote(base: string, g: EncodingGuess): { vi: string; en: string } | null {
  if (g.encoding === 'utf-8') return null;
  const name = ENCODING_NAME[g.encoding];
  const share = Math.round((g.scores[g.encoding] ?? 0) * 100);
  if (g.sure)
    return {
      vi: `${base}: không có tệp .cpg; nhận ra bảng mã ${name} từ nội dung (${share}% từ có dấu đọc thành tiếng Việt). Nếu tên hiển thị sai, hãy chọn bảng mã khác.`,
      en: `${base}: no .cpg; recognised ${name} from the text (${share}% of accented words read as Vietnamese). If names look wrong, choose another encoding.`,
    };
  return {
    vi: `${base}: không có tệp .cpg và không nhận ra chắc bảng mã (gần nhất: ${name}, ${share}% từ có dấu đọc được). Hãy xem trước tên tiếng Việt và chọn Windows-1258, TCVN3 hoặc VNI.`,
    en: `${base}: no .cpg and the encoding is unclear (closest: ${name}, ${share}% of accented words readable). Check the Vietnamese names in the preview and choose Windows-1258, TCVN3 or VNI.`,
  };
}

export async function readShapefiles(fileName: string, files: Map<string, Uint8Array>, opts: ShapefileOptions = {}): Promise<SourceDataset> {
  const sets = groupShapefiles(files);
  if (!sets.length) throw importError(fileName, 'không tìm thấy tệp .shp.', 'no .shp file found.');
  const layers: SourceLayer[] = [];
  const warnings: SourceDataset['warnings'] = [];
  for (const s of sets) {
    if (!s.dbf) warnings.push({ vi: `${s.base}: thiếu tệp .dbf (không có thuộc tính).`, en: `${s.base}: no .dbf (no attributes).` });
    const { layer, guess } = await readShapefileLayer(s, opts);
    const note = guess && encodingNote(s.base, guess);
    if (note) warnings.push(note);
    layers.push(layer);
  }
  return { fileName, format: 'shapefile', warnings, layers };
}
