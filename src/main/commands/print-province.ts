// quytap print --from postgresql://… --province <name|code>: the province's overview sheet from the
// rows its districts published (src/main/rollup/province-print.ts), with the same composer and PDF
// backend as every sheet. The password as for publish: PGPASSWORD, ~/.pgpass, never the command line.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../shared/api-error';
import { PAPER_NAMES, SheetSettingsSchema, type SheetSettingsInput } from '../../shared/print';
import { printInput } from '../print/print-sheet';
import { provincePrintInput } from '../rollup/province-print';
import { freePdfPath, slugOf, writeNoClobber } from '../services/print';

export interface ProvincePrintArgs {
  from: string;
  province: string;
  paper: string;
  crs?: string;
  orientation?: string;
  title?: string;
  date?: string;
  out?: string;
  schema?: string;
}

export async function printProvince(a: ProvincePrintArgs): Promise<void> {
  try {
    if (!(PAPER_NAMES as string[]).includes(a.paper)) throw new ApiError('validation', `Khổ giấy không hợp lệ: ${a.paper}`, `Bad paper: ${a.paper}`);
    const { input, districts } = await provincePrintInput({ url: a.from, province: a.province, ...(a.crs ? { crs: a.crs } : {}) });
    const settings = SheetSettingsSchema.parse({
      paper: a.paper as SheetSettingsInput['paper'],
      orientation: a.orientation === 'portrait' ? 'portrait' : 'landscape',
      scale: 'fit',
      area: { kind: 'all' },
      texts: { title: a.title ?? input.settings.title },
      ...(a.date ? { sheetDate: a.date } : {}),
    } satisfies SheetSettingsInput);
    const r = await printInput(input, settings, { series: false });
    const rep = r.reports[0];
    let path: string;
    if (a.out?.toLowerCase().endsWith('.pdf')) {
      path = resolve(a.out);
      if (existsSync(path)) throw new ApiError('conflict', `Tệp đã có, không ghi đè: ${path}`, `File exists, not overwritten: ${path}`);
    } else path = freePdfPath(resolve(a.out ?? '.'), slugOf(`tong hop ${a.province}`));
    writeNoClobber(path, r.bytes);
    console.log(`Đã in / printed: ${path}  (${a.paper}, 1:${rep.scale}, ${districts.length} huyện / districts: ${districts.join(', ')}, ${input.communes.length} xã / communes)`);
    for (const w of rep.warnings) console.log(`  ! ${w.vi} / ${w.en}`);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    console.error(`Lỗi / error: ${e.vi}\n${e.en}`);
    process.exitCode = 1;
  }
}
