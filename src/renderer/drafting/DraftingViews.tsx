// The drafting workspace's pieces as Workspace places them: the toolbar, the inspector, the dock
// and what lies over the map, each drawn from the state (useDraftingState.ts).
import { CommuneSelect } from './CommuneSelect';
import { DraftingDock } from './DraftingDock';
import { DraftingOverlays } from './DraftingOverlays';
import { Inspector } from './Inspector';
import { Toolbar } from './Toolbar';
import type { DraftingState } from './useDraftingState';

export function draftingToolbar({ tools, options, communes, locks, coords, selection, history, dock, deleteSelected }: DraftingState) {
  const commune = (
    <CommuneSelect
      communes={communes.communes}
      focus={communes.focus}
      onChoose={communes.chooseCommune}
      lock={locks.focusLock}
      lockText={locks.focusLockText}
      unlocked={locks.unlocked}
      onUnlocked={locks.setUnlocked}
    />
  );
  return (
    <Toolbar
      tool={tools.tool}
      onTool={tools.setTool}
      snap={options.snap}
      onSnap={options.setSnap}
      snapTol={options.snapTol}
      onSnapTol={options.setSnapTol}
      trace={options.trace}
      onTrace={options.setTrace}
      clip={options.clip}
      onClip={options.setClip}
      canClip={!!communes.focusCommune?.geometry}
      onCoords={() => coords.setCoordsOpen(true)}
      lockReason={locks.focusLockText}
      onDelete={() => void deleteSelected()}
      onUndo={history.undo}
      onRedo={history.redo}
      canDelete={!!selection.sel}
      commune={commune}
      dock={dock.dock}
      onDock={dock.toggleDock}
    />
  );
}

export function draftingInspector({ selection, locks, history, dock, dc, ctl, setPinned }: DraftingState) {
  const target = selection.target;
  if (!target) return null;
  return (
    <Inspector
      key={target.kind === 'new' ? `new-${target.table}-${JSON.stringify(target.geometry).length}` : `${target.table}-${target.id}`}
      target={target}
      lockFor={locks.lockFor}
      historyTick={history.ownTick}
      onSeen={selection.onSeen}
      onClose={() => {
        if (target.kind === 'new') {
          dc.current?.abort();
          selection.setSketch(null);
        } else {
          setPinned(null);
          ctl.current?.highlightSelected(null);
        }
      }}
      onCreated={(table, id) => {
        dc.current?.clearSketch();
        selection.setSketch(null);
        history.bump();
        selection.setSel({ table, id });
      }}
      onOpenRecord={dock.openRecord}
    />
  );
}

export function draftingDock({ dock, ctl, selection, communes, history, locks }: DraftingState) {
  if (!dock.dock) return null;
  return (
    <DraftingDock
      panel={dock}
      ctl={ctl}
      selectedId={selection.sel?.id ?? null}
      selectFeature={selection.selectFeature}
      communeCode={communes.focus}
      changeTick={history.changeTick}
      reviewLockOf={locks.reviewLockOf}
    />
  );
}

export function draftingOverlays({ history, measure, communes, locks, coords, info }: DraftingState) {
  return (
    <DraftingOverlays
      conflict={history.shapeConflict}
      onConflictDone={history.resolveConflict}
      measure={measure}
      focusCommune={communes.focusCommune}
      lock={locks.focusLock}
      lockText={locks.focusLockText}
      coords={{ open: coords.coordsOpen, crs: info.crs, canMove: coords.canMove, onPlace: coords.place, onClose: () => coords.setCoordsOpen(false) }}
    />
  );
}
