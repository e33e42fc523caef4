// Inspecting and adding a base-map file. The slow, cancellable part (reading every tile or hashing
// the whole file, with progress) runs first and writes nothing; the copy into the project is then
// one transaction, so a broken file, a cancel or a crash leaves the project as it was.
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { ApiError } from '../../shared/api-error';
import type { BasemapInspect } from '../../shared/contract/basemap';
import { BASEMAP_CHUNK_BYTES } from '../../shared/contract/basemap';
import { CATALOGUE, findCrs } from '../../shared/crs/catalogue';
import type { ProgressFn } from '../jobs';
import type { ProjectStore } from '../store';
import type { BasemapRecord } from '../store/basemap-repo';
import { readHeader } from '../store/file-checks';
import { MbtilesFile, looksLikeSqlite } from '../store/mbtiles-file';
import { checkRasterTile, readMbtilesFacts } from './mbtiles-read';
import { looksLikeTiff, readGeotiffFacts } from './geotiff-read';

const WEB_MERCATOR = CATALOGUE.find((c) => c.code === 'EPSG:3857')!;

export function kindOf(path: string): 'tiles' | 'geotiff' {
  const h = readHeader(path, 16);
  if (looksLikeSqlite(h)) return 'tiles';
  if (looksLikeTiff(h)) return 'geotiff';
  throw new ApiError(
    'validation',
    `Tệp "${basename(path)}" không phải MBTiles hay GeoTIFF: bản đồ nền phải là tệp .mbtiles (ảnh PNG/JPEG/WebP) hoặc .tif (GeoTIFF, COG).`,
    `"${basename(path)}" is neither MBTiles nor GeoTIFF: a base map must be an .mbtiles file (PNG/JPEG/WebP tiles) or a .tif (GeoTIFF, COG).`,
    { path },
  );
}

const crsInfo = (c: { code: string; name: string; nameEn: string; proj4: string }) => ({ code: c.code, name: c.name, nameEn: c.nameEn, proj4: c.proj4 });

export async function inspectBasemapFile(path: string, crsCode?: string): Promise<BasemapInspect> {
  const sizeBytes = statSync(path).size;
  const file = basename(path);
  if (kindOf(path) === 'tiles') {
    const f = readMbtilesFacts(path);
    return {
      file,
      kind: 'tiles',
      format: f.format,
      name: f.name,
      sizeBytes,
      crs: crsInfo(WEB_MERCATOR),
      crsHow: { vi: 'MBTiles luôn ở Web Mercator (EPSG:3857).', en: 'MBTiles are always Web Mercator (EPSG:3857).' },
      needsCrs: false,
      extentWgs84: f.extentWgs84,
      minZoom: f.minZoom,
      maxZoom: f.maxZoom,
      width: null,
      height: null,
      bands: null,
      warnings: [],
    };
  }
  const g = await readGeotiffFacts(path, crsCode);
  return {
    file,
    kind: 'geotiff',
    format: 'tiff',
    name: file.replace(/\.(tiff?|gtiff)$/i, ''),
    sizeBytes,
    crs: g.crs ? crsInfo(g.crs) : null,
    crsHow: g.crsHow,
    needsCrs: g.crs === null,
    extentWgs84: g.extentWgs84,
    minZoom: null,
    maxZoom: null,
    width: g.width,
    height: g.height,
    bands: g.bands,
    warnings: g.warnings,
  };
}

async function sha256File(path: string, signal: AbortSignal, progress: ProgressFn, size: number): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  for await (const piece of createReadStream(path, { highWaterMark: BASEMAP_CHUNK_BYTES, signal })) {
    hash.update(piece as Buffer);
    done += (piece as Buffer).length;
    progress(done, size * 2, 'Đang đọc tệp · reading the file');
  }
  return hash.digest('hex');
}

function* fileChunks(path: string, size: number): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (let at = 0; at < size; at += BASEMAP_CHUNK_BYTES) {
      const b = Buffer.alloc(Math.min(BASEMAP_CHUNK_BYTES, size - at));
      const n = readSync(fd, b, 0, b.length, at);
      yield n === b.length ? b : b.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

const cancelled = () => new ApiError('cancelled', 'Đã hủy thêm bản đồ nền; dự án không thay đổi.', 'Adding the base map was cancelled; the project is unchanged.');

export interface AddOptions {
  name?: string;
  crsCode?: string;
  author: string;
  signal: AbortSignal;
  progress: ProgressFn;
}

export async function addBasemapFile(store: ProjectStore, path: string, opts: AddOptions): Promise<BasemapRecord> {
  const size = statSync(path).size;
  const sourceFile = basename(path);
  const id = randomUUID();
  const check = () => {
    if (opts.signal.aborted) throw cancelled();
  };
  if (kindOf(path) === 'tiles') {
    const facts = readMbtilesFacts(path);
    const sha256 = await sha256File(path, opts.signal, opts.progress, size);
    // Every tile is looked at before anything is written: a vector or broken tile refuses the file.
    const mb = MbtilesFile.open(path);
    try {
      let seen = 0;
      for (const batch of mb.batches()) {
        for (const t of batch) checkRasterTile(path, t);
        seen += batch.length;
        opts.progress(size + Math.round((seen / facts.count) * size), size * 2, `Kiểm tra ô ảnh ${seen}/${facts.count} · checking tiles`);
        await yieldToLoop();
        check();
      }
      return store.basemaps((repo) =>
        repo.addTiles(
          {
            id,
            name: opts.name ?? facts.name,
            kind: 'tiles',
            format: facts.format,
            crsCode: WEB_MERCATOR.code,
            crsProj4: WEB_MERCATOR.proj4,
            extent: facts.extent3857,
            wgs84: facts.extentWgs84,
            minZoom: facts.minZoom,
            maxZoom: facts.maxZoom,
            tileSize: facts.tileSize,
            sizeBytes: size,
            sha256,
            info: { tiles: facts.count },
            sourceFile,
          },
          () => mb.batches(2000),
          (t) => checkRasterTile(path, t),
          opts.author,
        ),
      );
    } finally {
      mb.close();
    }
  }

  const facts = await readGeotiffFacts(path, opts.crsCode, opts.signal);
  if (!facts.crs)
    throw new ApiError('validation', facts.crsHow.vi, facts.crsHow.en, { needsCrs: true, file: sourceFile });
  const crs = opts.crsCode ? findCrs(opts.crsCode)! : facts.crs;
  const sha256 = await sha256File(path, opts.signal, opts.progress, size);
  check();
  const chunks = Math.ceil(size / BASEMAP_CHUNK_BYTES);
  return store.basemaps((repo) =>
    repo.addGeotiff(
      {
        id,
        name: opts.name ?? sourceFile.replace(/\.(tiff?|gtiff)$/i, ''),
        kind: 'geotiff',
        format: 'tiff',
        crsCode: crs.code,
        crsProj4: crs.proj4,
        extent: facts.extent,
        wgs84: facts.extentWgs84!,
        minZoom: null,
        maxZoom: null,
        tileSize: null,
        sizeBytes: size,
        sha256,
        info: { width: facts.width, height: facts.height, bands: facts.bands, stats: facts.stats, palette: facts.palette, chunkBytes: BASEMAP_CHUNK_BYTES, chunks },
        sourceFile,
      },
      () => fileChunks(path, size),
      opts.author,
    ),
  );
}
