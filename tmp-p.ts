import jpeg from 'jpeg-js';
import { openRasterFile } from './src/main/print/raster/file-sources';
import { openRaster } from './src/main/print/raster/open-raster';
import { warpBlocks } from './src/main/print/raster/warp-to-frame';
import { findCrs } from './src/shared/crs';
const dir = process.argv[2];
for (const name of ['scan-cog.tif', 'scan-plain.tif']) {
  const f = await openRasterFile(`${dir}/${name}`);
  const r = await openRaster(f.source);
  // A3 frame at 1:100000 ~ 290 x 230 mm -> 2283 x 1811 px over 29 x 23 km around Nam Da
  const grid = { extent: [420000, 1355000, 449000, 1378000] as const, width: 2283, height: 1811 };
  let t = performance.now(); const cpu0 = process.cpuUsage(); let enc = 0; let n = 0;
  for await (const wb of warpBlocks([{ raster: r, opacity: 1 }], grid, findCrs('EPSG:9218')!.proj4)) {
    const t1 = performance.now();
    jpeg.encode({ width: wb.block.w, height: wb.block.h, data: wb.rgba }, 75); enc += performance.now() - t1; n++;
  }
  console.log(name, "cpu", ((process.cpuUsage(cpu0).user) / 1000).toFixed(0), "total", (performance.now() - t).toFixed(0), 'encode', enc.toFixed(0), 'blocks', n);
}
