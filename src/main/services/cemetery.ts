// Handlers of the cemetery register (src/shared/contract/cemetery.ts). The plan's edits and the
// register's import go through the store's one writer (audit, undo, write rules) like any edit;
// the search reads an index kept per project version; the locator prints beside the map sheets.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../shared/api-error';
import { searchRegister } from '../../shared/cemetery/search';
import type { cemeteryMethods } from '../../shared/contract/cemetery';
import type { EditResult } from '../../shared/model';
import { gridEdit, gateEdit } from '../cemetery/plan-edits';
import { guessColumns, planRegister } from '../cemetery/import-register';
import { locatorPdf } from '../cemetery/locator-pdf';
import { registerOf } from '../cemetery/register-index';
import { readDataset } from '../io/read-any';
import type { SourceLayer } from '../io/types';
import type { HandlersFor, ServiceContext } from './context';
import { freePdfPath, PRINT_FOLDER, slugOf, writeNoClobber } from './print';
import { openImportFiles } from './import-files';
import { safeFileName, writePathIn } from './safe-names';
import { importsDir } from './user-folders';

async function registerSheet(ctx: ServiceContext, file: string, sheet: string | undefined): Promise<{ layer: SourceLayer; sheets: string[] }> {
  const missing = () => new ApiError('not_found', `Không có tệp "${file}" trong thư mục nhập. Hãy tải tệp lên rồi chọn lại.`, `No file "${file}" in the imports folder. Upload it, then choose it again.`);
  // Checked and read through one fd (import-files.ts): a file swapped for a link meanwhile is not read.
  const held = openImportFiles(importsDir(ctx), [file], missing);
  let ds: Awaited<ReturnType<typeof readDataset>>;
  try {
    if (!/\.(xlsx|xlsm|ods|csv|txt)$/i.test(file))
      throw new ApiError('validation', `Tệp "${file}" không phải bảng tính. Danh sách nghĩa trang cần tệp .xlsx, .ods hoặc .csv.`, `"${file}" is not a spreadsheet. A cemetery register must be .xlsx, .ods or .csv.`);
    ds = await readDataset(held.files);
  } finally {
    held.close();
  }
  const sheets = ds.layers.map((l) => l.name);
  const layer = sheet === undefined ? ds.layers[0] : ds.layers.find((l) => l.name === sheet);
  if (!layer) throw new ApiError('not_found', `Bảng tính không có trang "${sheet}". Hãy chọn một trang có trong tệp.`, `The spreadsheet has no sheet "${sheet}". Choose a sheet it has.`, { sheets });
  return { layer, sheets };
}

export function cemeteryHandlers(ctx: ServiceContext): HandlersFor<typeof cemeteryMethods> {
  const wrote = (r: EditResult) => ctx.changed([...new Set(r.rows.map((x) => x.table))], r.editId);
  return {
    'cemetery.generatePlots': ({ cemeteryId, grid }) => {
      const store = ctx.need();
      const edit = gridEdit(store, cemeteryId, grid);
      const r = store.applyEdit(edit, ctx.author());
      wrote(r);
      return { editId: r.editId, count: r.rows.length };
    },
    'cemetery.setGate': ({ cemeteryId, point }) => {
      const store = ctx.need();
      const { edit, id } = gateEdit(store, cemeteryId, point);
      const r = store.applyEdit(edit, ctx.author());
      wrote(r);
      return { editId: r.editId, id };
    },
    'cemetery.registerColumns': async ({ file, sheet }) => {
      const { layer, sheets } = await registerSheet(ctx, file, sheet);
      return { sheets, sheet: layer.name, headers: layer.fields, rows: layer.features.length, guess: guessColumns(layer.fields) };
    },
    'cemetery.importRegister': async ({ cemeteryId, file, sheet, columns, keepUnmatched, dryRun }) => {
      const store = ctx.need();
      const { layer } = await registerSheet(ctx, file, sheet);
      const plan = planRegister(store, cemeteryId, layer, file, columns, keepUnmatched);
      const { puts, ...report } = plan;
      if (dryRun || (report.unmatched.length && !keepUnmatched) || !puts.length) return { editId: null, ...report };
      const r = store.applyEdit({ label: `Nhập danh sách nghĩa trang từ ${file}`, put: puts }, ctx.author());
      wrote(r);
      return { editId: r.editId, ...report };
    },
    'cemetery.search': ({ query, cemeteryId, limit }) => {
      const store = ctx.need();
      const t0 = performance.now();
      const reg = registerOf(store);
      const found = searchRegister(reg.index, query, { limit, cemeteryId: cemeteryId ?? null });
      const candidates = found.map(({ entry: e, matched, of }) => ({
        martyrId: e.martyrId,
        fullName: e.fullName,
        birthYear: e.birthYear,
        hometown: e.hometown,
        unit: e.unit,
        deathDate: e.deathDate,
        cemeteryId: e.cemeteryId,
        cemeteryName: e.cemeteryName,
        plotId: e.plotId,
        place: reg.places.get(e.martyrId) ?? '',
        extent: reg.extents.get(e.martyrId) ?? null,
        matched,
        of,
      }));
      return { candidates, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
    },
    'cemetery.locator': async ({ martyrId, fileName }) => {
      const store = ctx.need();
      const { bytes, input } = await locatorPdf(store, martyrId);
      const dir = join(dirname(ctx.projectPath()), PRINT_FOLDER);
      mkdirSync(dir, { recursive: true });
      const stem = safeFileName(fileName ? fileName : `phieu-mo-${slugOf(input.martyr.fullName)}`);
      const path = writePathIn(dir, basename(freePdfPath(dir, stem)));
      writeNoClobber(path, bytes);
      const name = basename(path);
      return { path, fileName: name, url: `/bin/prints/${encodeURIComponent(name)}` };
    },
  };
}
