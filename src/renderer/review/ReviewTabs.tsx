// The review panel's tabs, with the count of findings shown and of open comments.
import { useReviewT } from './dict';

export type ReviewTab = 'communes' | 'findings' | 'comments' | 'stats' | 'history';

interface Props {
  tab: ReviewTab;
  setTab: (tab: ReviewTab) => void;
  findings: number;
  openComments: number;
}

export function ReviewTabs({ tab, setTab, findings, openComments }: Props) {
  const r = useReviewT();
  const tabs: [ReviewTab, string][] = [
    ['communes', r('tab.communes')],
    ['findings', r('tab.findings', { n: findings })],
    ['comments', r('tab.comments', { n: openComments })],
    ['stats', r('tab.stats')],
    ['history', r('tab.history')],
  ];
  return (
    <nav className="review-tabs" role="tablist">
      {tabs.map(([k, label]) => (
        <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} onClick={() => setTab(k)} data-testid={`review-tab-${k}`}>
          {label}
        </button>
      ))}
    </nav>
  );
}
