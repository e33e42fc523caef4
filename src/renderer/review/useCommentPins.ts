// Comment pins on the map while the review panel is open, and pin mode: the next click on the map
// places a new comment (on the feature under it, if any); Escape leaves pin mode.
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ReviewComment } from '../../shared/review/comment';
import { TABLES } from '../../shared/model/tables';
import { useI18n } from '../i18n';
import type { MapController } from '../map/MapController';
import { CommentPins } from './CommentPins';
import { useReviewT } from './dict';
import type { CommentDraft } from './useCommentDraft';

export function useCommentPins(ctl: RefObject<MapController | null>, comments: ReviewComment[], commune: string, onPlaced: (draft: CommentDraft) => void) {
  const r = useReviewT();
  const { pick } = useI18n();
  const [pinMode, setPinMode] = useState(false);
  const pins = useRef<CommentPins | null>(null);

  useEffect(() => {
    const c = ctl.current;
    if (!c) return;
    pins.current = new CommentPins(c);
    return () => {
      pins.current?.dispose();
      pins.current = null;
    };
  }, [ctl]);
  useEffect(() => {
    pins.current?.show(comments.filter((c) => c.communeCode === commune && !c.resolved));
  }, [comments, commune]);

  useEffect(() => {
    const c = ctl.current;
    if (!pinMode || !c) return;
    const key = c.map.on('singleclick', (e) => {
      const hit = c.hitsAt(e.pixel).find((h) => h.table !== 'admin_units');
      const what = hit ? `${pick(TABLES[hit.table])} ${String(hit.props.code ?? hit.props.name ?? hit.id.slice(0, 8))}` : r('comment.onMap');
      onPlaced({ x: e.coordinate[0], y: e.coordinate[1], table: hit?.table ?? null, featureId: hit?.id ?? null, what });
      setPinMode(false);
    });
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPinMode(false);
    window.addEventListener('keydown', onKey);
    return () => {
      c.map.un('singleclick', key.listener);
      window.removeEventListener('keydown', onKey);
    };
  }, [pinMode, ctl, pick, r, onPlaced]);

  return { pins, pinMode, setPinMode };
}

export type Pinning = ReturnType<typeof useCommentPins>;
