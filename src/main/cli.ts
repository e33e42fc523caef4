#!/usr/bin/env node
// quytap: the command line. It calls the same services as the app (src/main/services).
// Each command lives in ./commands/<name>.ts and is imported only when it runs, so `quytap --help`
// loads this file alone and `quytap info` never loads jsPDF, the HTTP server or proj4. The bundle
// in dist-cli/ (scripts/build-cli.mjs) keeps that split: one chunk per command.
import { ApiError } from '../shared/api-error';

const USAGE = `quytap — bản đồ tìm kiếm, quy tập hài cốt liệt sĩ

Cách dùng / usage:
  quytap init <tệp.gpkg> --title "…" --province "Đắk Nông" [--crs EPSG:9218] [--commune MÃ:Tên …]
  quytap info <tệp.gpkg>
  quytap demo [--out tệp.gpkg] [--force]
  quytap print <tệp.gpkg> --commune <mã|tên> | --district | --all-communes [--paper A3] [--scale 10000|fit] --out tờ.pdf
  quytap print --from postgresql://… --province <tên> [--paper A0] --out tờ.pdf
  quytap publish <tệp.gpkg> --to postgresql://người-dùng@máy-chủ/csdl [--all-states]
  quytap import <tệp.gpkg> <tệp nguồn> --layer <bảng> [--crs EPSG:…] [--map nguồn=đích …]
  quytap export <tệp.gpkg> --format shp|geojson|kml|gpx|csv|gpkg [--commune …] --out tệp
  quytap package export|merge <tệp.gpkg> [gói.gpkg] [--commune MÃ …] [--out gói.gpkg] [--keep ours|theirs]
  quytap check <tệp.gpkg> [--commune MÃ …] [--distance MÉT] [--lang vi|en]
  quytap report <tệp.gpkg> --commune <mã|tên> | --district [--format pdf|docx] --out báo-cáo.pdf
  quytap settings <tệp.gpkg> [--set khóa=giá-trị …] [--show]
  quytap accounts <tệp.gpkg> list | enable <tên-đăng-nhập> | disable <tên-đăng-nhập>
  quytap basemap add|list|remove <tệp.gpkg> [tệp.mbtiles|tệp.tif|mã] [--crs EPSG:…] [--name "…"]
  quytap serve [--project tệp.gpkg | --demo | --last-or-demo] [--port 0] [--projects-dir thư-mục] [--token …] [--fresh]

Mỗi lệnh in hướng dẫn riêng với --help / each command prints its own usage with --help.
Thư mục dự án mặc định / default projects folder: $QUYTAP_PROJECTS_DIR or ~/QuyTap`;

type Command = (args: string[]) => Promise<void>;

/** Each command's module, imported on demand (a literal path each, so bundlers split on it). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/init')).initCommand,
  info: async () => (await import('./commands/info')).infoCommand,
  demo: async () => (await import('./commands/demo')).demoCommand,
  serve: async () => (await import('./commands/serve')).serveCommand,
  print: async () => (await import('./commands/print')).printCommand,
  import: async () => (await import('./commands/import')).importCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  package: async () => (await import('./commands/package')).packageCommand,
  report: async () => (await import('./commands/report')).reportCommand,
  basemap: async () => (await import('./commands/basemap')).basemapCommand,
  settings: async () => (await import('./commands/settings')).settingsCommand,
  publish: async () => (await import('./commands/publish')).publishCommand,
  accounts: async () => (await import('./commands/accounts')).accountsCommand,
};

function fail(msg: string, code = 2): never {
  console.error(msg);
  process.exit(code);
}

async function main(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  if (cmd && Object.prototype.hasOwnProperty.call(COMMANDS, cmd)) return (await COMMANDS[cmd]())(rest);
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') return void console.log(USAGE);
  fail(`Không có lệnh "${cmd}" / unknown command\n\n${USAGE}`);
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ApiError) fail(`Lỗi: ${e.vi}\nError: ${e.en}`, 1);
  fail(`Lỗi / error: ${e instanceof Error ? e.message : String(e)}`, 1);
});
