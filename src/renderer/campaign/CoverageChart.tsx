// Form 01 coverage per commune as horizontal bars (SVG, no chart library): the target as a dashed
// line, bars under it red, at or over it green, communes without figures grey.
import type { Output } from '../../shared/api';
import { percentText } from '../../shared/campaign/coverage';
import { useCampaignT } from './dict';

const ROW = 18;
const LABEL = 110;
const BAR = 260;

export function CoverageChart({ progress }: { progress: Output<'campaign.progress'> }) {
  const c = useCampaignT();
  const rows = progress.communes;
  const h = rows.length * ROW + 22;
  const x = (pct: number) => LABEL + (Math.min(100, Math.max(0, pct)) / 100) * BAR;
  return (
    <figure className="campaign-chart" data-testid="campaign-chart">
      <figcaption>{c('chart.title', { target: progress.targetPercent })}</figcaption>
      <svg width={LABEL + BAR + 70} height={h} role="img" aria-label={c('chart.title', { target: progress.targetPercent })}>
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const p = r.coverage.percent;
          const colour = p === null ? '#c9ced6' : r.coverage.meetsTarget ? '#3a9a4a' : '#c0392b';
          return (
            <g key={r.communeCode} data-testid={`campaign-bar-${r.communeCode}`} data-under={r.coverage.meetsTarget !== true ? '1' : '0'}>
              <text x={LABEL - 6} y={y + 11} textAnchor="end" fontSize="11">
                {r.communeName}
              </text>
              <rect x={LABEL} y={y} width={p === null ? 4 : Math.max(1, x(p) - LABEL)} height={ROW - 6} fill={colour} />
              <text x={(p === null ? LABEL + 4 : x(p)) + 4} y={y + 11} fontSize="11" fill={p === null ? '#6b7280' : colour}>
                {p === null ? c('chart.none') : percentText(p)}
              </text>
            </g>
          );
        })}
        <line x1={x(progress.targetPercent)} x2={x(progress.targetPercent)} y1={0} y2={h - 16} stroke="#1f2933" strokeDasharray="4 3" />
        <text x={x(progress.targetPercent)} y={h - 4} fontSize="10" textAnchor="middle">
          {progress.targetPercent} %
        </text>
        <text x={LABEL} y={h - 4} fontSize="10" textAnchor="middle">
          0 %
        </text>
      </svg>
    </figure>
  );
}
