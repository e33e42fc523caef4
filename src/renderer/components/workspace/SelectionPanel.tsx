// What is under the cursor, or what was clicked (pinned): the feature panel, and the map's highlight.
import { FeaturePanel } from '../FeaturePanel';
import type { useWorkspaceMap } from './useWorkspaceMap';

export function SelectionPanel({ map }: { map: ReturnType<typeof useWorkspaceMap> }) {
  const { hover, pinned, setPinned, ctl } = map;
  const shownHits = pinned ?? hover;
  return (
    <FeaturePanel
      hits={shownHits}
      pinned={!!pinned}
      onClear={() => {
        setPinned(null);
        ctl.current?.highlightSelected(null);
      }}
      onPick={(h) => {
        const rest = shownHits.filter((x) => x.id !== h.id);
        setPinned([h, ...rest]);
        ctl.current?.highlightSelected(h);
      }}
    />
  );
}
