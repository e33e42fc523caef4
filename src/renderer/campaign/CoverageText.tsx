import { percentText } from '../../shared/campaign/coverage';
import { useCampaignT } from './dict';
import type { CommuneP } from './types';

/** Returned / households (percent), flagged when under the target. */
export function CoverageText({ cov }: { cov: CommuneP['coverage'] }) {
  const c = useCampaignT();
  const under = cov.meetsTarget !== true;
  return (
    <span className={under ? 'bad' : 'good'}>
      {cov.returned.toLocaleString('vi-VN')}/{cov.households.toLocaleString('vi-VN')} ({percentText(cov.percent)}){under ? ` ⚠ ${c('under')}` : ''}
    </span>
  );
}
