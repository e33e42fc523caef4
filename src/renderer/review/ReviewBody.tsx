// The open tab's content: communes (with what changed since the submission), findings, comments,
// statistics or history.
import type { Operator, ProjectInfo } from '../../shared/api';
import type { ReviewComment } from '../../shared/review/comment';
import type { Finding } from '../../shared/review/finding';
import { isReviewer } from '../../shared/review/state';
import { ChangesSince } from './ChangesSince';
import { CommentsTab } from './CommentsTab';
import { CommuneTable } from './CommuneTable';
import { FindingsTab } from './FindingsTab';
import { HistoryTab } from './HistoryTab';
import { StatsTab } from './StatsTab';
import type { Drafting } from './useCommentDraft';
import type { Pinning } from './useCommentPins';
import type { ReviewActions } from './useReviewActions';
import type { Overview, ReviewData } from './useReviewData';
import type { ReviewView } from './useReviewView';
import type { Zoom } from './useZoomBeside';

interface Props {
  info: ProjectInfo;
  view: ReviewView;
  data: ReviewData;
  op: Operator | null;
  pinning: Pinning;
  drafting: Drafting;
  zoom: Zoom;
  actions: ReviewActions;
  nameOf: (code: string | null) => string;
  findings: Finding[];
  shown: ReviewComment[];
  current: Overview['communes'][number] | undefined;
}

export function ReviewBody({ info, view, data, op, pinning, drafting, zoom, actions, nameOf, findings, shown, current }: Props) {
  const { tab, commune } = view;
  const judged = current && (current.state === 'submitted' || current.state === 'approved');
  const chooseRow = (c: Overview['communes'][number]) => {
    view.setCommune(c.communeCode);
    if (c.extent) zoom.fitBeside(c.extent, 5);
  };
  return (
    <div className="review-body">
      {tab === 'communes' && data.overview && (
        <CommuneTable overview={data.overview} commune={commune} op={op} statusFills={info.settings.statusFills} onChoose={chooseRow} onAct={actions.askAct} />
      )}
      {tab === 'communes' && judged && data.changes?.submittedAt && <ChangesSince communeName={current.name} changes={data.changes} onZoom={zoom.zoomTo} />}
      {tab === 'findings' && <FindingsTab ran={!!data.run} findings={findings} nameOf={nameOf} onZoom={zoom.zoomTo} />}
      {tab === 'comments' && (
        <CommentsTab
          pinning={pinning}
          drafting={drafting}
          openOnly={view.openOnly}
          setOpenOnly={view.setOpenOnly}
          shown={shown}
          comments={data.comments}
          canResolve={isReviewer(op)}
          onZoom={zoom.zoomToComment}
          onChanged={data.load}
        />
      )}
      {tab === 'stats' && data.stats && <StatsTab stats={data.stats} op={op} onPublish={() => view.setPublishing(true)} />}
      {tab === 'history' && <HistoryTab history={data.history} nameOf={nameOf} />}
    </div>
  );
}
