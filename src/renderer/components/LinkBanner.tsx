// Says when the server stopped answering (the hall's network dropped, or the server was stopped),
// what happened to the edits it never acknowledged (kept in this browser, never shown as saved),
// and how to go on offline: the commune package opened in the QuyTap app on this machine, imported
// back into the hall's project later, conflicts shown (docs/HALL.md, "When the network drops").
import { useCallback, useEffect, useState } from 'react';
import { getClient, getLink } from '../api';
import type { LinkState } from '../api/hallLink';
import { toUiError } from '../errors';
import { useI18n } from '../i18n';
import './link-banner.css';

const L = {
  'down.title': ['Mất kết nối với máy chủ.', 'The server does not answer.'],
  'down.body': [
    'Máy chủ phòng họp không trả lời (mất mạng, hoặc máy chủ đã tắt). Thay đổi nào chưa được máy chủ xác nhận thì CHƯA được lưu; {n} thay đổi như vậy đang được giữ trong trình duyệt này để gửi lại khi nối lại. Muốn làm tiếp khi mất mạng: mở gói xã đã tải về (hoặc một bản sao dự án) trong ứng dụng QuyTap trên máy này, vẽ tiếp ở đó, rồi khi nối lại thì nhập gói vào dự án phòng họp (Trao đổi → Gói xã); các chỗ hai bên cùng sửa được hiển thị để chọn.',
    'The hall server does not answer (network down, or the server was stopped). Changes it did not acknowledge are NOT saved; {n} of them are kept in this browser to be sent again when it answers. To go on without the network: open the commune package you downloaded (or a copy of the project) in the QuyTap app on this machine, work there, then import the package into the hall project once connected (Exchange → Commune package); places both sides changed are shown to choose from.',
  ],
  'back.body': ['Máy chủ đã trả lời lại. {n} thay đổi chưa được lưu đang chờ gửi lại.', 'The server answers again. {n} changes not yet saved are waiting to be sent again.'],
  'resend': ['Gửi lại', 'Send again'],
  'discard': ['Bỏ thay đổi này', 'Drop this change'],
  'package': ['Tải gói xã về máy (để làm tiếp khi mất mạng)', 'Download the commune package (to go on offline)'],
  'package.made': ['Đã tạo gói {file}.', 'Package {file} made.'],
  'relogin': [
    'Phiên đăng nhập đã hết (máy chủ có thể đã khởi động lại). Hãy đăng nhập lại; các thay đổi chưa gửi vẫn được giữ trong trình duyệt này và được liệt kê lại sau khi đăng nhập.',
    'The session has ended (the server may have restarted). Log in again; the changes not yet sent stay kept in this browser and are listed again after logging in.',
  ],
  'relogin.link': ['Đăng nhập lại', 'Log in again'],
} as const satisfies Record<string, readonly [string, string]>;

export function LinkBanner({ communeCode }: { communeCode: string | null }) {
  const { lang } = useI18n();
  const t = useCallback((k: keyof typeof L, n?: number | string) => L[k][lang === 'en' ? 1 : 0].replace(/\{\w+\}/, String(n ?? '')), [lang]);
  const link = getLink();
  const [s, setS] = useState<LinkState | null>(link?.state() ?? null);
  const [note, setNote] = useState<string | null>(null);
  const [relogin, setRelogin] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => link?.subscribe(setS), [link]);
  if (!link || !s || (s.reachable && s.unsent.length === 0 && !note)) return null;

  const resend = async () => {
    setBusy(true);
    setNote(null);
    try {
      const r = await link.resend();
      const first = r.failed[0];
      setRelogin(!!first && toUiError(first.error, lang).code === 'unauthorized');
      if (first && toUiError(first.error, lang).code === 'unauthorized') setNote(t('relogin'));
      else if (first) setNote(`${first.call.label}: ${toUiError(first.error, lang).message}`);
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    setNote(null);
    try {
      const out = await getClient().invoke('exchange.packageExport', { communes: communeCode ? [communeCode] : null });
      setNote(t('package.made', out.fileName));
      window.location.assign(getClient().binUrl(out.url.replace(/^\/bin\//, '')));
    } catch (e) {
      setNote(toUiError(e, lang).message);
    }
  };
  return (
    <div className="link-banner" role="alert" data-message data-testid="link-banner" data-reachable={String(s.reachable)} data-unsent={s.unsent.length}>
      {!s.reachable ? (
        <p>
          <b>{t('down.title')}</b> {t('down.body', s.unsent.length)}
        </p>
      ) : s.unsent.length > 0 ? (
        <p>{t('back.body', s.unsent.length)}</p>
      ) : null}
      {s.unsent.length > 0 && (
        <ul data-testid="link-unsent">
          {s.unsent.map((u) => (
            <li key={u.key}>
              {u.label} ({new Date(u.at).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'vi-VN')}){' '}
              <button type="button" onClick={() => link.discard(u.key)}>
                {t('discard')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {s.reachable && s.unsent.length > 0 && (
        <button type="button" disabled={busy} onClick={() => void resend()} data-testid="link-resend">
          {t('resend')}
        </button>
      )}
      {s.reachable && (
        <button type="button" onClick={() => void download()} data-testid="link-package">
          {t('package')}
        </button>
      )}
      {note && <p data-testid="link-note">{note}</p>}
      {relogin && (
        // A new page load: a fresh session and event stream; the kept changes come back from localStorage.
        <a href="/login" data-testid="link-relogin">
          {t('relogin.link')}
        </a>
      )}
    </div>
  );
}
