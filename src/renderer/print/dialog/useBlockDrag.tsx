// Dragging a furniture block on the preview moves it (saved as its top-left corner in mm): one
// transparent handle per block over the SVG, following the pointer while it is down.
import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { SheetSettingsInput } from '../../../shared/print';
import { BLOCK_NAMES, type BlockName } from '../../../shared/print/paper';
import { draggedTo, mmPerPx, withBlockAt, type Drag } from './sheet-settings';
import type { Composed } from './useLivePreview';

export function useBlockDrag(composed: Composed | null, settings: SheetSettingsInput, patch: (x: Partial<SheetSettingsInput>) => void) {
  const svgWrap = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [dragPos, setDragPos] = useState<{ name: BlockName; x: number; y: number } | null>(null);
  const onBlockDown = (name: BlockName, e: ReactPointerEvent<SVGRectElement>) => {
    const b = composed?.report.blocks[name];
    const svg = svgWrap.current?.querySelector('svg');
    if (!b || !svg || !composed) return;
    drag.current = { name, x0: e.clientX, y0: e.clientY, bx: b.x, by: b.y, mmPerPx: mmPerPx(composed.list.page, svg.getBoundingClientRect()) };
    (e.target as Element).setPointerCapture(e.pointerId);
  };
  const onBlockMove = (e: ReactPointerEvent<SVGRectElement>) => {
    const g = drag.current;
    if (g) setDragPos(draggedTo(g, e.clientX, e.clientY));
  };
  const onBlockUp = () => {
    const g = drag.current;
    drag.current = null;
    if (g && dragPos) patch({ layout: withBlockAt(settings.layout, g.name, dragPos) });
    setDragPos(null);
  };

  const overlay = useMemo(() => {
    if (!composed) return null;
    return BLOCK_NAMES.map((name) => {
      const b = composed.report.blocks[name];
      if (!b) return null;
      const at = dragPos?.name === name ? dragPos : b;
      return (
        <rect
          key={name}
          className="print-block-handle"
          data-testid={`print-block-${name}`}
          x={at.x}
          y={at.y}
          width={b.w}
          height={b.h}
          onPointerDown={(e) => onBlockDown(name, e)}
          onPointerMove={onBlockMove}
          onPointerUp={onBlockUp}
        />
      );
    });
  }, [composed, dragPos]);
  return { svgWrap, overlay };
}
