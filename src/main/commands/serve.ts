// quytap serve: browser mode (node:http on 127.0.0.1 with a per-launch token), the same services as
// the Electron app. With --hall: the district hall server (HTTPS on the chosen network address,
// accounts and sessions of the project instead of the token; src/main/http/hall-auth.ts).
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appRoot } from '../app-root';
import { ApiError } from '../../shared/api-error';
import { startHttpServer } from '../http';
import { createDispatcher } from '../rpc/dispatch';
import { createEventBus } from '../rpc/events';
import { createServices } from '../services';
import { validateOutputExceptFeatures } from '../services/drafting';
import { defaultProjectsDir, parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap serve [--project tệp.gpkg | --demo | --last-or-demo] [--port 0] [--host 127.0.0.1]
               [--projects-dir thư-mục] [--token …] [--fresh] [--static-dir dist/renderer]
  Chạy chương trình trong trình duyệt; in ra địa chỉ kèm mã truy cập. --fresh xóa thư mục dự án trước.
  Browser mode; prints the address with its token. --fresh empties the projects folder first.
  quytap serve --hall --bind <địa chỉ|all> (--project tệp.gpkg | --demo | --last-or-demo) [--port 8443]
               [--snapshot-minutes 10] [--snapshot-edits 200] [--snapshot-keep 12]
  Phòng họp huyện: phục vụ dự án cho cả mạng nội bộ qua HTTPS, mỗi người đăng nhập bằng tài khoản;
  bản sao cuộn trong thư mục snapshots/ cạnh tệp dự án.
  District hall: serves the project to the local network over HTTPS, everyone logs in with an account;
  rolling snapshots in snapshots/ beside the project file.`;

export async function serveCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(
    args,
    {
      project: { type: 'string' },
      demo: { type: 'boolean' },
      'last-or-demo': { type: 'boolean' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      'projects-dir': { type: 'string' },
      token: { type: 'string' },
      fresh: { type: 'boolean' },
      'static-dir': { type: 'string' },
      hall: { type: 'boolean' },
      bind: { type: 'string' },
      'snapshot-minutes': { type: 'string' },
      'snapshot-edits': { type: 'string' },
      'snapshot-keep': { type: 'string' },
    },
    USAGE,
    false,
  );
  if (!parsed) return;
  const { values } = parsed;
  // Loaded only for the hall (certificates, QR codes); a wrong --bind is refused before anything opens.
  const hallMod = values.hall ? await import('./serve-hall') : null;
  const bind = hallMod ? hallMod.resolveBind(values.bind) : null;
  if (!values.hall && values.bind !== undefined)
    throw new ApiError('bad_request', '--bind chỉ dùng cùng --hall.', '--bind is used only with --hall.');
  const projectsDir = resolve(values['projects-dir'] ?? defaultProjectsDir());
  if (values.fresh) rmSync(projectsDir, { recursive: true, force: true });
  const events = createEventBus();
  const services = await createServices({ mode: 'browser', projectsDir, emit: events.emit });
  if (values.project) services.openPath(resolve(values.project));
  else if (values.demo) await services.openDemo();
  else if (values['last-or-demo']) await services.openLastOrDemo();
  const dispatch = createDispatcher(services.handlers, { validateOutput: validateOutputExceptFeatures });
  const staticDir = values['static-dir'] ? resolve(values['static-dir']) : join(appRoot(), 'dist/renderer');
  if (!existsSync(join(staticDir, 'index.html')))
    console.error(
      `Chưa có giao diện trong ${staticDir}: hãy chạy "npm run build:renderer" (hoặc dùng "npm run web"), rồi tải lại trang.\n` +
        `No user interface in ${staticDir}: run "npm run build:renderer" (or use "npm run web"), then reload the page.`,
    );
  const hall = bind && hallMod ? await hallMod.hallOptions(services, bind.names) : undefined;
  const server = await startHttpServer({
    dispatch,
    staticDir,
    host: bind?.host ?? values.host!,
    port: Number(values.port),
    token: values.token,
    events,
    binaryResponder: services.binaryResponder,
    operator: services.operatorName,
    hall,
  });
  const snapshots = hall && hallMod ? hallMod.startSnapshots(services, events, hallMod.snapshotSettings(values)) : null;
  if (hall && hallMod) await hallMod.announceHall(server.url, hall.tls.fingerprint256, hall.firstAdmin);
  else console.log(`QuyTap đang chạy ở chế độ trình duyệt / browser mode:\n  ${server.url}`);
  console.log(`Thư mục dự án / projects folder: ${projectsDir}`);
  const stop = async () => {
    await server.close();
    await snapshots?.stop();
    services.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

