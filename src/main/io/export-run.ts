// An export: select the rows, encode them, write the file (never over an existing one; written under
// a temporary name and renamed, so a half-written export never looks finished).
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { ProjectStore } from '../store';
import { ProjectStore as Store } from '../store';
import { crsForStore } from '../services/crs';
import { throwIfAborted } from './errors';
import { carriedCount, exportCsv, exportGeoJson, exportGpx, exportKml, exportShapefileZip, type ExportFormat } from './export-formats';
import { selectRows, type ExportFilter } from './export-select';

export interface ExportOutcome {
  path: string;
  count: number;
  bytes: number;
  /** Selected rows the format cannot hold (lines and areas in GPX or CSV), said, never silent. */
  skipped: number;
}

function nothingCarried(format: ExportFormat, selected: number): ApiError {
  const name = format.toUpperCase();
  return new ApiError(
    'validation',
    `Định dạng ${name} chỉ chứa điểm (mộ, điểm thông tin); ${selected} đối tượng đã chọn là đường hoặc vùng nên không xuất tệp rỗng. Hãy chọn Shapefile, GeoJSON, KML hoặc GeoPackage cho đường và vùng.`,
    `${name} holds points only (graves, information points); the ${selected} selected features are lines or areas, so no empty file was written. Choose Shapefile, GeoJSON, KML or GeoPackage for lines and areas.`,
    { format, selected },
  );
}

function exists(path: string): ApiError {
  return new ApiError('conflict', `Tệp "${basename(path)}" đã có; QuyTap không ghi đè. Hãy chọn tên khác.`, `"${basename(path)}" already exists; QuyTap never overwrites. Choose another name.`, { path });
}

export async function runExport(
  store: ProjectStore,
  format: ExportFormat,
  filter: ExportFilter,
  out: string,
  opts: { author: string; signal?: AbortSignal; progress?: (done: number, total: number, message?: string) => void },
): Promise<ExportOutcome> {
  if (existsSync(out)) throw exists(out);
  opts.progress?.(0, 0, 'Đang chọn dữ liệu…');
  const layers = selectRows(store, filter, format !== 'gpkg');
  const count = layers.reduce((s, l) => s + l.rows.length, 0);
  if (count === 0) throw new ApiError('validation', 'Không có đối tượng nào khớp bộ lọc: không xuất tệp rỗng.', 'Nothing matches the filter: no empty file written.');
  const carried = carriedCount(format, layers);
  if (carried === 0) throw nothingCarried(format, count);
  throwIfAborted(opts.signal);
  opts.progress?.(0, count, 'Đang ghi tệp…');
  const crs = store.crs.code;
  if (format === 'gpkg') {
    // A GeoPackage export is a QuyTap project holding the selection: GDAL and QGIS read it as any
    // GeoPackage, with our CRS WKT (TOWGS84) and every row's UUID kept for later merging.
    const settings = store.getSettings();
    const dst = Store.create(out, crsForStore(crs).store, { ...settings, title: settings.title }, opts.author);
    try {
      const put = layers.flatMap((l) => l.rows.map((r) => ({ table: l.table, id: r.id, geometry: r.geometry, props: r.props })));
      for (let i = 0; i < put.length; i += 50_000) {
        throwIfAborted(opts.signal);
        dst.applyEdit({ label: `Xuất từ ${basename(store.path)}`, put: put.slice(i, i + 50_000) }, opts.author);
        opts.progress?.(Math.min(put.length, i + 50_000), count, 'Đang ghi tệp…');
      }
    } catch (e) {
      dst.close();
      for (const p of [out, `${out}-wal`, `${out}-shm`]) rmSync(p, { force: true });
      throw e;
    }
    dst.close();
    return { path: out, count, bytes: 0, skipped: 0 };
  }
  const title = store.getSettings().title;
  const bytes =
    format === 'geojson'
      ? exportGeoJson(layers, crs)
      : format === 'kml'
        ? exportKml(layers, crs, title, store.getSettings())
        : format === 'gpx'
          ? exportGpx(layers, crs)
          : format === 'csv'
            ? exportCsv(layers, crs)
            : exportShapefileZip(layers, crs);
  throwIfAborted(opts.signal);
  const tmp = `${out}.part-${process.pid}`;
  writeFileSync(tmp, bytes, { flag: 'wx' });
  if (existsSync(out)) {
    rmSync(tmp, { force: true });
    throw exists(out);
  }
  renameSync(tmp, out);
  return { path: out, count: carried, bytes: bytes.length, skipped: count - carried };
}
