// quytap serve --hall: what only the district hall server needs (its certificate, the QR code, the
// first administrator's join code), loaded by serve.ts only when --hall is given.
import { ApiError } from '../../shared/api-error';
import type { HallOptions } from '../http/hall-auth';
import { terminalQr } from '../http/hall-pages';
import { sessionCertificate } from '../http/tls';
import type { Services } from '../services';

export { resolveBind } from '../http/interfaces';
export async function hallOptions(services: Services, names: string[]): Promise<HallOptions> {
  try {
    services.hallAccounts.current(''); // throws 'no_project' when no project is open
  } catch {
    throw new ApiError(
      'no_project',
      'Phòng họp cần một dự án: thêm --project tệp.gpkg (hoặc --demo, --last-or-demo).',
      'The hall needs a project: add --project file.gpkg (or --demo, --last-or-demo).',
    );
  }
  const tls = await sessionCertificate(['127.0.0.1', 'localhost', ...names]);
  return { accounts: services.hallAccounts, tls, names };
}

/** The address, its QR code, the certificate's fingerprint and (first start) the admin's join code. */
export async function announceHall(services: Services, url: string, fingerprint: string): Promise<void> {
  console.log(`QuyTap — phòng họp huyện / district hall:\n  ${url}\n`);
  console.log(await terminalQr(url));
  console.log(`Dấu vân tay chứng chỉ / certificate fingerprint (SHA-256):\n  ${fingerprint}`);
  console.log('Mỗi người so dấu vân tay này với trình duyệt trước khi đăng nhập. / Everyone compares it with the browser before logging in.');
  const first = await services.hallAccounts.bootstrapAdmin();
  if (first)
    console.log(
      `\nChưa có quản trị nào đăng nhập được. Tài khoản "${first.login}", mã tham gia dùng một lần: ${first.joinCode}\n` +
        `No administrator can log in yet. Account "${first.login}", one-time join code: ${first.joinCode}`,
    );
}
