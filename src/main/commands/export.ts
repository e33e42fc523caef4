// quytap export <project> --format shp|geojson|kml|gpx|csv|gpkg [--commune …] [--layer …] [--status …] --out file
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { EXPORT_FORMATS } from '../../shared/contract/exchange';
import { isTableName, type TableName } from '../../shared/model';
import { runExport } from '../io/export-run';
import type { ExportFormat } from '../io/export-formats';
import { ProjectStore } from '../store';
import { parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap export <dự-án.gpkg> --format shp|geojson|kml|gpx|csv|gpkg [--commune MÃ …] [--layer bảng …] [--status tình-trạng …] --out tệp
  shp: tệp .zip (Shapefile theo hệ toạ độ của dự án, .prj có TOWGS84, .cpg UTF-8) · geojson/kml/gpx: WGS 84
  csv: điểm với X (Bắc) / Y (Đông) VN-2000 và vĩ độ/kinh độ WGS 84 · gpkg: GeoPackage của phần đã chọn`;

export async function exportCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(
    args,
    {
      format: { type: 'string' },
      commune: { type: 'string', multiple: true },
      layer: { type: 'string', multiple: true },
      status: { type: 'string', multiple: true },
      out: { type: 'string' },
    },
    USAGE,
  );
  if (!parsed) return;
  const { values, positionals } = parsed;
  const project = positionals[0];
  const format = values.format as ExportFormat | undefined;
  if (!project || !format || !values.out || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    console.error(USAGE);
    process.exit(2);
  }
  const bad = (values.layer ?? []).filter((l) => !isTableName(l));
  if (bad.length) {
    console.error(`Không có bảng / unknown table: ${bad.join(', ')}`);
    process.exit(2);
  }
  const store = ProjectStore.open(resolve(project), { access: 'read' }); // a reader: works while the app has it open
  try {
    const r = await runExport(
      store,
      format,
      { tables: values.layer as TableName[] | undefined, communes: values.commune, statuses: values.status },
      resolve(values.out),
      { author: process.env.QUYTAP_OPERATOR ?? userInfo().username },
    );
    console.log(`Đã xuất / exported: ${r.count} đối tượng / features → ${r.path}`);
    if (r.skipped > 0)
      console.log(
        `Bỏ qua ${r.skipped} đường/vùng: định dạng ${format.toUpperCase()} chỉ chứa điểm · skipped ${r.skipped} lines/areas: ${format.toUpperCase()} holds points only.`,
      );
  } finally {
    store.close();
  }
}
