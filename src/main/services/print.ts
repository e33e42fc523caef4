// Handlers of the print methods (src/shared/contract/print.ts).
import { mkdirSync, writeFileSync, existsSync, renameSync, rmSync, linkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { printMethods } from '../../shared/contract/print';
import { planSheet, SheetSettingsSchema } from '../../shared/print';
import { gatherPrintInput } from '../print/print-data';
import { printInput, sheetMeasure } from '../print/print-sheet';
import { projectBaseMaps } from '../print/raster/project-base-maps';
import { chooseBaseMaps, composeWithBaseMaps, openAll } from '../print/raster/sheet-base-maps';
import type { HandlersFor, ServiceContext } from './context';
import { nameTaken, readServable, safeFileName, writePathIn } from './safe-names';
import { slugify } from '../../shared/text/fold';
import type { ProjectSettings } from '../../shared/model';
import type { SheetSettings } from '../../shared/print';

/** Where printed sheets go: a folder next to the project file (decided here, never by the renderer). */
export const PRINT_FOLDER = 'ban-in';

const PREVIEW_DPI = 96;

export function slugOf(title: string): string {
  return slugify(title, 80, 'to-in');
}

/** A free path for `name` in `dir`: name.pdf, name-2.pdf, … (an existing file, or link, is never replaced). */
export function freePdfPath(dir: string, name: string): string {
  const stem = name.replace(/\.pdf$/i, '');
  for (let i = 1; i < 10_000; i++) {
    const n = `${stem}${i === 1 ? '' : `-${i}`}.pdf`;
    if (!nameTaken(dir, n)) return join(dir, n);
  }
  throw new ApiError('conflict', 'Không tìm được tên tệp còn trống.', 'No free file name found.');
}

/** Writes under a temporary name, then links into place without clobbering. */
export function writeNoClobber(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.writing`);
  // A leftover piece (or a link put there) is removed, not written through: 'wx' creates it anew.
  rmSync(tmp, { force: true });
  writeFileSync(tmp, bytes, { flag: 'wx' });
  try {
    linkSync(tmp, path);
    rmSync(tmp, { force: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      rmSync(tmp, { force: true });
      throw new ApiError('conflict', `Tệp "${basename(path)}" đã có; không ghi đè.`, `"${basename(path)}" already exists; not overwritten.`);
    }
    // File systems without hard links (FAT32 USB sticks).
    if (existsSync(path)) throw e;
    renameSync(tmp, path);
  }
}

/** Which communes a sheet shows, for its file name: the area's (codes or names), else the project's. */
function sheetCommuneSlug(settings: SheetSettings, project: ProjectSettings): string {
  const area = settings.area;
  const named =
    area.kind === 'communes'
      ? area.communes.map((c) => project.communes.find((u) => u.code === c || u.name === c)?.name ?? c)
      : project.communes.map((u) => u.name);
  const names = named.filter(Boolean);
  if (names.length === 1) return slugOf(names[0]!);
  if (names.length === 2) return `${slugOf(names[0]!)}-${slugOf(names[1]!)}`;
  if (area.kind !== 'communes' && project.district?.name) return slugOf(project.district.name);
  if (names.length > 2) return `${slugOf(names[0]!)}-va-${names.length - 1}-xa`;
  return slugOf(project.title);
}

/**
 * `ban-do-<commune>-<paper>-1-<scale>-to-<sheet>` (or `-so-do-chi-dan` for a series' index sheet,
 * `-bo-<n>-to` for a whole series): a folder of prints reads as a list of sheets without opening one.
 */
export function printStem(settings: SheetSettings, project: ProjectSettings, report: { scale: number; sheet: number; sheets: number }, series: boolean): string {
  const head = `ban-do-${sheetCommuneSlug(settings, project)}-${settings.paper}-1-${Math.round(report.scale)}`;
  if (settings.index) return `${head}-so-do-chi-dan`;
  if (series && report.sheets > 1) return `${head}-bo-${report.sheets}-to`;
  return `${head}-to-${report.sheet}`;
}

/** GET /bin/prints/<name>: a printed PDF of the open project, as a download; null = not ours. */
export function printDownload(ctx: ServiceContext, path: string): { status: number; headers: Record<string, string>; body: Buffer } | null {
  if (!path.startsWith('prints/')) return null;
  const name = path.slice('prints/'.length);
  let body: Buffer | null = null;
  try {
    // Only a plain .pdf whose real path is in the print folder's: a link placed there is not followed.
    if (/\.pdf$/i.test(name)) body = readServable(join(dirname(ctx.projectPath()), PRINT_FOLDER), name);
  } catch {
    body = null;
  }
  if (!body) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('not found') };
  return {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` },
    body,
  };
}

export function printHandlers(ctx: ServiceContext): HandlersFor<typeof printMethods> {
  const layouts = () => ctx.need();
  return {
    'print.compose': async ({ settings }) => {
      const store = ctx.need();
      const input = gatherPrintInput(store);
      // The preview shows the base maps too, at screen resolution (the PDF gets the print's).
      const rasters = await openAll(await chooseBaseMaps(settings, projectBaseMaps(store)));
      return composeWithBaseMaps(input, settings, sheetMeasure(), rasters, { dpi: PREVIEW_DPI });
    },
    'print.pdf': async ({ settings, series, fileName }) => {
      const store = ctx.need();
      const input = gatherPrintInput(store);
      // Bad settings (and unknown base maps) fail here, at once, with their message; nothing is written.
      // Planned, not drawn: the job composes each sheet once.
      const plan = planSheet(input, settings, sheetMeasure());
      const first = { report: { scale: plan.frame.scale, sheet: plan.sheet, sheets: plan.series.cells.length } };
      const baseMaps = projectBaseMaps(store);
      await chooseBaseMaps(settings, baseMaps);
      const dir = join(dirname(ctx.projectPath()), PRINT_FOLDER);
      mkdirSync(dir, { recursive: true });
      // The caller's name is cleaned (or refused) before anything is drawn; the path is the folder's real one.
      const stem = safeFileName(fileName ? fileName : printStem(settings, store.getSettings(), first.report, series));
      const path = writePathIn(dir, basename(freePdfPath(dir, stem)));
      const job = ctx.jobs.start(
        'print.pdf',
        async (progress, signal) => {
          const r = await printInput(input, settings, { series, signal, baseMaps, onProgress: (d, t, m) => progress(d, t, m) });
          writeNoClobber(writePathIn(dir, basename(path)), r.bytes);
          return { path, sheets: r.reports.length };
        },
        { message: `In ${basename(path)}` },
      );
      const name = basename(path);
      return { job: job.job, path, fileName: name, url: `/bin/prints/${encodeURIComponent(name)}` };
    },
    'print.layouts.list': () =>
      layouts().printLayouts((repo) =>
        repo.list().flatMap((l) => {
          const s = SheetSettingsSchema.safeParse(l.settings);
          return s.success ? [{ ...l, settings: s.data }] : [];
        }),
      ),
    'print.layouts.save': (input) => {
      const saved = layouts().printLayouts((repo) => repo.save(input, ctx.author()));
      return { ...saved, settings: SheetSettingsSchema.parse(saved.settings) };
    },
    'print.layouts.delete': ({ id }) => {
      layouts().printLayouts((repo) => repo.remove(id, ctx.author()));
      return { ok: true as const };
    },
  };
}
