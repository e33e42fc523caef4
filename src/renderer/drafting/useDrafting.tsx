// The drafting workspace, kept out of Workspace.tsx (which other features also touch): commune
// focus, tools and their shortcuts, the inspector, the dock (feature table, records), typed
// coordinates. Every user action becomes ONE edits.apply (one undo step).
//
// One concern per file: the state in useDraftingState.ts (a hook for each: controller, history,
// commune focus, review locks, selection, tool, options, shapes, area tools, commands, dock, keys),
// the pieces Workspace places in DraftingViews.tsx.
import { draftingDock, draftingInspector, draftingOverlays, draftingToolbar } from './DraftingViews';
import { useDraftingState, type DraftingArgs } from './useDraftingState';

export function useDrafting(args: DraftingArgs) {
  const s = useDraftingState(args);
  return {
    toolbar: draftingToolbar(s),
    inspector: draftingInspector(s),
    dock: draftingDock(s),
    overlays: draftingOverlays(s),
    hasInspector: s.selection.hasInspector,
    bump: s.history.bump,
    focus: s.communes.focus,
  };
}
