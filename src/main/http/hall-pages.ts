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
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
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
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>QuyTap — Phòng họp / Hall</title><style>${STYLE} svg{width:18rem;height:18rem}</style></head><body>
<h1>QuyTap — Phòng họp huyện / District hall</h1><p>${esc(who)}</p>
<p>Mở địa chỉ này trên máy của từng người / open this address on each person's machine:</p>
<p><a href="${esc(url)}">${esc(url)}</a></p><div data-testid="qr">${svg}</div>
<p class="fp">SHA-256 ${esc(fingerprint)}</p><p><a href="/">← QuyTap</a></p></body></html>`;
}

/** The address as a QR code for the server's terminal. */
export function terminalQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true });
}
