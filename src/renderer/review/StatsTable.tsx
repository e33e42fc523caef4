// The district statistics: per commune its state, the conclusion's six figures (a figure that
// disagrees with the map is marked), the graves the map counts as family-cared and the figures'
// source; then the district's totals.
import { STATISTICS } from '../../shared/model/enums';
import { TABLES } from '../../shared/model/tables';
import { STATE_LABELS } from '../../shared/review/state';
import { useI18n } from '../i18n';
import { useReviewT } from './dict';
import type { Stats } from './useReviewData';

export function StatsTable({ stats }: { stats: Stats }) {
  const r = useReviewT();
  const { pick, num } = useI18n();
  const label = (k: string) => pick(TABLES.conclusions.fields.find((f) => f.name === k)!);
  return (
    <table className="review-table review-stats" data-testid="review-stats-table">
      <thead>
        <tr>
          <th>{r('col.commune')}</th>
          <th>{r('col.state')}</th>
          {STATISTICS.map((k) => (
            <th key={k} title={label(k)}>
              {label(k)}
            </th>
          ))}
          <th>{r('stats.map')}</th>
          <th>{r('stats.source')}</th>
        </tr>
      </thead>
      <tbody>
        {stats.rows.map((s) => (
          <tr key={s.communeCode} data-testid="review-stats-row" data-code={s.communeCode} data-state={s.state}>
            <td>{s.communeName}</td>
            <td>
              <span className={`review-state state-${s.state}`}>{pick(STATE_LABELS[s.state])}</span>
            </td>
            {STATISTICS.map((k) => (
              <td key={k} className={s.mismatches.includes(k) ? 'bad' : ''} title={s.mismatches.includes(k) ? r('stats.mismatch') : ''} data-figure={k}>
                {s.figures[k] === null ? '—' : num(s.figures[k]!)}
              </td>
            ))}
            <td className={`num${s.mismatches.includes('family_cared') ? ' bad' : ''}`} data-testid="review-stats-map">
              {num(s.map.gravesFamilyCared)}
            </td>
            <td className="small">{r(`stats.source.${s.source}`)}</td>
          </tr>
        ))}
        <tr className="total">
          <td>{r('stats.total')}</td>
          <td />
          {STATISTICS.map((k) => (
            <td key={k} className={`num${stats.mismatches.includes(k) ? ' bad' : ''}`}>
              {stats.totals[k] === null ? '—' : num(stats.totals[k]!)}
            </td>
          ))}
          <td className={`num${stats.mismatches.includes('family_cared') ? ' bad' : ''}`}>{num(stats.mapTotals.gravesFamilyCared)}</td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}
