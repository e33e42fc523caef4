// The current tool. A tool that writes is refused on a locked commune (the toast says why instead
// of drawing what main refuses), and a lock that comes while one is on goes back to selecting.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useToast } from '../components/common';
import type { DraftingController, Tool } from './DraftingController';
import { READ_ONLY_TOOLS } from './communeLock';
import type { Measure } from './useDraftingController';

export function useTool(dc: RefObject<DraftingController | null>, focusLockText: string | null, setMeasure: (m: Measure | null) => void) {
  const toast = useToast();
  const [tool, setToolState] = useState<Tool>('select');
  /** The tool at the moment of a map click (the merge tool's second area). */
  const toolRef = useRef<Tool>('select');
  const focusLockRef = useRef<string | null>(null);
  focusLockRef.current = focusLockText;
  const setTool = useCallback(
    (t: Tool) => {
      if (focusLockRef.current && !READ_ONLY_TOOLS.includes(t)) {
        toast(focusLockRef.current, 'error');
        return;
      }
      toolRef.current = t;
      setToolState(t);
      setMeasure(null);
      dc.current?.abort();
      dc.current?.setTool(t);
    },
    [toast, dc, setMeasure],
  );
  // Locked while a drawing tool is on (a review act, another focus): back to selecting.
  useEffect(() => {
    if (focusLockText && !READ_ONLY_TOOLS.includes(toolRef.current)) {
      toolRef.current = 'select';
      setToolState('select');
      dc.current?.abort();
      dc.current?.setTool('select');
    }
  }, [focusLockText, dc]);
  return { tool, toolRef, setTool };
}
