// The drafting toolbar: one button per tool with its shortcut in the tooltip, snapping, the commune
// focus and the panels. Other features' buttons go in the top bar (Workspace.tsx), not here.
import type { ReactNode } from 'react';
import type { DKey } from './dict';
import { useD } from './dict';
import type { Tool } from './DraftingController';
import { READ_ONLY_TOOLS } from './communeLock';

export const TOOL_BUTTONS: { tool: Tool; icon: string; key: DKey; shortcut: string }[] = [
  { tool: 'select', icon: '➚', key: 'tool.select', shortcut: 'V' },
  { tool: 'move', icon: '✥', key: 'tool.move', shortcut: 'T' },
  { tool: 'polygon', icon: '⬠', key: 'tool.polygon', shortcut: 'P' },
  { tool: 'hole', icon: '◎', key: 'tool.hole', shortcut: 'H' },
  { tool: 'grave', icon: '✝', key: 'tool.grave', shortcut: 'G' },
  { tool: 'cemetery', icon: '⛫', key: 'tool.cemetery', shortcut: 'C' },
  { tool: 'cemeteryArea', icon: '▣', key: 'tool.cemeteryArea', shortcut: 'Shift+C' },
  { tool: 'plot', icon: '▯', key: 'tool.plot', shortcut: 'O' },
  { tool: 'village', icon: '⌂', key: 'tool.village', shortcut: 'N' },
  { tool: 'info', icon: 'ⓘ', key: 'tool.info', shortcut: 'I' },
  { tool: 'line', icon: '╱', key: 'tool.line', shortcut: 'L' },
  { tool: 'split', icon: '✂', key: 'tool.split', shortcut: 'X' },
  { tool: 'merge', icon: '⊎', key: 'tool.merge', shortcut: 'J' },
  { tool: 'measure', icon: '⟷', key: 'tool.measure', shortcut: 'M' },
  { tool: 'measureArea', icon: '⬚', key: 'tool.measureArea', shortcut: 'Shift+M' },
];

export function Toolbar({
  tool,
  onTool,
  snap,
  onSnap,
  snapTol,
  onSnapTol,
  trace,
  onTrace,
  clip,
  onClip,
  canClip,
  onCoords,
  lockReason = null,
  onDelete,
  onUndo,
  onRedo,
  canDelete,
  commune,
  dock,
  onDock,
}: {
  tool: Tool;
  onTool: (t: Tool) => void;
  snap: boolean;
  onSnap: (on: boolean) => void;
  snapTol: number;
  onSnapTol: (px: number) => void;
  trace: boolean;
  onTrace: (on: boolean) => void;
  clip: boolean;
  onClip: (on: boolean) => void;
  /** A commune is focused (clipping cuts to its boundary). */
  canClip: boolean;
  onCoords: () => void;
  /** Why the focused commune may not be edited (approved, submitted): the drawing tools are off and say so. */
  lockReason?: string | null;
  onDelete: () => void;
  onUndo: () => void;
  onRedo: () => void;
  canDelete: boolean;
  commune: ReactNode;
  dock: 'table' | 'records' | null;
  onDock: (d: 'table' | 'records') => void;
}) {
  const d = useD();
  const locked = (tool: string) => !!lockReason && !READ_ONLY_TOOLS.includes(tool);
  const tip = (text: string, tool: string) => (locked(tool) ? d('lock.tool', { tool: text, reason: lockReason! }) : text);
  return (
    <div className="draft-toolbar" role="toolbar" data-testid="draft-toolbar">
      {commune}
      <span className="tb-sep" />
      {TOOL_BUTTONS.map((b) => (
        <button
          key={b.tool}
          className={`tb-btn${tool === b.tool ? ' tb-on' : ''}`}
          aria-pressed={tool === b.tool}
          title={tip(d(b.key), b.tool)}
          aria-label={d(b.key)}
          data-testid={`tool-${b.tool}`}
          disabled={locked(b.tool)}
          onClick={() => onTool(b.tool)}
        >
          <span aria-hidden="true">{b.icon}</span>
          <kbd>{b.shortcut.replace('Shift+', '⇧')}</kbd>
        </button>
      ))}
      <button className="tb-btn" title={tip(d('tool.coords'), 'coords')} aria-label={d('tool.coords')} data-testid="tool-coords" onClick={onCoords} disabled={locked('coords')}>
        <span aria-hidden="true">⌖</span>
        <kbd>K</kbd>
      </button>
      <button className="tb-btn" title={tip(d('tool.delete'), 'delete')} aria-label={d('tool.delete')} data-testid="tool-delete" onClick={onDelete} disabled={!canDelete || locked('delete')}>
        <span aria-hidden="true">✕</span>
        <kbd>Del</kbd>
      </button>
      <span className="tb-sep" />
      <button className="tb-btn" title={d('tool.undo')} aria-label={d('tool.undo')} data-testid="tool-undo" onClick={onUndo}>
        ↶
      </button>
      <button className="tb-btn" title={d('tool.redo')} aria-label={d('tool.redo')} data-testid="tool-redo" onClick={onRedo}>
        ↷
      </button>
      <span className="tb-sep" />
      <label className="tb-snap" title={d('tool.snap')}>
        <input type="checkbox" checked={snap} onChange={(e) => onSnap(e.target.checked)} data-testid="snap-toggle" /> ⊹<kbd>S</kbd>
      </label>
      <label className="tb-snap" title={d('tool.snapTol')}>
        <input
          type="number"
          min={1}
          max={50}
          value={snapTol}
          onChange={(e) => onSnapTol(Math.max(1, Math.min(50, Number(e.target.value) || 10)))}
          data-testid="snap-tolerance"
          aria-label={d('tool.snapTol')}
        />
        px
      </label>
      <label className="tb-snap" title={d('tool.trace')}>
        <input type="checkbox" checked={trace} onChange={(e) => onTrace(e.target.checked)} data-testid="trace-toggle" aria-label={d('tool.trace')} /> ⤳<kbd>B</kbd>
      </label>
      <label className="tb-snap" title={canClip ? d('tool.clip') : d('tool.clipNoFocus')}>
        <input type="checkbox" checked={clip} disabled={!canClip} onChange={(e) => onClip(e.target.checked)} data-testid="clip-toggle" aria-label={d('tool.clipName')} /> ✂
        {d('tool.clipShort')}
      </label>
      <span className="tb-sep" />
      <button className={`tb-btn${dock === 'table' ? ' tb-on' : ''}`} title={d('tool.table')} aria-label={d('tool.table')} data-testid="dock-table" onClick={() => onDock('table')}>
        ▦<kbd>F</kbd>
      </button>
      <button className={`tb-btn${dock === 'records' ? ' tb-on' : ''}`} title={d('tool.records')} aria-label={d('tool.records')} data-testid="dock-records" onClick={() => onDock('records')}>
        ☰<kbd>R</kbd>
      </button>
    </div>
  );
}
