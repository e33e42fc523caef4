// The drafting options of the toolbar: snapping and its tolerance, tracing along edges, clipping a
// new area to the focused commune. Tracing and clipping last the session (sessionStorage: a new
// session starts from the defaults); the controller is told of every change.
import { useEffect, useState, type RefObject } from 'react';
import type { ProjectInfo } from '../../shared/api';
import type { DraftingController } from './DraftingController';

const TRACE_KEY = 'quytap.trace';
const CLIP_KEY = 'quytap.clip';

function sessionFlag(key: string, byDefault: boolean): boolean {
  const v = sessionStorage.getItem(key);
  return v === null ? byDefault : v === '1';
}

export function useDraftOptions(dc: RefObject<DraftingController | null>, info: ProjectInfo) {
  const [snap, setSnap] = useState(true);
  const [snapTol, setSnapTol] = useState(10);
  // Tracing is on by default: it starts only on a click that snapping put on an edge, which is
  // where an area drawn along the commune boundary begins.
  const [trace, setTrace] = useState(() => sessionFlag(TRACE_KEY, true));
  const [clip, setClip] = useState(() => sessionFlag(CLIP_KEY, false));
  useEffect(() => {
    dc.current?.setSnap(snap, snapTol);
  }, [snap, snapTol, dc]);
  useEffect(() => {
    dc.current?.setTrace(trace);
    sessionStorage.setItem(TRACE_KEY, trace ? '1' : '0');
    // A new controller (another project) starts from its defaults: it is told again.
  }, [trace, info.path, info.crs.code, dc]);
  useEffect(() => sessionStorage.setItem(CLIP_KEY, clip ? '1' : '0'), [clip]);
  return { snap, setSnap, snapTol, setSnapTol, trace, setTrace, clip, setClip };
}
