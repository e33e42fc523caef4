// Printing figure for raster base maps: the demo commune Nam Đà on A3 over a GeoTIFF base map in
// another CRS (WGS 84 / UTM 48N): an 8000 × 8000 RGB "scanned sheet" (6.25 m pixels, the commune's
// features burnt in colour over a tinted background) stored as a JPEG COG with overviews, and the
// same pixels as a plain tiled GeoTIFF without overviews (what an unprepared file costs).
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { printSheet } from '../src/main/print/print-sheet';
import { openRasterFile } from '../src/main/print/raster/file-sources';
import { ProjectStore } from '../src/main/store';
import type { SheetSettingsInput } from '../src/shared/print';

const mb = (n: number) => (n / 1e6).toFixed(2);

function makeBaseMap(dir: string, demo: string): { cog: string; plain: string } {
  const raw = join(dir, 'scan.tif');
  const utm = join(dir, 'features-utm48.gpkg');
  execFileSync('ogr2ogr', ['-f', 'GPKG', utm, demo, 'admin_units', 'search_areas', 'base_lines', '-t_srs', 'EPSG:32648']);
  execFileSync('gdal_create', ['-q', '-of', 'GTiff', '-co', 'TILED=YES', '-outsize', '8000', '8000', '-bands', '3', '-ot', 'Byte', '-burn', '236', '-burn', '228', '-burn', '206', '-a_srs', 'EPSG:32648', '-a_ullr', '780000', '1400000', '830000', '1350000', raw]);
  for (const [layer, rgb] of [['search_areas', ['190', '215', '170']], ['admin_units', ['120', '90', '140']], ['base_lines', ['70', '120', '200']]] as const)
    execFileSync('gdal_rasterize', ['-q', '-l', layer, '-b', '1', '-b', '2', '-b', '3', ...rgb.flatMap((v) => ['-burn', v]), ...(layer === 'search_areas' ? [] : ['-at']), utm, raw]);
  const cog = join(dir, 'scan-cog.tif');
  execFileSync('gdal_translate', ['-q', '-of', 'COG', '-co', 'COMPRESS=JPEG', '-co', 'QUALITY=85', raw, cog]);
  const plain = join(dir, 'scan-plain.tif');
  execFileSync('gdal_translate', ['-q', '-co', 'TILED=YES', '-co', 'COMPRESS=DEFLATE', raw, plain]);
  return { cog, plain };
}

export async function rasterBaseMapFigures(dir: string, demo: string): Promise<void> {
  const t0 = performance.now();
  const files = makeBaseMap(dir, demo);
  console.log(`base map GeoTIFFs made by GDAL (setup, not timed below): ${((performance.now() - t0) / 1000).toFixed(1)} s; COG ${mb(statSync(files.cog).size)} MB, plain ${mb(statSync(files.plain).size)} MB`);
  const store = ProjectStore.open(demo);
  try {
    const settings: SheetSettingsInput = { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] } };
    for (const [label, path] of [['JPEG COG with overviews', files.cog], ['plain tiled GeoTIFF, no overviews', files.plain]] as const) {
      for (const scale of [25000, 'fit'] as const) {
        const f = await openRasterFile(path);
        const t = performance.now();
        const cpu = process.cpuUsage();
        const r = await printSheet(store, { ...settings, scale }, { baseMaps: { sources: [f.source] } });
        const ms = performance.now() - t;
        const cpuMs = process.cpuUsage(cpu).user / 1000;
        f.close();
        // CPU time too: on the shared 2-core machine the wall time mostly measures the others' load.
        console.log(`demo commune Nam Đà, A3 1:${r.reports[0].scale} sheet ${r.reports[0].sheet}/${r.reports[0].sheets} over a UTM 48N base map (${label}): ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${mb(r.bytes.length)} MB`);
      }
    }
  } finally {
    store.close();
  }
}
