// The findings tab: the last check run's findings for the chosen commune (and those of no commune);
// a click zooms to the faulty feature.
import type { Finding } from '../../shared/review/finding';
import { useI18n } from '../i18n';
import { useReviewT } from './dict';
import type { ZoomTarget } from './useZoomBeside';

interface Props {
  /** False until the checks have run once in this project. */
  ran: boolean;
  findings: Finding[];
  nameOf: (code: string | null) => string;
  onZoom: (t: ZoomTarget) => void;
}

export function FindingsTab({ ran, findings, nameOf, onZoom }: Props) {
  const r = useReviewT();
  const { pick } = useI18n();
  return (
    <div data-testid="review-findings">
      {!ran ? (
        <p className="muted">{r('findings.notRun')}</p>
      ) : findings.length === 0 ? (
        <p className="muted">{r('findings.none')}</p>
      ) : (
        <ul className="review-list">
          {findings.map((f, i) => (
            <li key={`${f.rule}-${f.id}-${i}`} className={`finding sev-${f.severity}`} onClick={() => onZoom(f)} title={r('zoom')} data-testid="review-finding" data-rule={f.rule}>
              <span className="sev">{r(f.severity === 'error' ? 'sev.error' : 'sev.warning')}</span>
              <span className="msg">{pick(f)}</span>
              <span className="muted small">
                {f.rule} · {nameOf(f.communeCode)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
