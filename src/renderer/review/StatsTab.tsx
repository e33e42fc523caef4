// The statistics tab: the district's figures per commune (StatsTable), as CSV or PDF, and the
// district administrator's "send to the province".
import type { Operator } from '../../shared/api';
import { useApi, useErrorToast } from '../components/common';
import { base64Bytes, saveBlob } from '../components/saveBlob';
import { useReviewT } from './dict';
import { StatsTable } from './StatsTable';
import type { Stats } from './useReviewData';

export function StatsTab({ stats, op, onPublish }: { stats: Stats; op: Operator | null; onPublish: () => void }) {
  const api = useApi();
  const r = useReviewT();
  const showError = useErrorToast();
  const csv = async () => {
    try {
      const { fileName, csv } = await api.invoke('review.statisticsCsv', {});
      saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
    } catch (e) {
      showError(e);
    }
  };
  const pdf = async () => {
    try {
      const { fileName, base64 } = await api.invoke('review.statisticsPdf', {});
      saveBlob(new Blob([base64Bytes(base64)], { type: 'application/pdf' }), fileName);
    } catch (e) {
      showError(e);
    }
  };
  return (
    <div data-testid="review-stats">
      <div className="review-row">
        <button data-testid="review-csv" onClick={() => void csv()}>
          {r('stats.csv')}
        </button>
        <button data-testid="review-pdf" onClick={() => void pdf()}>
          {r('stats.pdf')}
        </button>
        {/* The district admin's act (the hall server allows it to administrators only); hidden from a
            commune's own staff, shown in single-user mode where one person is everyone. */}
        {!(op?.role === 'commune_staff' && op.communeCode) && (
          <button onClick={onPublish} title={r('publish.button.title')} data-testid="rollup-open">
            {r('publish.button')}
          </button>
        )}
      </div>
      <StatsTable stats={stats} />
    </div>
  );
}
