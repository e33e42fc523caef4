// Import wizard, export and commune packages in one dialog with three tabs.
import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../shared/api';
import { useExchangeT } from './dict';
import { ExportTab } from './ExportTab';
import { ImportWizard } from './ImportWizard';
import { PackageTab } from './PackageTab';

type Tab = 'import' | 'export' | 'package';

export function ExchangeDialog({ info, onClose, initialTab = 'import' }: { info: ProjectInfo; onClose: () => void; initialTab?: Tab }) {
  const x = useExchangeT();
  const [tab, setTab] = useState<Tab>(initialTab);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop xc-backdrop">
      <div className="xc-dialog" role="dialog" aria-modal="true" aria-label={x('title')} data-testid="exchange-dialog">
        <div className="xc-head">
          <span className="xc-title">{x('title')}</span>
          <div className="xc-tabs" role="tablist">
            {(['import', 'export', 'package'] as const).map((t) => (
              <button key={t} role="tab" aria-selected={tab === t} className={`xc-tab${tab === t ? ' xc-tab-on' : ''}`} onClick={() => setTab(t)} data-testid={`exchange-tab-${t}`}>
                {x(`tab.${t}`)}
              </button>
            ))}
          </div>
          <button className="top-btn" onClick={onClose} data-testid="exchange-close">
            {x('close')}
          </button>
        </div>
        <div className="xc-body">
          {tab === 'import' && <ImportWizard info={info} />}
          {tab === 'export' && <ExportTab info={info} />}
          {tab === 'package' && <PackageTab info={info} />}
        </div>
      </div>
    </div>
  );
}
