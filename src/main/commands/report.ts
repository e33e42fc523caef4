// quytap report <project.gpkg> (--commune <code|name> | --district) [--format pdf|docx] [--no-map] --out report.pdf
// The campaign's reports from the command line: a commune's evaluation report or the district
// summary, the same content as the app's (src/main/campaign), read-only on the project file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mapFigure } from '../campaign/map-figure';
import { reportContent } from '../campaign/report-content';
import { reportData } from '../campaign/report-data';
import { reportDocx } from '../campaign/report-docx';
import { reportPdf } from '../campaign/report-pdf';
import { ProjectStore } from '../store';
import { parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap report <tệp.gpkg> --commune <mã|tên> [--format pdf|docx] [--no-map] --out báo-cáo.pdf
  quytap report <tệp.gpkg> --district [--format pdf|docx] [--no-map] --out tổng-hợp.docx
  Báo cáo đánh giá rút kinh nghiệm của xã, hoặc báo cáo tổng hợp của huyện: phiếu mẫu 01, kết luận
  địa bàn, số liệu (như bảng thống kê của tờ in), tiến độ, bản đồ. Định dạng theo --format, mặc
  định theo đuôi tệp --out.
  A commune's evaluation report or the district summary: forms 01, conclusions, the sheet's
  statistics, progress, the map. Format from --format, else from the --out file's extension.`;

function fail(msg: string): never {
  console.error(`${msg}\n\n${USAGE}`);
  process.exit(2);
}

export async function reportCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(
    args,
    { commune: { type: 'string' }, district: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, 'no-map': { type: 'boolean' } },
    USAGE,
  );
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail('Cần đúng một tệp dự án / one project file is needed');
  if (!values.out) fail('Thiếu --out / --out is missing');
  if (!!values.commune === !!values.district) fail('Chọn đúng một: --commune hoặc --district / choose exactly one of --commune, --district');
  const format = values.format ?? (/\.docx$/i.test(values.out) ? 'docx' : 'pdf');
  if (format !== 'pdf' && format !== 'docx') fail(`--format là pdf hoặc docx / --format is pdf or docx: ${format}`);
  const store = ProjectStore.open(resolve(positionals[0]!), { access: 'read' });
  try {
    let code: string | null = null;
    if (values.commune) {
      const want = values.commune.trim().normalize('NFC').toLocaleLowerCase('vi');
      const c = store.getSettings().communes.find((x) => x.code === values.commune || x.name.normalize('NFC').toLocaleLowerCase('vi') === want);
      if (!c) fail(`Dự án không có xã "${values.commune}" / no commune "${values.commune}". Có / known: ${store.getSettings().communes.map((x) => `${x.code} ${x.name}`).join(', ')}`);
      code = c.code;
    }
    const figure = values['no-map'] ? null : mapFigure(store, code);
    const content = reportContent(reportData(store, code), figure !== null);
    const bytes = format === 'pdf' ? reportPdf(content, figure) : await reportDocx(content, figure);
    writeFileSync(resolve(values.out), bytes);
    console.log(`${resolve(values.out)} (${format}, ${bytes.length.toLocaleString('vi-VN')} byte)`);
  } finally {
    store.close();
  }
}
