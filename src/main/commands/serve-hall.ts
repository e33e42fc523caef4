// quytap serve --hall: what only the district hall server needs (its certificate, the QR code, the
// first administrator's join code), loaded by serve.ts only when --hall is given.
import { ApiError } from '../../shared/api-error';
import type { HallOptions } from '../http/hall-auth';
import { terminalQr } from '../http/hall-pages';
import { sessionCertificate } from '../http/tls';
import type { EventBus } from '../rpc/events';
import type { Services } from '../services';
import { SNAPSHOT_DEFAULTS, snapshotsDirOf, startHallSnapshots, type HallSnapshots, type SnapshotSettings } from '../services/hall-snapshots';

export { resolveBind } from '../http/interfaces';
/** The hall's options; `firstAdmin`: the join code to print when no administrator can log in yet. */
export async function hallOptions(services: Services, names: string[]): Promise<HallOptions & { firstAdmin: FirstAdmin }> {
  try {
    services.hallAccounts.current(''); // throws 'no_project' when no project is open
  } catch {
    throw new ApiError(
      'no_project',
      'Phòng họp cần một dự án: thêm --project tệp.gpkg (hoặc --demo, --last-or-demo).',
      'The hall needs a project: add --project file.gpkg (or --demo, --last-or-demo).',
    );
  }
  // Before listening: a hall whose administrator is disabled does not start (the error says how to enable it).
  let firstAdmin: FirstAdmin;
  try {
    firstAdmin = await services.hallAccounts.bootstrapAdmin();
  } catch (e) {
    services.close();
    throw e;
  }
  const tls = await sessionCertificate(['127.0.0.1', 'localhost', ...names]);
  return { accounts: services.hallAccounts, tls, names, firstAdmin };
}

type FirstAdmin = Awaited<ReturnType<Services['hallAccounts']['bootstrapAdmin']>>;

/** The address, its QR code, the certificate's fingerprint and (first start) the admin's join code. */
export async function announceHall(url: string, fingerprint: string, first: FirstAdmin): Promise<void> {
  console.log(`QuyTap — phòng họp huyện / district hall:\n  ${url}\n`);
  console.log(await terminalQr(url));
  console.log(`Dấu vân tay chứng chỉ / certificate fingerprint (SHA-256):\n  ${fingerprint}`);
  console.log('Mỗi người so dấu vân tay này với trình duyệt trước khi đăng nhập. / Everyone compares it with the browser before logging in.');
  if (first)
    console.log(
      `\nChưa có quản trị nào đăng nhập được. Tài khoản "${first.login}", mã tham gia dùng một lần: ${first.joinCode}\n` +
        `No administrator can log in yet. Account "${first.login}", one-time join code: ${first.joinCode}`,
    );
}

/** --snapshot-minutes/-edits/-keep: whole numbers in sane ranges, or a sentence saying which is wrong. */
export function snapshotSettings(values: Record<string, unknown>): SnapshotSettings {
  const num = (flag: string, min: number, max: number, dflt: number): number => {
    const raw = values[flag];
    if (raw === undefined) return dflt;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new ApiError('bad_request', `--${flag} phải là số từ ${min} đến ${max}.`, `--${flag} must be a number from ${min} to ${max}.`);
    return n;
  };
  return {
    everyMs: Math.round(num('snapshot-minutes', 0.05, 24 * 60, SNAPSHOT_DEFAULTS.everyMs / 60_000) * 60_000),
    everyEdits: Math.round(num('snapshot-edits', 1, 1_000_000, SNAPSHOT_DEFAULTS.everyEdits)),
    keep: Math.round(num('snapshot-keep', 1, 1000, SNAPSHOT_DEFAULTS.keep)),
  };
}

/** The session's rolling snapshots (services/hall-snapshots.ts), said on the terminal. */
export function startSnapshots(services: Services, events: Pick<EventBus, 'subscribe'>, settings: SnapshotSettings): HallSnapshots {
  const p = services.openProject();
  if (p)
    console.log(
      `Bản sao cuộn / rolling snapshots: ${snapshotsDirOf(p.path)} (mỗi ${settings.everyMs / 60_000} phút hoặc ${settings.everyEdits} lần sửa, giữ ${settings.keep} / ` +
        `every ${settings.everyMs / 60_000} min or ${settings.everyEdits} edits, newest ${settings.keep} kept)`,
    );
  return startHallSnapshots({ project: services.openProject, subscribe: events.subscribe, settings });
}
