// quytap basemap add|list|remove <project.gpkg> [file|id] [--crs CODE] [--name …]
// Adds an MBTiles or GeoTIFF into the project (one transaction, audited), lists or removes base
// maps. The path of a big file is given here directly; the app's upload is for smaller ones.
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import { addBasemapFile, inspectBasemapFile } from '../basemaps/add-basemap';
import { ProjectStore } from '../store';
import { parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap basemap add <tệp.gpkg> <tệp.mbtiles|tệp.tif> [--crs EPSG:…] [--name "Tên"]
  quytap basemap list <tệp.gpkg>
  quytap basemap remove <tệp.gpkg> <mã bản đồ nền / base-map id>
  Thêm bản đồ nền (MBTiles ảnh, GeoTIFF/COG) vào dự án; --crs khi tệp GeoTIFF không ghi hệ tọa độ.
  Add an offline base map (raster MBTiles, GeoTIFF/COG) to the project; --crs when a GeoTIFF has no known CRS.`;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function basemapCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(args, { crs: { type: 'string' }, name: { type: 'string' } }, USAGE);
  if (!parsed) return;
  const { values, positionals } = parsed;
  const [action, project, target] = positionals;
  const needsTarget = action === 'add' || action === 'remove';
  if (!action || !['add', 'list', 'remove'].includes(action) || !project || (needsTarget && !target) || positionals.length > (needsTarget ? 3 : 2)) {
    console.error(USAGE);
    process.exit(2);
  }
  const author = process.env.QUYTAP_OPERATOR ?? userInfo().username;
  const store = ProjectStore.open(resolve(project));
  try {
    if (action === 'list') {
      for (const b of store.basemaps((r) => r.list()))
        console.log(
          [b.id, b.kind, b.crsCode, b.minZoom === null ? '' : `z${b.minZoom}-${b.maxZoom}`, mb(b.sizeBytes), b.visible ? 'hiện/shown' : 'ẩn/hidden', `${Math.round(b.opacity * 100)}%`, b.name].join('\t'),
        );
      return;
    }
    if (action === 'remove') {
      store.basemaps((r) => r.remove(target!, author));
      console.log(`Đã xóa bản đồ nền / base map removed: ${target}`);
      return;
    }
    const file = resolve(target!);
    const facts = await inspectBasemapFile(file, values.crs);
    if (facts.needsCrs) {
      console.error(`${facts.crsHow.vi}\n${facts.crsHow.en}\n(--crs EPSG:9218, EPSG:4326, … — quytap info lists the catalogue)`);
      process.exit(1);
    }
    for (const w of facts.warnings) console.error(`Cảnh báo: ${w.vi}\nWarning: ${w.en}`);
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    let last = -1;
    const rec = await addBasemapFile(store, file, {
      name: values.name,
      crsCode: values.crs,
      author,
      signal: controller.signal,
      progress: (done, total) => {
        const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
        if (pct !== last && process.stderr.isTTY) process.stderr.write(`\r${pct}%`);
        last = pct;
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\r');
    console.log(`Đã thêm bản đồ nền / base map added: ${rec.id}\t${rec.name}\t${rec.crsCode}\t${mb(rec.sizeBytes)}${rec.tilesTable ? `\tGDAL: -oo TABLE=${rec.tilesTable}` : ''}`);
  } finally {
    store.close();
  }
}
