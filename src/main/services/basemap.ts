// Handlers of the base-map methods and the base-map part of the binary responder.
// Files come only from the imports folder (projects folder/imports); pixels leave through
// /bin/basemaps/… (see src/shared/contract/basemap.ts).
import { closeSync, constants, existsSync, lstatSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api-error';
import {
  OSM_ATTRIBUTION,
  OSM_URL_TEMPLATE,
  onlineUrlProblem,
  type Basemap,
  type basemapMethods,
  type OnlineBasemap,
} from '../../shared/contract/basemap';
import { findCrs } from '../../shared/crs/catalogue';
import type { BinaryResponse } from '../http/range';
import { addBasemapFile, inspectBasemapFile } from '../basemaps/add-basemap';
import { sniffTile, TILE_MIME } from '../basemaps/image-format';
import { OnlineTiles } from '../basemaps/online-tiles';
import { rangedResponse } from '../basemaps/ranged';
import type { BasemapRecord, OnlineConfigJson } from '../store/basemap-repo';
import type { HandlersFor, ServiceContext } from './context';
import { freeName, importsDir, inside } from './user-folders';
import { refuseLinked, safeFileName, writePathIn } from './safe-names';

export const ONLINE_DEFAULTS: OnlineConfigJson = { enabled: false, url: OSM_URL_TEMPLATE, attribution: OSM_ATTRIBUTION, visible: true, opacity: 1 };
/** A base map bigger than this is better added with `quytap basemap add` than uploaded. */
const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

const onlineByCtx = new WeakMap<ServiceContext, OnlineTiles>();
const onlineOf = (ctx: ServiceContext) => {
  let o = onlineByCtx.get(ctx);
  if (!o) onlineByCtx.set(ctx, (o = new OnlineTiles()));
  return o;
};

export function toApiBasemap(r: BasemapRecord): Basemap {
  const def = findCrs(r.crsCode);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    format: r.format,
    crs: { code: r.crsCode, name: def?.name ?? r.crsCode, nameEn: def?.nameEn ?? r.crsCode, proj4: r.crsProj4 },
    extent: r.extent,
    extentWgs84: r.wgs84,
    minZoom: r.minZoom,
    maxZoom: r.maxZoom,
    tileSize: r.tileSize,
    width: r.info.width ?? null,
    height: r.info.height ?? null,
    bands: r.info.bands ?? null,
    stats: r.info.stats ?? null,
    palette: r.info.palette ?? null,
    table: r.tilesTable,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    sourceFile: r.sourceFile,
    addedAt: r.addedAt,
    addedBy: r.addedBy,
    visible: r.visible,
    opacity: r.opacity,
    position: r.position,
    path: r.kind === 'tiles' ? `basemaps/${r.id}/{z}/{x}/{y}` : `basemaps/${r.id}/file.tif`,
  };
}

/** Hidden names are refused too: they are the upload pieces (".….part-basemap") still being written. */
function insideVisible(dir: string, name: string): string {
  if (name.startsWith('.')) throw new ApiError('forbidden', `Tên tệp không hợp lệ: ${name}`, `Invalid file name: ${name}`);
  return inside(dir, name);
}

function importFile(ctx: ServiceContext, name: string): string {
  const p = insideVisible(importsDir(ctx), name);
  refuseLinked(p, name);
  if (!existsSync(p) || !statSync(p).isFile())
    throw new ApiError('not_found', `Không có tệp "${name}" trong thư mục nhập.`, `No file "${name}" in the imports folder.`);
  return p;
}

/** Pieces of uploads abandoned more than a day ago (a closed browser tab) are not kept forever. */
function removeStaleParts(dir: string): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const f of readdirSync(dir))
    if (f.startsWith('.') && f.endsWith('.part-basemap')) {
      try {
        if (statSync(join(dir, f)).mtimeMs < dayAgo) rmSync(join(dir, f), { force: true });
      } catch {
        // Gone meanwhile: nothing to do.
      }
    }
}

function checkCrsCode(code: string | undefined): void {
  if (code !== undefined && !findCrs(code)) throw new ApiError('validation', `Hệ tọa độ không có trong danh mục: ${code}`, `CRS not in the catalogue: ${code}`);
}

function onlineApi(ctx: ServiceContext, cfg: OnlineConfigJson): OnlineBasemap {
  const o = onlineOf(ctx);
  return {
    ...cfg,
    path: 'basemaps/online/{z}/{x}/{y}',
    status: { ...o.currentStatus(cfg.enabled), cachedTiles: o.cachedCount(ctx.projectPath(), cfg.url) },
  };
}

