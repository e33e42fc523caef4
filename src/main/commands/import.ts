// quytap import <project> <file> --layer graves [--crs EPSG:…] [--map src=dst …] [--set field=value …]
//                [--and <file> --layer … …]
// For files above the browser mode's 32 MiB upload limit, this is the way in. `--and` imports more
// files in the same run (a folder of Shapefiles into their tables: one start, one project opening),
// each as its own edit, one after the other.
import { resolve } from 'node:path';
import { DBF_ENCODING_NAMES } from '../../shared/contract/exchange';
import { isTableName, type PropValue } from '../../shared/model';
import { filesForPath } from '../io/files';
import { runImport } from '../io/import-run';
import { loadGeos, type Geos } from '../review/geos';
import { installWriteRules } from '../review/write-rules';
import { previewImport } from '../io/preview';
import { ProjectStore } from '../store';
import { userInfo } from 'node:os';
import { parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap import <dự-án.gpkg> <tệp> --layer <bảng đích> [--source-layer tên] [--crs EPSG:…]
                [--map nguồn=đích …] [--set trường=giá-trị …] [--encoding utf-8|windows-1258|tcvn3|vni]
                [--east cột-Y] [--north cột-X] [--header-row N] [--repair] [--skip-other-types] [--preview]
  Ví dụ / e.g.: quytap import du-an.gpkg diem.gpx --layer graves --source-layer waypoints --set kind=newly_found --set verification=not_verified --map name=name
  CSV, Excel (.xlsx), LibreOffice (.ods): X là toạ độ Bắc (northing), Y là toạ độ Đông (easting) · X = northing, Y = easting.
  Bảng tính nhiều trang: chọn trang bằng --source-layer · a workbook's sheet: --source-layer; header row: --header-row.
  Tệp không ghi hệ toạ độ: phải có --crs (VN-2000 và WGS 84 lệch nhau khoảng 200 m).
  Nhiều tệp một lần / several files in one run: … --and <tệp> --layer <bảng> [tuỳ chọn của tệp đó / its options] --and …
    (mỗi tệp là một thay đổi riêng, hoàn tác riêng · each file is its own edit, undone on its own)`;

function pairsOf(list: string[] | undefined, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of list ?? []) {
    const i = s.indexOf('=');
    if (i <= 0) throw new Error(`${what} "${s}": cần dạng a=b / expected a=b`);
    out[s.slice(0, i)] = s.slice(i + 1);
  }
  return out;
}

function value(s: string): PropValue {
  if (s === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s === 'true' || s === 'false') return s === 'true';
  return s;
}

const OPTIONS = {
  layer: { type: 'string' },
  'source-layer': { type: 'string' },
  crs: { type: 'string' },
  map: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  east: { type: 'string' },
  north: { type: 'string' },
  'header-row': { type: 'string' },
  repair: { type: 'boolean' },
  'skip-other-types': { type: 'boolean' },
  preview: { type: 'boolean' },
} as const;

/** The arguments split at each `--and`: the first part names the project, every part one file. */
function parts(args: string[]): string[][] {
  const out: string[][] = [[]];
  for (const a of args) if (a === '--and') out.push([]);
  else out[out.length - 1]!.push(a);
  return out;
}

export async function importCommand(args: string[]): Promise<void> {
  const groups = parts(args);
  const jobs = [];
  for (const [k, group] of groups.entries()) {
    const parsed = parseCommandArgs(group, OPTIONS, USAGE);
    if (!parsed) return;
    const { values, positionals } = parsed;
    const [project, file] = k === 0 ? positionals : [null, positionals[0]];
    if ((k === 0 && !project) || !file || positionals.length > (k === 0 ? 2 : 1) || (!values.layer && !values.preview) || (values.preview && groups.length > 1)) {
      console.error(USAGE);
      process.exit(2);
    }
    if (values.layer && !isTableName(values.layer)) {
      console.error(`Không có bảng "${values.layer}" / unknown table`);
      process.exit(2);
    }
    if (values.encoding && !(DBF_ENCODING_NAMES as readonly string[]).includes(values.encoding)) {
      console.error(`Bảng mã không hỗ trợ / unsupported encoding: ${values.encoding}`);
      process.exit(2);
    }
    const headerRow = values['header-row'] === undefined ? undefined : Number(values['header-row']);
    if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
      console.error(`--header-row phải là số dòng từ 1 / must be a row number from 1: ${values['header-row']}`);
      process.exit(2);
    }
    jobs.push({ project, file, values, headerRow });
  }
  const store = ProjectStore.open(resolve(jobs[0]!.project!));
  // The same rules as the app's writes: each feature's commune from its geometry, locked maps refused.
  // GEOS places the features: loaded (~30 ms, ~28 MB) only once the project has commune boundaries,
  // looked at before each file, as an earlier file of the run may have brought them.
  let geos: Geos | null = null;
  installWriteRules(store, {
    operator: () => null,
    geos: () => {
      if (!geos) throw new Error('GEOS was not loaded for a project with commune boundaries');
      return geos;
    },
  });
  // This command is the file's only writer (the project lock) and, most often, its only user.
  const rollback = store.useRollbackJournal(true);
  try {
    for (const { file, values, headerRow } of jobs) {
      if (!geos && store.query('admin_units', { filter: { level: 'commune' }, limit: 1 }).rows.length) geos = await loadGeos();
      const files = filesForPath(resolve(file));
      const encoding = values.encoding as (typeof DBF_ENCODING_NAMES)[number] | undefined;
      if (values.preview) {
        const pv = await previewImport(files, { workingCrs: store.crs.code, crs: values.crs ?? null, encoding, eastField: values.east, northField: values.north, headerRow, table: values.layer as never, rows: store, projectExtent: store.info().extent });
        console.log(JSON.stringify(pv, null, 1));
        return;
      }
      // map on the command line reads source=target; the importer wants target → source.
      const map = Object.fromEntries(Object.entries(pairsOf(values.map, '--map')).map(([src, dst]) => [dst, src]));
      const defaults = Object.fromEntries(Object.entries(pairsOf(values.set, '--set')).map(([k, v]) => [k, value(v)]));
      let last = 0;
      const out = await runImport(
        store,
        files,
        { table: values.layer as never, crs: values.crs ?? null, map: Object.keys(map).length ? map : undefined, defaults, repair: values.repair ?? false, skipOtherTypes: values['skip-other-types'] ?? false },
        {
          author: process.env.QUYTAP_OPERATOR ?? userInfo().username,
          layer: values['source-layer'],
          encoding,
          eastField: values.east,
          northField: values.north,
          headerRow,
          progress: (d, t, m) => {
            if (Date.now() - last > 1000) {
              last = Date.now();
              console.error(`[${d}/${t}] ${m ?? ''}`);
            }
          },
        },
      );
      console.log(`Đã nhập / imported: ${out.prepared.count} → ${values.layer} (hệ toạ độ nguồn / source CRS ${out.prepared.crs}${out.prepared.repaired ? `; sửa ${out.prepared.repaired} hình / repaired` : ''}${out.prepared.skippedDuplicates ? `; bỏ qua ${out.prepared.skippedDuplicates} đối tượng đã có / already in the project, skipped` : ''}); thay đổi số / edit ${out.result.editId}`);
    }
  } finally {
    if (rollback) store.useRollbackJournal(false);
    store.close();
  }
}
