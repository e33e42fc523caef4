// quytap print <project.gpkg> --commune <code|name> … | --all-communes | --district | --extent x0,y0,x1,y1
//   [--paper A3] [--orientation landscape|portrait] [--scale 10000|fit] [--series] [--title "…"]
//   [--out file.pdf | --out-dir folder]
// Prints vector PDF sheets from the command line with the same composer and PDF backend as the app.
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api-error';
import { PAPER_NAMES, SheetSettingsSchema, sheetOfSeriesWarning, type ComposeReport, type SheetSettingsInput } from '../../shared/print';
import { gatherPrintInput } from '../print/print-data';
import { printInput, printSheet } from '../print/print-sheet';
import { freePdfPath, slugOf, writeNoClobber } from '../services/print';
import { ProjectStore } from '../store';
import { openRasterFile, type FileRasterSource } from '../print/raster/file-sources';
import { projectBaseMaps } from '../print/raster/project-base-maps';
import { parseCommandArgs } from './common';
import { printProvince } from './print-province';

const USAGE = `Cách dùng / usage:
  quytap print <tệp.gpkg> --commune <mã|tên> [--commune …] --out tờ.pdf
  quytap print <tệp.gpkg> --district --out tờ.pdf          (mọi xã của dự án trên một tờ / all communes on one sheet)
  quytap print <tệp.gpkg> --all-communes [--out-dir thư-mục] (mỗi xã một tệp / one PDF per commune)
  quytap print --from postgresql://… --province <tên|mã> [--crs EPSG:…] --out tờ.pdf
                                                (tờ tổng hợp tỉnh từ CSDL tỉnh, mặc định A0 / the province overview from the
                                                province database, A0 by default; docs/ROLLUP.md)
  quytap print <tệp.gpkg> --extent E1,N1,E2,N2 --out tờ.pdf  (một vùng theo tọa độ phẳng của dự án, mét: Đông nhỏ, Bắc nhỏ, Đông lớn, Bắc lớn /
                                                          an extent in the project's plane coordinates, metres: east min, north min, east max, north max)
  Tùy chọn / options: --paper A0|A1|A2|A3|A4 (A3) --orientation landscape|portrait (landscape)
                      --scale 500…1000000|fit (fit) --series (mọi tờ của bộ / every sheet) --title "…"
                      --map-date YYYY-MM-DD (địa giới, địa danh theo ngày này / boundaries and names as of that date)
                      --date YYYY-MM-DD (ngày lập in trên tờ / the date printed on the sheet)
                      --grid-labels km|m (km: hai số cuối in lớn, như bản đồ địa hình / last two km digits large, as on topographic maps (default);
                      m: ghi đủ mét / full metres)
                      --grid-step 1000 (khoảng lưới km, mét; mặc định theo tỷ lệ / grid interval in metres; default by scale)
                      --basemap ảnh.tif|ảnh.mbtiles (bản đồ nền in dưới bản đồ, lặp được / raster base map under the map, repeatable)
                      --no-project-basemaps (không in bản đồ nền của dự án / leave out the project's own base maps;
                      mặc định in các bản đồ nền đang hiện, như trong chương trình / default: the visible ones, as in the app)`;

function fail(msg: string): never {
  console.error(`${msg}\n\n${USAGE}`);
  process.exit(2);
}

/** `--extent 407000,1347000,456000,1388000`: four numbers, the first corner south-west of the second. */
function parseExtent(text: string): [number, number, number, number] {
  const v = text.split(/[,;\s]+/).filter(Boolean).map(Number);
  if (v.length !== 4 || !v.every(Number.isFinite) || v[2] <= v[0] || v[3] <= v[1])
    fail(`Vùng in phải là bốn số Đông nhỏ,Bắc nhỏ,Đông lớn,Bắc lớn (mét), ví dụ 407000,1347000,456000,1388000 / --extent must be four numbers east min,north min,east max,north max (metres): ${text}`);
  return v as [number, number, number, number];
}

