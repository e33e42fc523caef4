// The communes tab: each commune's map state, counts, open comments, findings and the acts the
// user may take on it; a click on a row chooses the commune and zooms to it.
import type { Operator, ProjectInfo } from '../../shared/api';
import type { ReviewAct } from '../../shared/review/state';
import { CommuneRow } from './CommuneRow';
import { useReviewT } from './dict';
import type { Overview } from './useReviewData';

interface Props {
  overview: Overview;
  commune: string;
  op: Operator | null;
  statusFills: ProjectInfo['settings']['statusFills'];
  onChoose: (c: Overview['communes'][number]) => void;
  onAct: (code: string, act: ReviewAct) => void;
}

export function CommuneTable({ overview, commune, op, statusFills, onChoose, onAct }: Props) {
  const r = useReviewT();
  return (
    <table className="review-table" data-testid="review-communes">
      <thead>
        <tr>
          <th>{r('col.commune')}</th>
          <th>{r('col.state')}</th>
          <th>{r('col.areas')}</th>
          <th>{r('col.graves')}</th>
          <th>{r('col.comments')}</th>
          <th>{r('col.findings')}</th>
          <th>{r('col.acts')}</th>
        </tr>
      </thead>
      <tbody>
        {overview.communes.map((c) => (
          <CommuneRow key={c.communeCode} c={c} selected={c.communeCode === commune} op={op} statusFills={statusFills} onChoose={() => onChoose(c)} onAct={onAct} />
        ))}
      </tbody>
    </table>
  );
}
