// One entry point: the file (or file set) → a SourceDataset, by extension and content. Sizes are
// checked before any byte is read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GpkgReader } from '../store/gpkg-reader';
import { matchPrj } from '../../shared/io/prj-match';
import { emptyFileError, importError } from './errors';
import { copyFromFd } from './files';
import { checkSize, LIMITS } from './limits';
import { readCsv, type CsvOptions } from './read-csv';
import { isDvhcvn, readGeoJsonValue } from './read-geojson';
import { readShapefiles } from './read-shapefile';
import { decodeText } from './text';
import { safeUnzip } from './zip';
import type { DbfEncoding } from './dbf';
import type { InputFile, SourceCrs, SourceDataset, SourceFeature } from './types';

export interface ReadOptions extends CsvOptions {
  encoding?: DbfEncoding;
  signal?: AbortSignal;
}

const ext = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

export const IMPORT_EXTENSIONS = ['geojson', 'json', 'kml', 'kmz', 'gpx', 'shp', 'zip', 'csv', 'txt', 'xlsx', 'xlsm', 'ods', 'gpkg'] as const;

/**
 * The XML readers (and the spreadsheets' below) are loaded when such a file comes: xmldom and
 * togeojson cost every other import ~15 ms of start-up (a command is one process per run).
 */
const xmlFormats = () => import('./read-xml-formats');

export async function readDataset(files: InputFile[], opts: ReadOptions = {}): Promise<SourceDataset> {
  if (!files.length) throw importError('?', 'chưa chọn tệp.', 'no file given.');
  const main = files.find((f) => ext(f.name) === 'shp') ?? files[0]!;
  const kind = ext(main.name);
  // An empty file is said to be empty, not "malformed JSON/XML" in the parser's English.
  if (main.size === 0) throw emptyFileError(main.name);
  switch (kind) {
    case 'geojson':
    case 'json': {
      checkSize(main, LIMITS.textBytes);
      let json: unknown;
      try {
        json = JSON.parse(decodeText(main.name, main.read()));
      } catch (e) {
        if (e instanceof SyntaxError) {
          // V8's English ("Unexpected token } in JSON at position 5") stays in details; the user reads ours.
          const at = /position (\d+)/.exec(e.message)?.[1];
          throw importError(
            main.name,
            `nội dung JSON bị hỏng, không đọc được${at ? ` (hỏng ở ký tự thứ ${at})` : ''}. Hãy xuất lại tệp từ chương trình đã tạo ra nó rồi nhập lại.`,
            `the JSON is broken and cannot be read${at ? ` (broken at character ${at})` : ''}. Export it again from the program that made it, then import it again.`,
            { details: { parser: e.message } },
          );
        }
        throw e;
      }
      return readGeoJsonValue(main.name, json);
    }
    case 'kml':
      checkSize(main, LIMITS.textBytes);
      return (await xmlFormats()).readKml(main.name, main.read());
    case 'kmz':
      checkSize(main, LIMITS.textBytes);
      return (await xmlFormats()).readKmz(main.name, main.read());
    case 'gpx':
      checkSize(main, LIMITS.textBytes);
      return (await xmlFormats()).readGpx(main.name, main.read());
    case 'csv':
    case 'txt':
      checkSize(main, LIMITS.textBytes);
      return readCsv(main.name, main.read(), opts);
    case 'xlsx':
    case 'xlsm':
    case 'xls':
    case 'ods':
      // Zipped XML: the inflate budget of safeUnzip guards the memory, the file size the reading.
      checkSize(main, LIMITS.textBytes);
      return (await import('./read-spreadsheet')).readSpreadsheet(main.name, main.read(), kind === 'ods' ? 'ods' : 'xlsx', opts);
    case 'shp': {
      const set = new Map<string, Uint8Array>();
      for (const f of files) {
        checkSize(f, LIMITS.binaryBytes);
        set.set(f.name, f.read());
      }
      return readShapefiles(main.name, set, opts);
    }
    case 'zip': {
      checkSize(main, LIMITS.binaryBytes);
      const entries = safeUnzip(main.name, main.read());
      const names = [...entries.keys()];
      if (names.some((n) => /\.shp$/i.test(n))) return { ...(await readShapefiles(main.name, entries, opts)), fileName: main.name };
      const inner = names.find((n) => /\.(geojson|json|kml|gpx|csv)$/i.test(n));
      if (inner) {
        const data = entries.get(inner)!;
        return { ...(await readDataset([{ name: inner, size: data.length, read: () => data }], opts)), fileName: main.name };
      }
      throw importError(main.name, 'tệp nén không chứa dữ liệu đọc được (.shp, .geojson, .kml, .gpx, .csv).', 'the archive holds no readable data (.shp, .geojson, .kml, .gpx, .csv).');
    }
    case 'gpkg':
      checkSize(main, LIMITS.binaryBytes);
      return readGpkg(main);
    default:
      throw importError(main.name, `định dạng ".${kind}" chưa được hỗ trợ (nhận: ${IMPORT_EXTENSIONS.join(', ')}).`, `format ".${kind}" is not supported (accepted: ${IMPORT_EXTENSIONS.join(', ')}).`);
  }
}

function readGpkg(f: InputFile): SourceDataset {
  let reader: GpkgReader;
  // SQLite opens files in place; bytes held only in memory or by an fd go through a private temporary copy.
  let tmp: string | null = null;
  if (!f.path) {
    tmp = join(mkdtempSync(join(tmpdir(), 'quytap-gpkg-')), 'in.gpkg');
    if (f.fd !== undefined) copyFromFd(f.fd, tmp); // an imports-folder file: through its fd, never by name
    else writeFileSync(tmp, f.read());
  }
  const cleanup = () => tmp && rmSync(dirname(tmp), { recursive: true, force: true });
  try {
    reader = GpkgReader.open(f.path ?? tmp!);
  } catch (e) {
    cleanup();
    throw importError(f.name, `không mở được GeoPackage (${(e as Error).message}).`, `cannot open the GeoPackage (${(e as Error).message}).`);
  }
  try {
    const layers = reader.layers().map((l) => {
      const m = matchPrj(l.definition);
      const epsg = l.organization.toUpperCase() === 'EPSG' ? `EPSG:${l.organizationId}` : null;
      const crs: SourceCrs = m.code
        ? { code: m.code, how: 'declared', said: l.srsName, notes: m.notes }
        : epsg === 'EPSG:4326'
          ? { code: epsg, how: 'declared', said: l.srsName, notes: [] }
          : { code: null, how: 'none', said: l.srsName, notes: [{ vi: `Hệ toạ độ "${l.srsName}" không có trong danh mục: hãy chọn.`, en: `CRS "${l.srsName}" is not in the catalogue: choose one.` }] };
      const features: SourceFeature[] = [];
      // QuyTap's own bookkeeping columns are not attributes of the data.
      for (const r of reader.rows(l, ['uuid', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by', 'deleted'])) {
        if (r.error) throw importError(f.name, `lớp ${l.table}: ${r.error}`, `layer ${l.table}: ${r.error}`, { row: r.row });
        features.push({ row: r.row, geometry: r.geometry, props: r.props });
      }
      const fields = features.length ? Object.keys(features[0]!.props) : [];
      return { name: l.table, crs, fields, features };
    });
    if (!layers.length) throw importError(f.name, 'GeoPackage không có lớp đối tượng nào.', 'the GeoPackage has no feature layer.');
    return { fileName: f.name, format: 'gpkg', warnings: [], layers };
  } finally {
    reader.close();
    cleanup();
  }
}

export { isDvhcvn, decodeText };
