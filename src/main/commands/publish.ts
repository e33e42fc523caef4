// quytap publish <project.gpkg> --to postgresql://user@host:5432/db [--all-states] [--district MÃ:Tên] [--schema quytap]
// Sends the district's approved communes into the province's PostgreSQL/PostGIS database
// (src/main/rollup/publish.ts; docs/ROLLUP.md). The password: PGPASSWORD, ~/.pgpass, or a prompt.
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ApiError } from '../../shared/api-error';
import type { Target } from '../rollup/connect';
import { publish, type PublishProgress } from '../rollup/publish';
import { ProjectStore } from '../store';
import { author, parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap publish <tệp.gpkg> --to postgresql://người-dùng@máy-chủ:5432/csdl[?sslmode=require]
  Tùy chọn / options:
    --all-states        gửi mọi xã, mỗi dòng ghi trạng thái duyệt / every commune, each row marked with its review state
                        (mặc định chỉ xã đã duyệt / default: approved communes only)
    --district MÃ:Tên   huyện (đơn vị) của dự án, khi cài đặt chưa ghi / the project's district when its settings name none
    --schema quytap     lược đồ trong CSDL tỉnh / the schema in the province database
  Mật khẩu / password: PGPASSWORD, tệp ~/.pgpass (PGPASSFILE), hoặc hỏi khi chạy / or asked for; không bao giờ ghi vào tệp dự án
  / never written into the project file. TLS: sslmode=require|verify-ca|verify-full (&sslrootcert=root.crt).`;

/** Asks for the password on the terminal without echoing it; null without a terminal. */
function promptPassword(t: Target): Promise<string | null> {
  if (!process.stdin.isTTY) return Promise.resolve(null);
  let muted = false;
  const out = new Writable({ write: (chunk, _enc, cb) => (muted || process.stderr.write(chunk), cb()) });
  const rl = createInterface({ input: process.stdin, output: out, terminal: true });
  return new Promise((res) => {
    rl.question(`Mật khẩu / password for ${t.user}@${t.host}: `, (answer) => {
      rl.close();
      process.stderr.write('\n');
      res(answer);
    });
    muted = true;
  });
}

const PHASE: Record<PublishProgress['phase'], string> = { connect: 'kết nối / connecting', read: 'đọc dự án / reading', send: 'gửi / sending', commit: 'ghi / committing' };

export async function publishCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(args, { to: { type: 'string' }, 'all-states': { type: 'boolean' }, district: { type: 'string' }, schema: { type: 'string', default: 'quytap' } }, USAGE);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.to) {
    console.error(`Thiếu tệp dự án hoặc --to / missing project file or --to\n\n${USAGE}`);
    process.exit(2);
  }
  let district: { code: string; name: string } | null = null;
  if (values.district) {
    const [code, ...name] = values.district.split(':');
    district = { code: code.trim(), name: name.join(':').trim() || code.trim() };
  }
  if (/\/\/[^/@]*:[^/@]*@/.test(values.to))
    console.error('! Mật khẩu trong địa chỉ sẽ nằm lại trong lịch sử lệnh; nên dùng PGPASSWORD hoặc ~/.pgpass. / A password in the URL stays in the shell history; prefer PGPASSWORD or ~/.pgpass.');
  const store = ProjectStore.open(resolve(positionals[0]), { access: 'read' }); // a reader: works while the app has it open
  let last = '';
  try {
    const r = await publish(store, {
      url: values.to,
      district,
      allStates: !!values['all-states'],
      schema: values.schema,
      author: author(),
      prompt: promptPassword,
      onProgress: (p) => {
        const line = p.total ? `${PHASE[p.phase]} ${p.done}/${p.total}` : PHASE[p.phase];
        if (line !== last && process.stderr.isTTY) process.stderr.write(`\r${line}   `);
        last = line;
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const communes = r.communes.map((c) => `${c.name} (${c.code})`).join(', ') || '—';
    if (r.mode === 'unchanged') console.log(`Không có gì mới để gửi lên ${r.target}: cơ sở dữ liệu tỉnh đã khớp với dự án. / Nothing new: the province database already matches the project.`);
    else
      console.log(
        `Đã gửi lên / published to ${r.target}: huyện / district ${r.district}, ${r.sent} dòng gửi / rows sent, ${r.tombstones} dòng xóa / rows withdrawn` +
          ` (${r.mode === 'full' ? 'đọc toàn bộ / full' : 'chỉ phần thay đổi / changes only'}, ${(r.ms / 1000).toFixed(1)} s).`,
      );
    console.log(`Xã / communes: ${communes}`);
    if (r.coerced) console.log(`  ! ${r.coerced} giá trị sai kiểu (do chương trình khác ghi) được gửi trống / values of the wrong type (written by another program) sent empty`);
  } catch (e) {
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (!(e instanceof ApiError)) throw e;
    console.error(`Lỗi / error: ${e.vi}\n${e.en}`);
    process.exitCode = 1;
  } finally {
    store.close();
  }
}
