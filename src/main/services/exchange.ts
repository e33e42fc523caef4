// Handlers of the exchange methods (src/shared/contract/exchange.ts). Paths never come from the
// renderer: names are resolved inside the imports folder (projects folder/imports) and the exports
// folder (beside the open project), and anything that escapes them is refused. Every file written
// gets its path from safe-names.ts (a cleaned name, checked in the folder's real path, never through a link).
import { lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { exchangeMethods } from '../../shared/contract/exchange';
import { EXPORT_EXTENSION } from '../io/export-formats';
import { runExport } from '../io/export-run';
import { copyFromFd } from '../io/files';
import { invalidGeometries, previewImport } from '../io/preview';
import { applyMerge, planMerge } from '../io/package-merge';
import { runImportInWorker } from '../jobs/import-in-worker';
import { ProjectStore } from '../store';
import type { Row } from '../../shared/model';
import type { HandlersFor, ServiceContext } from './context';
import { exportsDir, freeName, importsDir } from './user-folders';
import { openImportFiles, withImportFiles } from './import-files';
import { hardLinked, readServable, safeCommuneCode, safeFileName, writePathIn } from './safe-names';

/** Plain files of a folder: links, symbolic or hard, are left out (neither folder reads through one). */
function listDir(dir: string) {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && !f.includes('.part-'))
    .map((f) => {
      const st = lstatSync(join(dir, f));
      return { name: f, size: st.size, modified: st.mtime.toISOString(), isFile: st.isFile() && !hardLinked(st) };
    })
    .filter((f) => f.isFile)
    .map(({ isFile: _, ...f }) => f);
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export function exchangeHandlers(ctx: ServiceContext): HandlersFor<typeof exchangeMethods> {
  return {
    'exchange.files': () => {
      let exports: { name: string; size: number; modified: string; url: string }[] = [];
      try {
        exports = listDir(exportsDir(ctx)).map((f) => ({ ...f, url: `/bin/exports/${encodeURIComponent(f.name)}` }));
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'no_project')) throw e;
      }
      return { importsDir: importsDir(ctx), imports: listDir(importsDir(ctx)), exports };
    },
    'exchange.upload': (input) => {
      const dir = importsDir(ctx);
      const name = freeName(dir, safeFileName(input.name));
      const path = writePathIn(dir, name);
      const bytes = Buffer.from(input.dataBase64, 'base64');
      writeFileSync(path, bytes, { flag: 'wx' });
      return { name, size: bytes.length };
    },
    'exchange.preview': async (input) => {
      const store = ctx.need();
      return withImportFiles(importsDir(ctx), input.files, (files) =>
        previewImport(files, { ...input, workingCrs: store.crs.code, rows: store, projectExtent: store.info().extent }),
      );
    },
    'exchange.invalid': async (input) => {
      const store = ctx.need();
      return withImportFiles(importsDir(ctx), input.files, (files) => invalidGeometries(files, { ...input, workingCrs: store.crs.code, projectExtent: store.info().extent }));
    },
    'exchange.import': (input) => {
      const store = ctx.need();
      const author = ctx.author();
      const operator = ctx.operator();
      // Held open from here to the job's end: the job reads what was checked now.
      const held = openImportFiles(importsDir(ctx), input.files);
      try {
        const job = ctx.jobs.start(
          'exchange.import',
          // In a worker thread (jobs/import-in-worker.ts): this thread keeps answering while it
          // writes. The worker reads the held fds (a process's fds are its threads' too); they are
          // closed only once it has ended or closed its connection.
          async (progress, signal) => {
            try {
              const out = await runImportInWorker(store, held.files, input, { ...input, author, operator, signal, progress });
              ctx.changed([input.table], out.result.editId);
              return out.prepared;
            } finally {
              held.close();
            }
          },
          { message: `Nhập ${input.files[0]}` },
        );
        return { job: job.job };
      } catch (e) {
        held.close(); // the job never started
        throw e;
      }
    },
    'exchange.export': (input) => {
      const store = ctx.need();
      const dir = exportsDir(ctx);
      const base = safeFileName(input.fileName ?? `${basename(ctx.projectPath(), '.gpkg')}-${stamp()}.${EXPORT_EXTENSION[input.format]}`);
      const fileName = freeName(dir, base);
      writePathIn(dir, fileName); // refused now, before the job starts
      const author = ctx.author();
      const job = ctx.jobs.start(
        'exchange.export',
        // The path is taken again when the job writes: a link put there meanwhile is refused too.
        (progress, signal) => runExport(store, input.format, { tables: input.tables, communes: input.communes, statuses: input.statuses }, writePathIn(dir, fileName), { author, signal, progress }),
        { message: `Xuất ${fileName}` },
      );
      return { job: job.job, fileName, url: `/bin/exports/${encodeURIComponent(fileName)}` };
    },
    'exchange.packageExport': (input) => {
      const store = ctx.need();
      const dir = exportsDir(ctx);
      const fileName = freeName(dir, safeFileName(`goi-${basename(ctx.projectPath(), '.gpkg')}-${packageTag(input.communes)}-${stamp()}.gpkg`));
      const info = store.exchange().writePackage(writePathIn(dir, fileName), input.communes, { author: ctx.author(), source: basename(ctx.projectPath()) });
      return { fileName, url: `/bin/exports/${encodeURIComponent(fileName)}`, packageId: info.id };
    },
    'exchange.packagePreview': (input) => {
      const store = ctx.need();
      return withPackage(ctx, input.file, (pkg) => {
        const plan = planMerge(store, pkg);
        const side = (r: Row) => ({ props: r.props, geometry: r.geometry, deleted: r.meta.deleted, updatedAt: r.meta.updatedAt, updatedBy: r.meta.updatedBy });
        return {
          packageId: plan.packageId,
          communes: plan.communes,
          unchanged: plan.unchanged,
          changes: plan.changes.map((c) => ({ kind: c.kind, table: c.table, id: c.id, name: (c.theirs.props.name ?? c.theirs.props.full_name ?? null) as string | null })),
          conflicts: plan.conflicts.map((c) => ({ table: c.table, id: c.id, needsRestore: c.needsRestore, ours: side(c.ours), theirs: side(c.theirs) })),
        };
      });
    },
    'exchange.packageImport': (input) => {
      const store = ctx.need();
      return withPackage(ctx, input.file, (pkg) => {
        const plan = planMerge(store, pkg);
        const r = applyMerge(store, plan, input.decisions, ctx.author(), input.file);
        if (r) ctx.changed([...new Set(r.rows.map((x) => x.table))], r.editId);
        return { applied: r?.rows.length ?? 0, editId: r?.editId ?? null };
      });
    },
  };
}

