import { percentText } from '../../shared/campaign/coverage';
import { useCampaignT } from './dict';
import type { CommuneP } from './types';

/** A coverage figure as a table cell, flagged with why when under the target or missing households. */
export function CoverageCell({ cov }: { cov: CommuneP['coverage'] }) {
  const c = useCampaignT();
  const under = cov.meetsTarget !== true;
  const why = cov.meetsTarget === null || cov.missingHouseholds ? c('missing') : under ? c('under') : '';
  return (
    <td className={`num${under ? ' bad' : ' good'}`} data-testid="campaign-coverage" title={why}>
      {percentText(cov.percent)}
      {under && <span className="campaign-flag"> ⚠ {why}</span>}
    </td>
  );
}
