// The online layer's tile cache stays bounded: past its size the least recently shown tiles go,
// and a tile shown again is kept.
import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OnlineTiles } from '../../../src/main/basemaps/online-tiles';

const dir = mkdtempSync(join(tmpdir(), 'quytap-online-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('online tile cache', () => {
  it('keeps at most its size, dropping the tiles shown least recently', async () => {
    let fetched = 0;
    const fake = (async () => {
      fetched++;
      return new Response(PNG, { status: 200 });
    }) as unknown as typeof fetch;
    const tiles = new OnlineTiles(fake, 10);
    const project = join(dir, 'p.gpkg');
    const cfg = { enabled: true, url: 'https://tiles.example.com/{z}/{x}/{y}.png' };
    const file = (x: number) => join(tiles.cacheDir(project, cfg.url), '5', String(x), '0.tile');
    for (let x = 0; x < 10; x++) expect((await tiles.tile(project, cfg, 5, x, 0)).status).toBe(200);
    expect(tiles.cachedCount(project, cfg.url)).toBe(10);
    // Tile x was last shown 100 - x seconds ago; then tile 0 is shown again.
    for (let x = 0; x < 10; x++) utimesSync(file(x), new Date(Date.now() - (100 - x) * 1000), new Date(Date.now() - (100 - x) * 1000));
    expect((await tiles.tile(project, cfg, 5, 0, 0)).status).toBe(200);
    expect(fetched).toBe(10); // from the cache
    // An eleventh tile: the cache goes down to nine, the two least recently shown gone.
    expect((await tiles.tile(project, cfg, 5, 10, 0)).status).toBe(200);
    expect(tiles.cachedCount(project, cfg.url)).toBe(9);
    expect(existsSync(file(0))).toBe(true);
    expect(existsSync(file(1))).toBe(false);
    expect(existsSync(file(2))).toBe(false);
    expect(existsSync(file(3))).toBe(true);
    expect(existsSync(file(10))).toBe(true);
    // A fresh count agrees with the kept one.
    expect(new OnlineTiles(fake, 10).cachedCount(project, cfg.url)).toBe(9);
  });
});
