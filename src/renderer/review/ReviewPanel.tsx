// The review panel: communes with their state and counts, check findings (click = zoom), comments
// pinned on the map with replies, the district statistics and the history of acts. This file puts
// the parts together: the data (useReviewData), the user's choices (useReviewView), the pins and the
// comment being written (useCommentPins, useCommentDraft), zooming beside the panel (useZoomBeside)
// and the acts (useReviewOperator, useReviewActions).
import { useMemo, type RefObject } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import { FloatingPanel } from '../components/FloatingPanel';
import { useCommuneNames } from '../components/useCommuneNames';
import type { MapController } from '../map/MapController';
import { ConfirmAct } from './ConfirmAct';
import { useReviewT } from './dict';
import { PublishDialog } from './PublishDialog';
import { ReturnedBanner } from './ReturnedBanner';
import { ReviewBody } from './ReviewBody';
import { ReviewTabs } from './ReviewTabs';
import { ReviewToolbar } from './ReviewToolbar';
import { ReviewWho } from './ReviewWho';
import { commentsShown, findingsShown, openCommentCount } from './select';
import { useCommentDraft } from './useCommentDraft';
import { useCommentPins } from './useCommentPins';
import { useReviewActions } from './useReviewActions';
import { useReviewData } from './useReviewData';
import { useReviewKeys } from './useReviewKeys';
import { useReviewOperator } from './useReviewOperator';
import { useReviewView } from './useReviewView';
import { useZoomBeside } from './useZoomBeside';

interface Props {
  info: ProjectInfo;
  operator: Operator | null;
  ctl: RefObject<MapController | null>;
  onClose: () => void;
}

export function ReviewPanel({ info, operator, ctl, onClose }: Props) {
  const r = useReviewT();
  const view = useReviewView(info, operator);
  const { tab, setTab, commune, setCommune } = view;
  const nameOf = useCommuneNames(info.settings.communes);
  const { op, chooseCommune } = useReviewOperator(operator, setCommune);
  const data = useReviewData(commune);
  const drafting = useCommentDraft(commune, data.load);
  const pinning = useCommentPins(ctl, data.comments, commune, drafting.setDraft);
  const zoom = useZoomBeside(ctl, pinning.pins);
  const actions = useReviewActions({ data, setCommune, setTab, nameOf });
  useReviewKeys(() => void actions.checkAll(null), onClose, pinning.pinMode || !!drafting.draft);

  const shown = useMemo(() => commentsShown(data.comments, commune, view.openOnly), [data.comments, commune, view.openOnly]);
  const findings = findingsShown(data.run?.findings ?? [], commune);
  const openCount = openCommentCount(data.comments, commune);
  const current = data.overview?.communes.find((c) => c.communeCode === commune);
  const { confirming } = actions;

  return (
    <FloatingPanel kind="review" title={r('title')} closeTitle={r('close')} onClose={onClose} testId="review-panel" closeTestId="review-close" panelRef={zoom.panelRef}>
      <ReviewWho op={op} communes={info.settings.communes} commune={commune} setCommune={setCommune} chooseMyCommune={(code) => void chooseCommune(code)} />
      {current?.state === 'returned' && openCount > 0 && <ReturnedBanner commune={current.name} open={openCount} onClick={() => setTab('comments')} />}
      <ReviewTabs tab={tab} setTab={setTab} findings={findings.length} openComments={openCount} />
      <ReviewToolbar progress={data.progress} onRun={() => void actions.checkAll(null)} note={actions.note} setNote={actions.setNote} />
      <ReviewBody {...{ info, view, data, op, pinning, drafting, zoom, actions, nameOf, findings, shown, current }} />
      {view.publishing && <PublishDialog info={info} onClose={() => view.setPublishing(false)} />}
      {confirming && (
        <ConfirmAct
          act={confirming.act}
          commune={nameOf(confirming.code)}
          note={actions.note}
          changed={confirming.code === commune ? (data.changes?.changes.length ?? 0) : 0}
          onOk={() => void actions.act(confirming.code, confirming.act)}
          onCancel={() => actions.setConfirming(null)}
        />
      )}
    </FloatingPanel>
  );
}
