#!/usr/bin/env node
// quytap: the command line. It calls the same services as the app (src/main/services).
import { existsSync, rmSync, mkdirSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../shared/api';
import { defaultCrsForProvince } from '../shared/crs/catalogue';
import { ProjectSettingsSchema, DEFAULT_SIGNATURES } from '../shared/model';
import { validateOutputExceptFeatures } from './services/drafting';
import { createDispatcher } from './rpc/dispatch';
import { createEventBus } from './rpc/events';
import { startHttpServer } from './http';
import { ProjectStore } from './store';
import { createServices } from './services';
import { crsForStore } from './services/crs';
import { createDemoProject } from './services/demo-project';
import { checkCommand } from './commands/check';
import { printCommand } from './commands/print';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { basemapCommand } from './commands/basemap';
import { settingsCommand } from './commands/settings';

const USAGE = `quytap — bản đồ tìm kiếm, quy tập hài cốt liệt sĩ

Cách dùng / usage:
  quytap init <tệp.gpkg> --title "…" --province "Đắk Nông" [--crs EPSG:9218] [--commune MÃ:Tên …]
  quytap info <tệp.gpkg>
  quytap demo [--out tệp.gpkg] [--force]
  quytap print <tệp.gpkg> --commune <mã|tên> | --district | --all-communes [--paper A3] [--scale 10000|fit] --out tờ.pdf
  quytap import <tệp.gpkg> <tệp nguồn> --layer <bảng> [--crs EPSG:…] [--map nguồn=đích …]
  quytap export <tệp.gpkg> --format shp|geojson|kml|gpx|csv|gpkg [--commune …] --out tệp
  quytap check <tệp.gpkg> [--commune MÃ …] [--distance MÉT] [--lang vi|en]
  quytap settings <tệp.gpkg> [--set khóa=giá-trị …] [--show]
  quytap basemap add|list|remove <tệp.gpkg> [tệp.mbtiles|tệp.tif|mã] [--crs EPSG:…] [--name "…"]
  quytap serve [--project tệp.gpkg | --demo | --last-or-demo] [--port 0] [--projects-dir thư-mục] [--token …] [--fresh]

Mỗi lệnh in hướng dẫn riêng khi thiếu tham số / each command prints its own usage.
Thư mục dự án mặc định / default projects folder: $QUYTAP_PROJECTS_DIR or ~/QuyTap`;

/**
 * Commands of the features (print, import, export, check…), each in its own file under
 * ./commands. A command prints its own usage on bad arguments and exits non-zero on failure.
 */
const FEATURE_COMMANDS: Record<string, (args: string[]) => Promise<void>> = { check: checkCommand, print: printCommand, import: importCommand, export: exportCommand, basemap: basemapCommand, settings: settingsCommand };

const defaultProjectsDir = () => process.env.QUYTAP_PROJECTS_DIR ?? join(homedir(), 'QuyTap');
const author = () => process.env.QUYTAP_OPERATOR ?? userInfo().username;

function fail(msg: string, code = 2): never {
  console.error(msg);
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'init': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { title: { type: 'string' }, province: { type: 'string' }, crs: { type: 'string' }, commune: { type: 'string', multiple: true } },
      });
      const file = positionals[0] ?? fail('Thiếu tên tệp / missing file name\n\n' + USAGE);
      if (existsSync(file)) fail(`Tệp đã tồn tại, không ghi đè / file exists, not overwritten: ${file}`);
      const province = values.province ?? fail('Thiếu --province / missing --province');
      const code = values.crs ?? defaultCrsForProvince(province)?.code ?? fail(`Không biết kinh tuyến trục của tỉnh "${province}": hãy chỉ định --crs / unknown province, give --crs`);
      const communes = (values.commune ?? []).map((s) => {
        const [c, ...n] = s.split(':');
        return { code: c, name: n.join(':') || c };
      });
      const settings = ProjectSettingsSchema.parse({
        title: values.title ?? `BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ TỈNH ${province.toUpperCase()}`,
        province: { code: '', name: province },
        communes,
        signatures: DEFAULT_SIGNATURES,
      });
      const { store: crs } = crsForStore(code);
      ProjectStore.create(resolve(file), crs, settings, author()).close();
      console.log(`Đã tạo dự án / created: ${resolve(file)} (${code})`);
      return;
    }
    case 'info': {
      const file = rest[0] ?? fail(USAGE);
      // a reader: works while the app has the project open, never writes
      const store = ProjectStore.open(resolve(file), { access: 'read' });
      try {
        const info = store.info();
        console.log(`Tệp / file:        ${resolve(file)}`);
        console.log(`Tiêu đề / title:   ${info.settings.title}`);
        console.log(`Hệ tọa độ / CRS:   ${info.crs.code} — ${info.crs.name}`);
        console.log(`Phiên bản lược đồ: ${info.schemaVersion}${info.settings.demo ? '   [DỮ LIỆU MINH HỌA / DEMO DATA]' : ''}`);
        console.log(`Lớp / layers:`);
        for (const l of info.layers) console.log(`  ${l.table.padEnd(14)} ${String(l.count).padStart(7)}  ${l.extent ? l.extent.map((v) => v.toFixed(1)).join(', ') : ''}`);
      } finally {
        store.close();
      }
      return;
    }
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' }, force: { type: 'boolean' } } });
      const out = resolve(values.out ?? join(defaultProjectsDir(), 'du-an-mau-krong-no.gpkg'));
      mkdirSync(resolve(out, '..'), { recursive: true });
      if (existsSync(out)) {
        if (!values.force) fail(`Tệp đã tồn tại / exists: ${out} (dùng --force để tạo lại)`);
        for (const f of [out, `${out}-wal`, `${out}-shm`]) rmSync(f, { force: true });
      }
      await createDemoProject(out, { author: author(), onProgress: (d, t, m) => console.log(`[${d}/${t}] ${m}`) });
      console.log(`Đã tạo dự án mẫu (dữ liệu minh họa) / demo project: ${out}`);
      return;
    }
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: {
          project: { type: 'string' },
          demo: { type: 'boolean' },
          'last-or-demo': { type: 'boolean' },
          port: { type: 'string', default: '0' },
          host: { type: 'string', default: '127.0.0.1' },
          'projects-dir': { type: 'string' },
          token: { type: 'string' },
          fresh: { type: 'boolean' },
          'static-dir': { type: 'string' },
        },
      });
      const projectsDir = resolve(values['projects-dir'] ?? defaultProjectsDir());
      if (values.fresh) rmSync(projectsDir, { recursive: true, force: true });
      const events = createEventBus();
      const services = await createServices({ mode: 'browser', projectsDir, emit: events.emit });
      if (values.project) services.openPath(resolve(values.project));
      else if (values.demo) await services.openDemo();
      else if (values['last-or-demo']) await services.openLastOrDemo();
      const dispatch = createDispatcher(services.handlers, { validateOutput: validateOutputExceptFeatures });
      const server = await startHttpServer({
        dispatch,
        staticDir: values['static-dir'] ? resolve(values['static-dir']) : resolve(new URL('../..', import.meta.url).pathname, 'dist/renderer'),
        host: values.host!,
        port: Number(values.port),
        token: values.token,
        events,
        binaryResponder: services.binaryResponder,
        operator: services.operatorName,
      });
      console.log(`QuyTap đang chạy ở chế độ trình duyệt / browser mode:\n  ${server.url}`);
      console.log(`Thư mục dự án / projects folder: ${projectsDir}`);
      const stop = async () => {
        await server.close();
        services.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return;
    }
    default:
      if (cmd && Object.prototype.hasOwnProperty.call(FEATURE_COMMANDS, cmd)) return FEATURE_COMMANDS[cmd](rest);
      console.log(USAGE);
      if (cmd && cmd !== 'help' && cmd !== '--help') process.exit(2);
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ApiError) fail(`Lỗi: ${e.vi}\nError: ${e.en}`, 1);
  fail(`Lỗi / error: ${e instanceof Error ? e.message : String(e)}`, 1);
});
