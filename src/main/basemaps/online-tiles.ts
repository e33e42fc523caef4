// The optional online XYZ layer. The renderer never talks to the internet (its CSP allows only its
// own origin): main fetches each tile, keeps it in a cache folder beside the project, and answers
// from the cache first, so a tile seen once still shows in a hall without internet. When the
// server cannot be reached the tile is answered 504 and the status says why; nothing else breaks.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BinaryResponse } from '../http/range';
import { sniffTile, TILE_MIME } from './image-format';

export interface OnlineStatus {
  state: 'off' | 'unknown' | 'ok' | 'offline';
  message: { vi: string; en: string } | null;
  at: string | null;
}

const TIMEOUT_MS = 10_000;
/**
 * Tiles kept per URL template (~2 GB of 20 KB tiles: a district at every zoom to street level).
 * Past it the least recently shown tenth goes: a read marks a tile as shown (its mtime).
 */
export const DEFAULT_MAX_TILES = 100_000;
const USER_AGENT = 'QuyTap/0.1 (offline GIS for martyrs-remains search maps; tiles cached locally)';

const text = (status: number, body: string): BinaryResponse => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from(body) });

export class OnlineTiles {
  private status: OnlineStatus = { state: 'unknown', message: null, at: null };
  private readonly pending = new Map<string, Promise<BinaryResponse>>();

  constructor(
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly maxTiles = DEFAULT_MAX_TILES,
  ) {}

  /** `<project>-ban-do-nen-truc-tuyen/<hash of the URL template>/` beside the project file. */
  cacheDir(projectPath: string, template: string): string {
    const h = createHash('sha256').update(template).digest('hex').slice(0, 16);
    return join(dirname(projectPath), `${basename(projectPath, '.gpkg')}-ban-do-nen-truc-tuyen`, h);
  }

  currentStatus(enabled: boolean): OnlineStatus {
    return enabled ? this.status : { state: 'off', message: null, at: null };
  }

  private readonly counts = new Map<string, number>();

  /** Tiles in the cache of this URL template (what still shows offline); the folder is walked once. */
  cachedCount(projectPath: string, template: string): number {
    return this.countIn(this.cacheDir(projectPath, template));
  }

  private countIn(dir: string): number {
    let n = this.counts.get(dir);
    if (n === undefined) {
      n = tilesIn(dir).length;
      this.counts.set(dir, n);
    }
    return n;
  }

  /** Past maxTiles: the least recently shown tiles go until a tenth is free again. */
  private evict(dir: string): void {
    if (this.countIn(dir) <= this.maxTiles) return;
    const files = tilesIn(dir).map((f) => {
      const path = join(dir, f);
      try {
        return { path, at: statSync(path).mtimeMs };
      } catch {
        return { path, at: 0 };
      }
    });
    files.sort((a, b) => a.at - b.at);
    const keep = Math.floor(this.maxTiles * 0.9);
    for (const f of files.slice(0, Math.max(0, files.length - keep))) rmSync(f.path, { force: true });
    this.counts.set(dir, Math.min(files.length, keep));
  }

  resetStatus(): void {
    this.status = { state: 'unknown', message: null, at: null };
  }

  async tile(projectPath: string, cfg: { enabled: boolean; url: string }, z: number, x: number, y: number): Promise<BinaryResponse> {
    if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y) || z < 0 || z > 22 || x < 0 || y < 0 || x >= 2 ** z || y >= 2 ** z)
      return text(404, 'no such tile');
    // Off means nothing of the online layer shows, not even what the cache holds.
    if (!cfg.enabled) return text(404, 'the online base map is off');
    const file = join(this.cacheDir(projectPath, cfg.url), String(z), String(x), `${y}.tile`);
    if (existsSync(file)) {
      const body = readFileSync(file);
      const f = sniffTile(body);
      if (f && f !== 'gzip') {
        try {
          const now = new Date();
          utimesSync(file, now, now); // shown now: the last to be evicted
        } catch {
          /* a read-only cache still answers */
        }
        return { status: 200, headers: { 'Content-Type': TILE_MIME[f] }, body };
      }
    }
    const key = `${cfg.url}|${z}/${x}/${y}`;
    let p = this.pending.get(key);
    if (!p) {
      p = this.fetchTile(cfg.url, z, x, y, file).finally(() => this.pending.delete(key));
      this.pending.set(key, p);
    }
    return p;
  }

  private async fetchTile(template: string, z: number, x: number, y: number, file: string): Promise<BinaryResponse> {
    const url = template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
    const host = (() => {
      try {
        return new URL(url).host;
      } catch {
        return url;
      }
    })();
    let res: Response;
    try {
      res = await this.fetchImpl(url, { headers: { 'User-Agent': USER_AGENT, Accept: 'image/png,image/jpeg,image/webp,*/*;q=0.5' }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (e) {
      this.status = {
        state: 'offline',
        message: {
          vi: `Không kết nối được máy chủ bản đồ ${host} (không có mạng?). Chỉ hiện các ô ảnh đã lưu.`,
          en: `Cannot reach the map server ${host} (no internet?). Only tiles seen before are shown.`,
        },
        at: new Date().toISOString(),
      };
      return text(504, `offline: ${(e as Error).message}`);
    }
    if (res.status === 404) {
      this.status = { state: 'ok', message: null, at: new Date().toISOString() };
      return text(404, 'no tile here');
    }
    const body = Buffer.from(await res.arrayBuffer());
    const f = sniffTile(body);
    if (!res.ok || !f || f === 'gzip') {
      this.status = {
        state: 'offline',
        message: {
          vi: `Máy chủ bản đồ ${host} trả lời lỗi (${res.status}) hoặc không phải ảnh.`,
          en: `The map server ${host} answered with an error (${res.status}) or not an image.`,
        },
        at: new Date().toISOString(),
      };
      return text(502, `bad answer ${res.status}`);
    }
    const dir = dirname(dirname(dirname(file)));
    const added = !existsSync(file);
    const before = this.countIn(dir);
    mkdirSync(dirname(file), { recursive: true });
    // Written aside then renamed: a reader never sees half a tile.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, body);
    renameSync(tmp, file);
    if (added) this.counts.set(dir, before + 1);
    this.evict(dir);
    this.status = { state: 'ok', message: null, at: new Date().toISOString() };
    return { status: 200, headers: { 'Content-Type': TILE_MIME[f] }, body };
  }
}

/** The tile files under a cache folder (relative paths). */
function tilesIn(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.tile')) : [];
}
