// Who is reviewing (name and role), a commune staff member's own commune, and the commune the
// panel's comments, findings and changes are about.
import type { Operator, ProjectInfo } from '../../shared/api';
import { useReviewT } from './dict';

interface Props {
  op: Operator | null;
  communes: ProjectInfo['settings']['communes'];
  commune: string;
  setCommune: (code: string) => void;
  chooseMyCommune: (code: string | null) => void;
}

export function ReviewWho({ op, communes, commune, setCommune, chooseMyCommune }: Props) {
  const r = useReviewT();
  const options = communes.map((c) => (
    <option key={c.code} value={c.code}>
      {c.name}
    </option>
  ));
  return (
    <div className="review-who" data-testid="review-who">
      <span>
        {r('me')}: <b>{op?.name ?? '—'}</b> · {op ? r(`role.${op.role}`) : ''}
      </span>
      {op?.role === 'commune_staff' && (
        <label>
          {r('myCommune')}{' '}
          <select value={op.communeCode ?? ''} onChange={(e) => chooseMyCommune(e.target.value || null)} data-testid="review-my-commune">
            <option value="">{r('myCommune.none')}</option>
            {options}
          </select>
        </label>
      )}
      <label>
        {r('comments.commune')}{' '}
        <select value={commune} onChange={(e) => setCommune(e.target.value)} data-testid="review-commune">
          {options}
        </select>
      </label>
    </div>
  );
}
