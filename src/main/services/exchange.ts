// Handlers of the exchange methods (src/shared/contract/exchange.ts). Paths never come from the
// renderer: names are resolved inside the imports folder (projects folder/imports) and the exports
// folder (beside the open project), and anything that escapes them is refused.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { ApiError } from '../../shared/api';
import type { exchangeMethods } from '../../shared/contract/exchange';
import { EXPORT_EXTENSION } from '../io/export-formats';
import { runExport } from '../io/export-run';
import { fileFromPath, filesForPath } from '../io/files';
import { runImport } from '../io/import-run';
import { invalidGeometries, previewImport } from '../io/preview';
import type { InputFile } from '../io/types';
import { applyMerge, planMerge } from '../io/package-merge';
import { ProjectStore } from '../store';
import type { Row } from '../../shared/model';
import type { HandlersFor, ServiceContext } from './context';
import { exportsDir, freeName, importsDir, inside } from './user-folders';
import { guardEdit } from './review';

function importFiles(ctx: ServiceContext, names: string[]): InputFile[] {
  const dir = importsDir(ctx);
  const out = new Map<string, InputFile>();
  for (const n of names) {
    const p = inside(dir, n);
    if (!existsSync(p)) throw new ApiError('not_found', `Không có tệp "${n}" trong thư mục nhập.`, `No file "${n}" in the imports folder.`);
    // A .shp named alone brings its .dbf/.shx/.prj/.cpg from the same folder.
    for (const f of /\.shp$/i.test(n) ? filesForPath(p) : [fileFromPath(p)]) out.set(f.name, f);
  }
  return [...out.values()];
}

function listDir(dir: string) {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && !f.includes('.part-'))
    .map((f) => {
      const st = statSync(join(dir, f));
      return { name: f, size: st.size, modified: st.mtime.toISOString(), isFile: st.isFile() };
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
      const bytes = Buffer.from(input.dataBase64, 'base64');
      const name = freeName(dir, basename(input.name));
      writeFileSync(inside(dir, name), bytes, { flag: 'wx' });
      return { name, size: bytes.length };
    },
    'exchange.preview': async (input) => {
      const store = ctx.need();
      return previewImport(importFiles(ctx, input.files), { ...input, workingCrs: store.crs.code });
    },
    'exchange.invalid': async (input) => {
      const store = ctx.need();
      return invalidGeometries(importFiles(ctx, input.files), { ...input, workingCrs: store.crs.code });
    },
    'exchange.import': (input) => {
      const store = ctx.need();
      const files = importFiles(ctx, input.files);
      const author = ctx.author();
      const job = ctx.jobs.start(
        'exchange.import',
        async (progress, signal) => {
          const out = await runImport(store, files, input, { ...input, author, signal, progress, beforeWrite: (edit) => guardEdit(ctx, edit) });
          ctx.changed([input.table], out.result.editId);
          return out.prepared;
        },
        { message: `Nhập ${input.files[0]}` },
      );
      return { job: job.job };
    },
    'exchange.export': (input) => {
      const store = ctx.need();
      const dir = exportsDir(ctx);
      const base = input.fileName ?? `${basename(ctx.projectPath(), '.gpkg')}-${stamp()}.${EXPORT_EXTENSION[input.format]}`;
      const fileName = freeName(dir, base);
      const author = ctx.author();
      const job = ctx.jobs.start(
        'exchange.export',
        (progress, signal) => runExport(store, input.format, { tables: input.tables, communes: input.communes, statuses: input.statuses }, join(dir, fileName), { author, signal, progress }),
        { message: `Xuất ${fileName}` },
      );
      return { job: job.job, fileName, url: `/bin/exports/${encodeURIComponent(fileName)}` };
    },
    'exchange.packageExport': (input) => {
      const store = ctx.need();
      const dir = exportsDir(ctx);
      const tag = input.communes ? input.communes.join('-') : 'toan-bo';
      const fileName = freeName(dir, `goi-${basename(ctx.projectPath(), '.gpkg')}-${tag}-${stamp()}.gpkg`.slice(0, 190));
      const info = store.exchange().writePackage(join(dir, fileName), input.communes, { author: ctx.author(), source: basename(ctx.projectPath()) });
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
        const r = applyMerge(store, plan, input.decisions, ctx.author(), input.file, (edit) => guardEdit(ctx, edit));
        if (r) ctx.changed([...new Set(r.rows.map((x) => x.table))], r.editId);
        return { applied: r?.rows.length ?? 0, editId: r?.editId ?? null };
      });
    },
  };
}

/** Opens a package from the imports folder (a copy: opening a project may write to it). */
function withPackage<T>(ctx: ServiceContext, file: string, f: (pkg: ProjectStore) => T): T {
  const [src] = importFiles(ctx, [file]);
  const tmp = mkdtempSync(join(tmpdir(), 'quytap-pkg-'));
  try {
    const copy = join(tmp, 'package.gpkg');
    copyFileSync(src!.path!, copy);
    const pkg = ProjectStore.open(copy);
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
  let file: string;
  try {
    file = inside(exportsDir(ctx), name);
  } catch {
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('not found') };
  }
  if (!existsSync(file)) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from('not found') };
  return {
    status: 200,
    headers: {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
    body: readFileSync(file),
  };
}
