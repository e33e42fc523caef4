// One commune in the communes tab: state (and who set it), search areas by status, graves by kind,
// open comments, findings, and the acts this user may take (staff submit their own; reviewers judge).
import type { Operator, ProjectInfo } from '../../shared/api';
import { SEARCH_AREA_STATUSES } from '../../shared/model/enums';
import { ACT_LABELS, actRefusal, REVIEW_ACTS, STATE_LABELS, stateRefusal, type ReviewAct } from '../../shared/review/state';
import { useI18n } from '../i18n';
import { useReviewT } from './dict';
import type { Overview } from './useReviewData';

interface Props {
  c: Overview['communes'][number];
  selected: boolean;
  op: Operator | null;
  statusFills: ProjectInfo['settings']['statusFills'];
  onChoose: () => void;
  onAct: (code: string, act: ReviewAct) => void;
}

export function CommuneRow({ c, selected, op, statusFills, onChoose, onAct }: Props) {
  const r = useReviewT();
  const { pick, date } = useI18n();
  const acts = REVIEW_ACTS.filter((a) => !actRefusal(op, a, c.communeCode) && !stateRefusal(c.state, a));
  return (
    <tr data-testid="review-commune-row" data-code={c.communeCode} data-state={c.state} className={selected ? 'sel' : ''} onClick={onChoose}>
      <td>{c.name}</td>
      <td>
        <span className={`review-state state-${c.state}`} data-testid="review-state">
          {pick(STATE_LABELS[c.state])}
        </span>
        {c.updatedBy && <div className="muted small">{r('by', { who: c.updatedBy, when: c.updatedAt ? date(c.updatedAt) : '' })}</div>}
      </td>
      <td className="small">
        {SEARCH_AREA_STATUSES.map((s) => (
          <span key={s} className={`review-swatch status-${s}`} title={s} style={{ background: statusFills[s] }}>
            {c.counts.areasByStatus[s]}
          </span>
        ))}
      </td>
      <td className="small">
        {c.counts.gravesByKind.newly_found} / {c.counts.gravesByKind.family_cared} / {c.counts.gravesByKind.unidentified}
      </td>
      <td>{c.openComments}</td>
      <td>{c.findings ? <span className={c.findings.errors ? 'bad' : 'good'}>{`${c.findings.errors} / ${c.findings.warnings}`}</span> : <span className="muted small">{r('notChecked')}</span>}</td>
      <td className="review-acts">
        {acts.map((a) => (
          <button
            key={a}
            onClick={(e) => {
              e.stopPropagation();
              onAct(c.communeCode, a);
            }}
            data-testid={`review-act-${a}`}
          >
            {pick(ACT_LABELS[a])}
          </button>
        ))}
      </td>
    </tr>
  );
}