export async function printCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(
    args,
    {
      commune: { type: 'string', multiple: true },
      'all-communes': { type: 'boolean' },
      district: { type: 'boolean' },
      extent: { type: 'string' },
      paper: { type: 'string' },
      from: { type: 'string' },
      province: { type: 'string' },
      crs: { type: 'string' },
      orientation: { type: 'string', default: 'landscape' },
      scale: { type: 'string', default: 'fit' },
      series: { type: 'boolean' },
      title: { type: 'string' },
      'map-date': { type: 'string' },
      date: { type: 'string' },
      'grid-labels': { type: 'string', default: 'km' },
      'grid-step': { type: 'string' },
      basemap: { type: 'string', multiple: true },
      'no-project-basemaps': { type: 'boolean' },
      out: { type: 'string' },
      'out-dir': { type: 'string' },
    },
    USAGE,
  );
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (values.from) {
    if (positionals.length || !values.province) fail('--from cần --province và không kèm tệp dự án / --from needs --province and no project file');
    return printProvince({ ...values, from: values.from, province: values.province!, paper: (values.paper ?? 'A0').toUpperCase() });
  }
  if (positionals.length !== 1) fail('Thiếu tệp dự án / missing project file');
  const paper = (values.paper ?? 'A3').toUpperCase();
  if (!(PAPER_NAMES as string[]).includes(paper)) fail(`Khổ giấy không hợp lệ / bad paper: ${values.paper}`);
  if (values.orientation !== 'landscape' && values.orientation !== 'portrait') fail(`Hướng giấy không hợp lệ / bad orientation: ${values.orientation}`);
  const scale = values.scale === 'fit' ? 'fit' : Number(values.scale.replace(/^1:/, '').replace(/[.,\s]/g, ''));
  if (scale !== 'fit' && !Number.isInteger(scale)) fail(`Tỷ lệ không hợp lệ / bad scale: ${values.scale}`);
  const gridLabels = values['grid-labels'];
  if (gridLabels !== 'km' && gridLabels !== 'm') fail(`Kiểu nhãn lưới phải là km hoặc m / --grid-labels must be km or m: ${gridLabels}`);
  const gridStep = values['grid-step'] === undefined ? undefined : Number(values['grid-step']);
  if (gridStep !== undefined && !(Number.isInteger(gridStep) && gridStep >= 100 && gridStep <= 100000))
    fail(`Khoảng lưới phải là số mét nguyên từ 100 đến 100000 / --grid-step must be whole metres from 100 to 100000: ${values['grid-step']}`);
  for (const d of [values['map-date'], values.date])
    if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) fail(`Ngày phải viết YYYY-MM-DD (ví dụ 2019-06-20) / a date must be YYYY-MM-DD: ${d}`);
  const extent = values.extent === undefined ? null : parseExtent(values.extent);
  const modes = [values.commune?.length ? 1 : 0, values['all-communes'] ? 1 : 0, values.district ? 1 : 0, extent ? 1 : 0].reduce((a, b) => a + b, 0);
  if (modes !== 1) fail('Chọn đúng một: --commune, --district, --all-communes hoặc --extent / choose exactly one of --commune, --district, --all-communes, --extent');

  const store = ProjectStore.open(resolve(positionals[0]), { access: 'read' }); // a reader: works while the app has it open
  const basemapFiles: FileRasterSource[] = [];
  try {
    for (const f of values.basemap ?? []) {
      const b = await openRasterFile(resolve(f));
      basemapFiles.push(b);
      for (const n of b.notes) console.log(`  ! ${b.source.name}: ${n.vi} / ${n.en}`);
    }
    // Every commune: the rows are read once for all the sheets. One sheet: printSheet reads them and
    // lets them go once the sheet is composed, before the PDF is drawn (a heavy sheet's peak memory).
    const input = values['all-communes'] ? gatherPrintInput(store) : null;
    const base: SheetSettingsInput = {
      paper: paper as SheetSettingsInput['paper'],
      orientation: values.orientation,
      scale,
      gridLabelStyle: gridLabels,
      ...(gridStep ? { gridStepM: gridStep } : {}),
      ...(values.title ? { texts: { title: values.title } } : {}),
      ...(values['map-date'] ? { mapDate: values['map-date'] } : {}),
      ...(values.date ? { sheetDate: values.date } : {}),
    };
    const jobs: { settings: SheetSettingsInput; out: string | null }[] = [];
    if (values['all-communes']) {
      const dir = resolve(values['out-dir'] ?? values.out ?? '.');
      mkdirSync(dir, { recursive: true });
      const codes = input!.settings.communes.length ? input!.settings.communes : input!.communes.map((c) => ({ code: String(c.props.code), name: String(c.props.name) }));
      for (const c of codes) jobs.push({ settings: { ...base, area: { kind: 'communes', communes: [c.code || c.name] } }, out: join(dir, `${slugOf(`xa ${c.name}`)}-${paper.toLowerCase()}`) });
    } else {
      const area = extent ? ({ kind: 'extent', extent } as const) : values.district ? ({ kind: 'all' } as const) : ({ kind: 'communes', communes: values.commune! } as const);
      jobs.push({ settings: { ...base, area }, out: values.out ? resolve(values.out) : null });
    }
    let failed = 0;
    for (const j of jobs) {
      try {
        const settings = SheetSettingsSchema.parse(j.settings);
        const o = { series: !!values.series, baseMaps: { ...(values['no-project-basemaps'] ? {} : projectBaseMaps(store)), sources: basemapFiles.map((b) => b.source) } };
        const r = input ? await printInput(input, settings, o) : await printSheet(store, settings, o);
        const rep = r.reports[0];
        // One sheet of a series would be a corner of the area, easy to take for the whole map.
        if (!values.series && rep.sheets > 1)
          throw new ApiError(
            'validation',
            `Vùng in không vừa một tờ ${paper} ở tỷ lệ 1:${rep.scale.toLocaleString('de-DE')} (cần ${rep.sheets} tờ). Dùng --series để in cả bộ, hoặc --scale fit, hoặc khổ giấy lớn hơn.`,
            `The area does not fit one ${paper} sheet at 1:${rep.scale} (${rep.sheets} sheets needed). Use --series for the whole series, or --scale fit, or a larger paper.`,
          );
        // An explicit file name is taken as it is (never over an existing file); otherwise a free name.
        let path: string;
        if (j.out?.toLowerCase().endsWith('.pdf')) {
          if (existsSync(j.out)) throw new ApiError('conflict', `Tệp đã có, không ghi đè: ${j.out}`, `File exists, not overwritten: ${j.out}`);
          path = j.out;
        } else if (j.out) path = freePdfPath(dirname(j.out), basename(j.out));
        else path = freePdfPath(process.cwd(), slugOf(rep.title));
        writeNoClobber(path, r.bytes);
        console.log(`Đã in / printed: ${path}  (${paper}, 1:${rep.scale}, ${r.reports.length}/${rep.sheets} tờ / sheets, ${(r.bytes.length / 1e6).toFixed(2)} MB)`);
        for (const w of sheetWarnings(r.reports, !!values.series)) console.log(`  ! ${w.vi} / ${w.en}`);
        for (const m of rep.mismatches) console.log(`  ≠ ${m.commune}: ${m.statistic} kết luận ${m.conclusion}, bản đồ ${m.map}`);
      } catch (e) {
        failed++;
        if (e instanceof ApiError) console.error(`Lỗi / error: ${e.vi} / ${e.en}`);
        else throw e;
      }
    }
    if (failed) process.exit(1);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    console.error(`Lỗi / error: ${e.vi} / ${e.en}`);
    process.exitCode = 1;
  } finally {
    for (const b of basemapFiles) b.close();
    store.close();
  }
}

/**
 * The warnings to print. A whole series printed: every sheet's "this is sheet k of n" says nothing
 * the printed line does not (n/n sheets), and each other warning names its sheet.
 */
export function sheetWarnings(reports: readonly ComposeReport[], series: boolean): { vi: string; en: string }[] {
  if (!series || reports.length < 2) return reports.flatMap((r) => r.warnings);
  return reports.flatMap((r) => {
    const own = sheetOfSeriesWarning(r.sheets, r.sheet);
    return r.warnings.filter((w) => w.en !== own.en).map((w) => ({ vi: `Tờ ${r.sheet}: ${w.vi}`, en: `Sheet ${r.sheet}: ${w.en}` }));
  });
}
