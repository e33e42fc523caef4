// Base-map figures: adding a 64 MB GeoTIFF and an MBTiles pyramid to a project (one transaction
// each), then serving them the way the map reads them — random 64 KiB ranges of the GeoTIFF (what
// geotiff.js asks for) and random tiles — through the same responder the HTTP server and Electron use.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addBasemapFile } from '../src/main/basemaps/add-basemap';
import { rangedResponse } from '../src/main/basemaps/ranged';
import { crsForStore } from '../src/main/services/crs';
import { ProjectStore } from '../src/main/store';
import { ProjectSettingsSchema } from '../src/shared/model';

const WORLD = join(process.cwd(), '../shared/data/real/rasterio-rasterio/world.byte.tif');

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function basemapsBench(): Promise<void> {
  if (spawnSync('sh', ['-c', 'command -v gdal_translate']).status !== 0) {
    console.log('gdal_translate not found: base-map bench skipped');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'quytap-bmbench-'));
  try {
    const tif = join(dir, 'big.tif');
    sh('gdal_translate', ['-q', '-outsize', '8000', '8000', '-co', 'TILED=YES', '-co', 'COMPRESS=NONE', WORLD, tif]);
    const mbt = join(dir, 'pyramid.mbtiles');
    sh('gdal_translate', ['-q', '-of', 'MBTiles', '-co', 'TILE_FORMAT=PNG', '-b', '1', '-b', '1', '-b', '1', '-scale', '0', '1', '40', '220', '-outsize', '8192', '0', WORLD, mbt]);
    sh('gdaladdo', ['-q', mbt]);
    const settings = ProjectSettingsSchema.parse({ title: 'bench', province: { name: 'Đắk Nông' } });
    const store = ProjectStore.create(join(dir, 'p.gpkg'), crsForStore('EPSG:9218').store, settings, 'bench');
    try {
      const opts = { author: 'bench', signal: new AbortController().signal, progress: () => undefined };
      let t = performance.now();
      const g = await addBasemapFile(store, tif, opts);
      const tifMs = performance.now() - t;
      const tifMb = statSync(tif).size / 2 ** 20;
      console.log(`add GeoTIFF ${tifMb.toFixed(0)} MB (hash + checks + one transaction): ${tifMs.toFixed(0)} ms (${(tifMb / (tifMs / 1000)).toFixed(0)} MB/s)`);
      t = performance.now();
      const m = await addBasemapFile(store, mbt, opts);
      const mbtMs = performance.now() - t;
      const tiles = store.basemaps((r) => r.get(m.id)!.info.tiles ?? 0);
      console.log(`add MBTiles ${(statSync(mbt).size / 2 ** 20).toFixed(1)} MB, ${tiles} tiles (every tile checked, one transaction): ${mbtMs.toFixed(0)} ms`);

      const reads: number[] = [];
      const size = g.sizeBytes;
      for (let i = 0; i < 2000; i++) {
        const start = Math.floor(Math.random() * (size - 65536));
        const s = performance.now();
        const res = rangedResponse(size, `bytes=${start}-${start + 65535}`, (o, l) => store.basemaps((r) => r.read(g.id, o, l)), {});
        reads.push(performance.now() - s);
        if (res.status !== 206 || res.body.length !== 65536) throw new Error('bad range answer');
      }
      const sorted = [...reads].sort((a, b) => a - b);
      console.log(
        `GeoTIFF 64 KiB range read (2,000 random, ${(g.info.chunkBytes ?? 0) / 1024} KiB chunks): median ${median(reads).toFixed(3)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(3)} ms, ` +
          `${((65536 * reads.length) / 2 ** 20 / (reads.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)} MB/s overall`,
      );

      const z = m.maxZoom!;
      const n = 2 ** z;
      const tileTimes: number[] = [];
      let found = 0;
      for (let i = 0; i < 2000; i++) {
        const s = performance.now();
        const tile = store.basemaps((r) => r.tile(m.id, z, Math.floor(Math.random() * n), Math.floor(Math.random() * n)));
        tileTimes.push(performance.now() - s);
        if (tile) found++;
      }
      console.log(`tile lookup at zoom ${z} (2,000 random, ${found} present): median ${median(tileTimes).toFixed(3)} ms`);
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