export function basemapHandlers(ctx: ServiceContext): HandlersFor<typeof basemapMethods> {
  return {
    'basemaps.list': () => {
      const store = ctx.need();
      const items = store.basemaps((r) => r.list()).map(toApiBasemap);
      return { items, online: onlineApi(ctx, store.basemaps((r) => r.online(ONLINE_DEFAULTS))) };
    },
    'basemaps.uploadChunk': (input) => {
      const dir = importsDir(ctx);
      // Hidden while incomplete ('.' prefix and '.part-'), so no file list shows half a file.
      const part = join(dir, `.${input.uploadId}.part-basemap`);
      // The name is checked with the first piece, not after gigabytes have come.
      const name = safeFileName(input.name);
      if (input.offset === 0) removeStaleParts(dir);
      const have = existsSync(part) ? lstatSync(part).size : 0;
      if (input.offset !== have)
        throw new ApiError('conflict', `Tải tệp lên bị gián đoạn (đã nhận ${have} byte, phần này bắt đầu ở ${input.offset}). Hãy tải lại.`, `Upload out of step (have ${have} bytes, this piece starts at ${input.offset}). Upload again.`, { have });
      const bytes = Buffer.from(input.dataBase64, 'base64');
      if (have + bytes.length > MAX_UPLOAD_BYTES) {
        rmSync(part, { force: true });
        throw new ApiError('too_large', 'Tệp quá lớn để tải lên (tối đa 4 GB); hãy dùng lệnh "quytap basemap add".', 'File too large to upload (4 GB at most); use "quytap basemap add".');
      }
      // Appended without following a link: a piece is only ever a plain file of ours.
      const fd = openSync(part, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0), 0o666);
      try {
        writeSync(fd, bytes);
      } finally {
        closeSync(fd);
      }
      const received = have + bytes.length;
      if (!input.last) return { received, name: null };
      const kept = freeName(dir, name);
      renameSync(part, writePathIn(dir, kept));
      return { received, name: kept };
    },
    'basemaps.inspect': async (input) => {
      ctx.need();
      checkCrsCode(input.crsCode);
      return inspectBasemapFile(importFile(ctx, input.file), input.crsCode);
    },
    'basemaps.add': (input) => {
      const store = ctx.need();
      checkCrsCode(input.crsCode);
      const path = importFile(ctx, input.file);
      const author = ctx.author();
      const job = ctx.jobs.start(
        'basemaps.add',
        async (progress, signal) => {
          const rec = await addBasemapFile(store, path, { name: input.name, crsCode: input.crsCode, author, signal, progress });
          ctx.changed([], null);
          return rec.id;
        },
        { message: `Thêm bản đồ nền ${input.file}` },
      );
      return { job: job.job };
    },
    'basemaps.update': (input) => {
      const { id, ...patch } = input;
      const r = toApiBasemap(ctx.need().basemaps((repo) => repo.update(id, patch, ctx.author())));
      // Visibility and opacity are view state: no 'project.changed' for every step of a slider
      // (it would make every window reload the project's info and drop its selection).
      if (patch.name !== undefined) ctx.changed([], null);
      return r;
    },
    'basemaps.reorder': (input) => {
      return ctx.need().basemaps((repo) => repo.reorder(input.ids)).map(toApiBasemap);
    },
    'basemaps.remove': (input) => {
      ctx.need().basemaps((repo) => repo.remove(input.id, ctx.author()));
      ctx.changed([], null);
      return { ok: true as const };
    },
    'basemaps.online.set': (input) => {
      const store = ctx.need();
      const before = store.basemaps((r) => r.online(ONLINE_DEFAULTS));
      const next: OnlineConfigJson = {
        enabled: input.enabled,
        url: input.url ?? before.url,
        attribution: input.attribution ?? before.attribution,
        visible: input.visible ?? before.visible,
        opacity: input.opacity ?? before.opacity,
      };
      const problem = onlineUrlProblem(next.url);
      if (problem) throw new ApiError('validation', problem.vi, problem.en, { url: next.url });
      const saved = store.basemaps((r) => r.setOnline(next, ONLINE_DEFAULTS, ctx.author()));
      if (before.url !== saved.url || !before.enabled) onlineOf(ctx).resetStatus();
      ctx.changed([], null);
      return onlineApi(ctx, saved);
    },
  };
}

const notFound = (why: string): BinaryResponse => ({ status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from(why) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT = /^\d{1,9}$/;
const WHOLE_FILE_MAX = 256 * 1024 * 1024;

/** Answer /bin/basemaps/… requests; null when the path is not ours. */
export async function basemapBinary(ctx: ServiceContext, path: string, range: string | undefined): Promise<BinaryResponse | null> {
  if (!path.startsWith('basemaps/')) return null;
  const parts = path.slice('basemaps/'.length).split('/');
  let store;
  try {
    store = ctx.need();
  } catch {
    return notFound('no project open');
  }
  if (parts[0] === 'online' && parts.length === 4 && parts.slice(1).every((p) => INT.test(p))) {
    const [z, x, y] = parts.slice(1).map(Number) as [number, number, number];
    const cfg = store.basemaps((r) => r.online(ONLINE_DEFAULTS));
    return onlineOf(ctx).tile(ctx.projectPath(), cfg, z, x, y);
  }
  const id = parts[0] ?? '';
  if (!UUID.test(id)) return notFound('no such base map');
  const rec = store.basemaps((r) => r.get(id));
  if (!rec) return notFound('no such base map');
  if (rec.kind === 'geotiff' && parts.length === 2 && parts[1] === 'file.tif') {
    // Readers ask for ranges; a whole multi-hundred-MB raster in one answer would only fill memory.
    if (!range && rec.sizeBytes > WHOLE_FILE_MAX) return { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Accept-Ranges': 'bytes' }, body: Buffer.from('ask for byte ranges') };
    return rangedResponse(rec.sizeBytes, range, (offset, length) => store.basemaps((r) => r.read(id, offset, length)), {
      'Content-Type': 'image/tiff',
      ETag: `"${rec.sha256}"`,
    });
  }
  if (rec.kind === 'tiles' && parts.length === 4 && parts.slice(1).every((p) => INT.test(p))) {
    const [z, x, y] = parts.slice(1).map(Number) as [number, number, number];
    const tile = store.basemaps((r) => r.tile(id, z, x, y));
    if (!tile) return notFound('no tile here');
    const f = sniffTile(tile);
    return { status: 200, headers: { 'Content-Type': f && f !== 'gzip' ? TILE_MIME[f] : 'application/octet-stream' }, body: tile };
  }
  return notFound('no such base-map resource');
}
