// "Bàn giao / Lưu bản sao": the whole project as one verified .gpkg (project.handover), offered as a
// download (browser mode: the server may be another machine; Electron: its save dialog), and the
// way to the commune package for sending only some communes.
import { Suspense, useEffect, useState } from 'react';
import type { Output, ProjectInfo } from '../../shared/api';
import { TABLES } from '../../shared/model/tables';
import { getClient } from '../api';
import { ExchangeDialog } from '../exchange/lazyDialog';
import { useI18n } from '../i18n';
import { useApi, useErrorToast } from './common';

type Handover = Output<'project.handover'>;

export function HandoverButton({ info }: { info: ProjectInfo }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'handover' | 'package' | null>(null);
  return (
    <>
      <button className="top-btn" onClick={() => setOpen('handover')} title={t('handover.buttonTitle')} data-testid="handover-button">
        <svg className="top-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M5 1h2v5h2.5L6 9.5 2.5 6H5zM1 10h10v1.5H1z" fill="currentColor" />
        </svg>{' '}
        {t('handover.button')}
      </button>
      {open === 'handover' && <HandoverDialog onClose={() => setOpen(null)} onPackage={() => setOpen('package')} />}
      {open === 'package' && (
        <Suspense fallback={null}>
          <ExchangeDialog info={info} initialTab="package" onClose={() => setOpen(null)} />
        </Suspense>
      )}
    </>
  );
}

function sizeText(bytes: number, num: (n: number, d?: number) => string): string {
  return bytes >= 1024 * 1024 ? `${num(bytes / 1024 / 1024, 1)} MB` : `${num(bytes / 1024, 0)} KB`;
}

function HandoverDialog({ onClose, onPackage }: { onClose: () => void; onPackage: () => void }) {
  const api = useApi();
  const { t, pick, num } = useI18n();
  const showError = useErrorToast();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Handover | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const make = async () => {
    setBusy(true);
    try {
      setMade(await api.invoke('project.handover', {}));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <div className="modal modal-wide handover-dialog" role="dialog" aria-modal="true" aria-label={t('handover.title')} data-testid="handover-dialog">
        <div className="modal-title">{t('handover.title')}</div>
        <div className="modal-body handover-body">
          <p>{t('handover.intro')}</p>
          <button type="button" className="btn btn-primary" onClick={make} disabled={busy} data-testid="handover-make" autoFocus>
            {busy ? t('handover.making') : t('handover.make')}
          </button>
          {made && (
            <div className="handover-done" data-testid="handover-done" title={made.path}>
              <p>{t('handover.done', { name: made.fileName, size: sizeText(made.sizeBytes, num) })}</p>
              <a className="btn btn-primary" href={getClient().binUrl(`exports/${made.fileName}`)} download={made.fileName} data-testid="handover-download">
                {t('handover.download', { name: made.fileName })}
              </a>
              <p className="muted">{t('handover.where')}</p>
              <table className="grid-table handover-counts" aria-label={t('handover.counts')}>
                <tbody>
                  {made.counts
                    .filter((c) => c.count > 0)
                    .map((c) => (
                      <tr key={c.table}>
                        <th>{pick(TABLES[c.table as keyof typeof TABLES] ?? { vi: c.table, en: c.table })}</th>
                        <td className="num">{num(c.count)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted">{t('handover.packageHint')}</p>
        </div>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onPackage} data-testid="handover-package">
            {t('handover.package')}
          </button>
          <button type="button" className="btn" onClick={onClose} data-testid="handover-close">
            {t('handover.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