/** The communes part of a package's name: the codes (checked again here), the first three and a count past that. */
function packageTag(communes: string[] | null): string {
  if (!communes) return 'toan-bo';
  const codes = communes.map(safeCommuneCode);
  return codes.length <= 3 ? codes.join('-') : `${codes.slice(0, 3).join('-')}-va-${codes.length - 3}-xa-khac`;
}

/** Opens a package from the imports folder (a copy, made through the checked fd: opening a project may write to it). */
function withPackage<T>(ctx: ServiceContext, file: string, f: (pkg: ProjectStore) => T): T {
  const held = openImportFiles(importsDir(ctx), [file]);
  let tmp: string;
  try {
    tmp = mkdtempSync(join(tmpdir(), 'quytap-pkg-'));
    copyFromFd(held.files[0]!.fd!, join(tmp, 'package.gpkg'));
  } finally {
    held.close();
  }
  try {
    const pkg = ProjectStore.open(join(tmp, 'package.gpkg'));
    try {
      return f(pkg);
    } finally {
      pkg.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const MIME: Record<string, string> = {
  '.geojson': 'application/geo+json',
  '.kml': 'application/vnd.google-earth.kml+xml',
  '.gpx': 'application/gpx+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.gpkg': 'application/geopackage+sqlite3',
};

/** GET /bin/exports/<name>: a finished export of the open project, as a download; null = not ours. */
export function exportDownload(ctx: ServiceContext, path: string): { status: number; headers: Record<string, string>; body: Buffer } | null {
  if (!path.startsWith('exports/')) return null;
  const name = path.slice('exports/'.length);
  // One answer for "missing" and "a link" (symbolic or hard): nothing says what a link points at.
  const notFound = {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: Buffer.from(
      'Không có tệp này trong thư mục xuất, hoặc đó là một liên kết (QuyTap không gửi tệp qua liên kết): hãy xuất lại.\n' +
        'No such file in the exports folder, or it is a link (QuyTap does not serve files through links): export it again.\n',
    ),
  };
  let body: Buffer | null;
  try {
    // Only a plain file whose real path is in the exports folder's: a link placed there is not followed.
    body = readServable(exportsDir(ctx), name);
  } catch {
    return notFound;
  }
  if (!body) return notFound;
  return {
    status: 200,
    headers: {
      'content-type': MIME[extname(name).toLowerCase()] ?? 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
    body,
  };
}
