// The hall server's own pages: the log-in page (log in, or join with a one-time code and choose a
// password) and the admin page (the address as a QR code for the others' phones and laptops).
// Plain HTML; the one script is served from /login.js (the CSP allows no inline script).
import QRCode from 'qrcode';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:16px system-ui,sans-serif;max-width:30rem;margin:2rem auto;padding:0 1rem;color:#222}
form{display:grid;gap:.5rem;margin:1rem 0;padding:1rem;border:1px solid #ccc;border-radius:6px}
input,button{font:inherit;padding:.4rem}.fp{font:12px monospace;word-break:break-all;background:#f4f4f4;padding:.5rem}
.msg{color:#a00;min-height:1.2em}`;

export function loginPage(fingerprint: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,">
<title>QuyTap — Đăng nhập</title><style>${STYLE}</style><script src="/login.js" defer></script></head><body>
<h1>QuyTap — Đăng nhập / Log in</h1>
<p>Dấu vân tay chứng chỉ của máy chủ (so với màn hình máy chủ) / server certificate fingerprint (compare with the server's screen):</p>
<p class="fp" data-testid="fingerprint">SHA-256 ${esc(fingerprint)}</p>
<form id="login"><label>Tên đăng nhập / login <input name="login" autocomplete="username" required></label>
<label>Mật khẩu / password <input name="password" type="password" autocomplete="current-password" required></label>
<button>Đăng nhập / Log in</button><p class="msg" role="alert"></p></form>
<h2>Lần đầu: mã tham gia / First time: join code</h2>
<form id="join"><label>Tên đăng nhập / login <input name="login" autocomplete="username" required></label>
<label>Mã tham gia / join code <input name="code" required></label>
<label>Mật khẩu mới (ít nhất 10 ký tự) / new password (10+ characters) <input name="password" type="password" autocomplete="new-password" minlength="10" required></label>
<button>Tham gia / Join</button><p class="msg" role="alert"></p></form>
</body></html>`;
}

export const LOGIN_SCRIPT = `'use strict';
for (const id of ['login', 'join']) {
  const form = document.getElementById(id);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const msg = form.querySelector('.msg');
    msg.textContent = '';
    const body = Object.fromEntries(new FormData(form));
    try {
      const res = await fetch('/auth/' + id, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
      if (res.ok) { location.href = '/'; return; }
      const e = (await res.json()).error;
      msg.textContent = e ? e.vi + ' / ' + e.en : 'HTTP ' + res.status;
    } catch (e) {
      msg.textContent = 'Không liên lạc được máy chủ. / Cannot reach the server.';
    }
  });
}
`;

export async function adminPage(url: string, fingerprint: string, who: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="icon" href="data:,">
<title>QuyTap — Phòng họp / Hall</title><style>${STYLE} body{max-width:52rem} svg{width:18rem;height:18rem} table{border-collapse:collapse} td,th{border:1px solid #ccc;padding:.2rem .4rem;font-size:14px}</style></head><body>
<h1>QuyTap — Phòng họp huyện / District hall</h1><p>${esc(who)}</p>
<p>Mở địa chỉ này trên máy của từng người / open this address on each person's machine:</p>
<p><a href="${esc(url)}">${esc(url)}</a></p><div data-testid="qr">${svg}</div>
<p class="fp">SHA-256 ${esc(fingerprint)}</p><p><a href="/">← QuyTap</a></p>
<h2>Tài khoản / Accounts</h2><table id="accounts"><thead><tr><th>Đăng nhập</th><th>Tên</th><th>Vai trò</th><th>Xã</th><th>Trạng thái</th><th></th></tr></thead><tbody></tbody></table>
<form id="create"><b>Tạo tài khoản / New account</b>
<label>Tên đăng nhập / login <input name="login" required></label>
<label>Họ tên / full name <input name="name" required></label>
<label>Vai trò / role <select name="role"><option value="commune_staff">Cán bộ xã / commune staff</option><option value="reviewer">Thẩm định / reviewer</option><option value="admin">Quản trị / admin</option></select></label>
<label>Xã (cán bộ xã) / commune <select name="communeCode"><option value="">—</option></select></label>
<label>Mật khẩu (để trống: cấp mã tham gia) / password (empty: a join code) <input name="password" type="password" minlength="10" autocomplete="new-password"></label>
<button>Tạo / Create</button><p class="msg" role="alert"></p></form>
<script src="/admin.js" defer></script></body></html>`;
}

/** The admin page's accounts table and form, through the same /rpc/accounts.* as any client. */
export const ADMIN_SCRIPT = `'use strict';
const ROLES = { commune_staff: 'Cán bộ xã', reviewer: 'Thẩm định', admin: 'Quản trị' };
async function call(method, input) {
  const res = await fetch('/rpc/' + method, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input || {}), credentials: 'same-origin' });
  const body = await res.json().catch(() => ({}));
  if (res.ok) return body.result;
  throw new Error(body.error ? body.error.vi + ' / ' + body.error.en : 'HTTP ' + res.status);
}
const msg = document.querySelector('#create .msg');
const say = (t) => { msg.textContent = t; };
function cell(tr, text) { const td = document.createElement('td'); td.textContent = text; tr.append(td); return td; }
function button(td, text, fn) { const b = document.createElement('button'); b.type = 'button'; b.textContent = text; b.onclick = () => fn().catch((e) => say(e.message)); td.append(b); }
async function refresh() {
  const list = await call('accounts.list');
  const body = document.querySelector('#accounts tbody');
  body.replaceChildren();
  for (const a of list) {
    const tr = document.createElement('tr');
    cell(tr, a.login); cell(tr, a.name); cell(tr, ROLES[a.role]); cell(tr, a.communeCode || '');
    cell(tr, a.disabled ? 'Đã khóa' : a.hasPassword ? 'Hoạt động' : a.joinCodeUntil ? 'Chờ mã tham gia' : 'Chưa có mật khẩu');
    const td = cell(tr, '');
    button(td, 'Cấp mã mới', async () => { const r = await call('accounts.resetPassword', { id: a.id }); say(a.login + ': mã tham gia / join code ' + r.joinCode); await refresh(); });
    button(td, a.disabled ? 'Mở khóa' : 'Khóa', async () => { await call('accounts.setDisabled', { id: a.id, disabled: !a.disabled }); await refresh(); });
    body.append(tr);
  }
}
document.getElementById('create').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = Object.fromEntries(new FormData(ev.target));
  const input = { login: f.login, name: f.name, role: f.role, communeCode: f.role === 'commune_staff' ? f.communeCode || null : null };
  if (f.password) input.password = f.password;
  try {
    const r = await call('accounts.create', input);
    say(r.joinCode ? r.account.login + ': mã tham gia / join code ' + r.joinCode : r.account.login + ': đã tạo / created');
    ev.target.reset();
    await refresh();
  } catch (e) { say(e.message); }
});
call('project.info').then((info) => {
  const sel = document.querySelector('select[name=communeCode]');
  for (const c of info.settings.communes) { const o = document.createElement('option'); o.value = c.code; o.textContent = c.name + ' (' + c.code + ')'; sel.append(o); }
}).catch((e) => say(e.message));
refresh().catch((e) => say(e.message));
`;

/** The address as a QR code for the server's terminal. */
export function terminalQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true });
}
