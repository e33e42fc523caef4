// A Shapefile read one record at a time, synchronously, so an import can stream a layer through its
// transaction without holding it (the whole layer as JS arrays was 260 MB of peak memory for
// 2,000 lines of 500 vertices). The .shp is read from disk through a 1 MiB window (or from bytes
// already in memory: a zip's entry); the .dbf, a table of fixed-width text, is kept as bytes.
// Each record is parsed by the `shapefile` package's own parsers and checked as readShapefileLayer
// checks it, so both readers give the same features, rows and errors.
import { closeSync, openSync, readSync } from 'node:fs';
import parsePoint from 'shapefile/shp/point.js';
import parseMultiPoint from 'shapefile/shp/multipoint.js';
import parsePolyLine from 'shapefile/shp/polyline.js';
import parsePolygon from 'shapefile/shp/polygon.js';
import { encodingFromCpg, guessDbfEncoding, readDbf, type DbfEncoding, type DbfTable } from './dbf';
import { importError } from './errors';
import { checkSize, LIMITS } from './limits';
import { countMismatch, crsOfPrj, shapefileFeature, shpHeaderCheck } from './read-shapefile';
import { decodeText } from './text';
import type { InputFile, SourceFeature } from './types';
import type { LayerHead } from './import-plan';

const PARSERS: Record<number, (record: DataView) => unknown> = {
  1: parsePoint,
  3: parsePolyLine,
  5: parsePolygon,
  8: parseMultiPoint,
  11: parsePoint,
  13: parsePolyLine,
  15: parsePolygon,
  18: parseMultiPoint,
  21: parsePoint,
  23: parsePolyLine,
  25: parsePolygon,
  28: parseMultiPoint,
};

/** Random reads of a file; the answer may be shorter than asked at the end, and is valid until the next read. */
interface ByteSource {
  size: number;
  read(pos: number, len: number): Uint8Array;
  close(): void;
}

const WINDOW = 1 << 20;

/** Through the file's own fd when it has one (left open: it is its holder's), else opened by path. */
function fileSource(file: InputFile): ByteSource {
  const own = file.fd === undefined;
  const fd = file.fd ?? openSync(file.path!, 'r');
  let buf = new Uint8Array(WINDOW);
  let start = 0;
  let end = 0;
  return {
    size: file.size,
    read(pos, len) {
      if (pos < start || pos + len > end) {
        if (len > buf.length) buf = new Uint8Array(len);
        start = pos;
        end = pos + readSync(fd, buf, 0, buf.length, pos);
      }
      return buf.subarray(pos - start, Math.min(pos + len, end) - start);
    },
    close: () => {
      if (own) closeSync(fd);
    },
  };
}

function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (pos, len) => bytes.subarray(pos, pos + len), close: () => {} };
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** One .shp's records in order: the geometry as the `shapefile` package gives it (null for a null shape). */
export class ShpRecords {
  readonly bbox: [number, number, number, number];
  private readonly type: number;
  private pos = 100;
  private index = 0;

  constructor(
    private readonly name: string,
    private readonly src: ByteSource,
  ) {
    const h = src.read(0, 100);
    shpHeaderCheck(name, h, src.size);
    const dv = view(h);
    this.type = dv.getInt32(32, true);
    if (this.type !== 0 && !PARSERS[this.type]) throw importError(name, `kiểu hình ${this.type} không đọc được.`, `cannot read the geometry (unsupported shape type: ${this.type}).`);
    this.bbox = [dv.getFloat64(36, true), dv.getFloat64(44, true), dv.getFloat64(52, true), dv.getFloat64(60, true)];
  }

  /** The next record's geometry, or `done`. Throws an importError naming the row when it cannot be read. */
  next(): { done: true } | { done: false; value: unknown } {
    const row = ++this.index;
    for (;;) {
      if (this.pos + 12 > this.src.size) return { done: true };
      const h = view(this.src.read(this.pos, 12));
      const length = h.getInt32(4, false) * 2 - 4;
      const type = h.getInt32(8, true);
      // As the package does (its issue #36): a record that starts badly is skipped four bytes at a
      // time up to the next one that carries the expected record number.
      if (length < 0 || (type && type !== this.type)) {
        do this.pos += 4;
        while (this.pos + 12 <= this.src.size && view(this.src.read(this.pos, 4)).getInt32(0, false) !== row);
        continue;
      }
      const body = this.src.read(this.pos + 8, length + 4);
      this.pos += 12 + length;
      if (!type) return { done: false, value: null };
      try {
        if (body.length < length + 4) throw new RangeError('Offset is outside the bounds of the DataView');
        return { done: false, value: PARSERS[this.type]!(view(body)) };
      } catch (e) {
        throw importError(this.name, `không đọc được hình học (${(e as Error).message}).`, `cannot read the geometry (${(e as Error).message}).`, { row });
      }
    }
  }

