// quytap info <file.gpkg>: CRS, layers, counts. A reader: works while the app has the project open.
import { resolve } from 'node:path';
import { ProjectStore } from '../store';
import { parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap info <tệp.gpkg>
  Hệ tọa độ, các lớp, số đối tượng và phạm vi; chỉ đọc · CRS, layers, counts and extents; read only.`;

export async function infoCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(args, {}, USAGE);
  if (!parsed) return;
  if (parsed.positionals.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const file = resolve(parsed.positionals[0]);
  const store = ProjectStore.open(file, { access: 'read' });
  try {
    const info = store.info();
    console.log(`Tệp / file:        ${file}`);
    console.log(`Tiêu đề / title:   ${info.settings.title}`);
    console.log(`Hệ tọa độ / CRS:   ${info.crs.code} — ${info.crs.name}`);
    console.log(`Phiên bản lược đồ: ${info.schemaVersion}${info.settings.demo ? '   [DỮ LIỆU MINH HỌA / DEMO DATA]' : ''}`);
    console.log(`Lớp / layers:`);
    for (const l of info.layers)
      console.log(
        `  ${l.table.padEnd(14)} ${String(l.count).padStart(7)}  ${l.extent ? l.extent.map((v) => v.toFixed(1)).join(', ') : ''}`,
      );
  } finally {
    store.close();
  }
}