  close(): void {
    this.src.close();
  }
}

export interface ShapefileStream {
  fileName: string;
  head: LayerHead;
  /** The bounds the .shp header declares (a box features are checked against, not trusted). */
  bbox: [number, number, number, number];
  /** The .shp's size in bytes. */
  size: number;
  /** Records in the .dbf (the .shp's count is only known at its end). */
  count: number | null;
  encoding: DbfEncoding | null;
  /** Every feature in order, read as it is asked for; throws as readShapefileLayer does. */
  features(): Generator<SourceFeature>;
  /**
   * A separate pass over the .shp alone (no attributes): every record's geometry as the parser gives
   * it (null for a null shape). Throws on a record it cannot read, as features() would.
   */
  geometries(): Generator<unknown>;
  close(): void;
}

/**
 * A stream of the one Shapefile a file set names (a .shp with its siblings); null for anything
 * else (a zip, several layers), which the whole-file readers take.
 */
export function openShapefileStream(files: InputFile[], opts: { encoding?: DbfEncoding } = {}): ShapefileStream | null {
  const shps = files.filter((f) => /\.shp$/i.test(f.name));
  if (shps.length !== 1) return null;
  const shpFile = shps[0]!;
  const base = shpFile.name.replace(/\.shp$/i, '');
  const sibling = (ext: string) => files.find((f) => f.name.toLowerCase() === `${base}.${ext}`.toLowerCase());
  for (const f of files) checkSize(f, LIMITS.binaryBytes);
  const dbfFile = sibling('dbf');
  const prj = sibling('prj');
  const cpgFile = sibling('cpg');
  const dbf: DbfTable | null = dbfFile ? readDbf(`${base}.dbf`, dbfFile.read()) : null;
  const cpg = cpgFile ? encodingFromCpg(decodeText(`${base}.cpg`, cpgFile.read())) : null;
  // The import itself (the preview has warned already): an encoding read clearly from the text is
  // used; an unclear one stops the import before any row, rather than store names garbled.
  const guess = dbf && !opts.encoding && !cpg ? guessDbfEncoding(dbf) : null;
  if (guess && !guess.sure)
    throw importError(
      `${base}.dbf`,
      'không có tệp .cpg và không nhận ra chắc bảng mã của tên, ghi chú. Hãy xem trước và chọn bảng mã (Windows-1258, TCVN3 hoặc VNI; dòng lệnh: --encoding) rồi nhập lại. Dự án không bị thay đổi.',
      'there is no .cpg and the text encoding is unclear. Preview the file and choose its encoding (Windows-1258, TCVN3 or VNI; command line: --encoding), then import again. The project was not changed.',
      { details: { scores: guess.scores } },
    );
  const encoding: DbfEncoding | null = dbf ? (opts.encoding ?? cpg ?? guess!.encoding) : null;
  const shpName = `${base}.shp`;
  const onDisk = shpFile.fd !== undefined || shpFile.path !== undefined;
  const source = () => (onDisk ? fileSource(shpFile) : bytesSource(shpFile.read()));
  const records = new ShpRecords(shpName, source());
  const head: LayerHead = { name: base.split('/').pop()!, crs: crsOfPrj(base, prj?.read()), fields: dbf ? dbf.fields.map((f) => f.name) : [] };
  // A .dbf that does not match the .shp is refused before any row is read, as the whole-file reader
  // does (it counts the shapes first): the .shx holds one 8-byte entry per shape. Without a .shx,
  // the count is checked at the end of the stream.
  const shx = sibling('shx');
  const shapes = shx && shx.size >= 100 && (shx.size - 100) % 8 === 0 ? (shx.size - 100) / 8 : null;
  if (dbf && shapes !== null && shapes !== dbf.count) {
    records.close();
    throw countMismatch(base, dbf.count, shapes);
  }
  function* features(): Generator<SourceFeature> {
    let row = 0;
    for (;;) {
      const r = records.next();
      if (r.done) break;
      row++;
      const f = shapefileFeature(shpName, r.value, row, dbf, encoding);
      if (f) yield f;
    }
    if (dbf && row !== dbf.count) throw countMismatch(base, dbf.count, row);
  }
  function* geometries(): Generator<unknown> {
    const again = new ShpRecords(shpName, source());
    try {
      for (let r = again.next(); !r.done; r = again.next()) yield r.value;
    } finally {
      again.close();
    }
  }
  return { fileName: shpFile.name, size: shpFile.size, head, bbox: records.bbox, count: dbf?.count ?? null, encoding, features, geometries, close: () => records.close() };
}
