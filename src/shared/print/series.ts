// A series: the frames at one scale that together cover the area. A grid of overlapping frames
// over the area's box; the frames whose own part (without the overlap margin, which a neighbour
// shows) holds none of the area's polygons are not made. Of a few placements of that grid
// (centred, or flush with an edge), the one needing the fewest sheets is taken, so an L-shaped
// commune does not get sheets holding a sliver of it. Numbered row by row from the top left; the
// same settings always give the same numbering (the index sheet and every sheet agree).
import { ApiError } from '../api-error';
import type { Extent } from '../model/geometry';
import { formatScale } from '../symbology';
import type { Area } from './area';
import { extentTouchesPolygons } from './geom';
import { sheetsAtMost } from './scale';

export const MAX_SHEETS = 100;

export interface Series {
  /** Ground extent of each sheet's frame, in sheet order. */
  cells: Extent[];
  /** The grid the cells were taken from: columns × rows. */
  nx: number;
  ny: number;
}

const tooMany = (n: number, scale: number, paper: string) =>
  new ApiError(
    'validation',
    `Ở tỷ lệ ${formatScale(scale)} vùng in cần ${n} tờ ${paper} (tối đa ${MAX_SHEETS}). Hãy chọn tỷ lệ nhỏ hơn hoặc khổ giấy lớn hơn.`,
    `At 1:${scale} the area needs ${n} ${paper} sheets (at most ${MAX_SHEETS}). Choose a smaller scale or a larger paper.`,
    { sheets: n, scale },
  );

// Every sheet of a series asks the same questions of the same (long) boundaries: answered once
// per project data (the area is resolved anew for each sheet, so it is keyed by its communes).
const touchMemos = new WeakMap<object, Map<string, boolean>>();
function touches(owner: object, area: Area, own: Extent): boolean {
  let m = touchMemos.get(owner);
  if (!m) touchMemos.set(owner, (m = new Map()));
  const key = `${area.kind}|${area.extent.join(',')}|${area.communes.map((c) => c.id).join(',')}|${own.join(',')}`;
  let t = m.get(key);
  if (t === undefined) m.set(key, (t = extentTouchesPolygons(own, area.polys)));
  return t;
}

/**
 * The sheets the area needs at `scale` in frames of fw × fh mm overlapping by `overlapMm`; `owner`
 * (the print input) keys the memo of which frames touch the area.
 */
export function seriesOf(owner: object, area: Area, fw: number, fh: number, scale: number, overlapMm: number, paper: string): Series {
  const ov = Math.min(overlapMm, Math.min(fw, fh) / 3);
  const areaW = area.extent[2] - area.extent[0];
  const areaH = area.extent[3] - area.extent[1];
  const nx = sheetsAtMost(areaW, 1, fw, fh, scale, overlapMm);
  const ny = sheetsAtMost(1, areaH, fw, fh, scale, overlapMm);
  if (nx * ny > MAX_SHEETS * 4) throw tooMany(nx * ny, scale, paper);
  const gwM = (fw * scale) / 1000;
  const ghM = (fh * scale) / 1000;
  if (nx * ny === 1) {
    const cx = (area.extent[0] + area.extent[2]) / 2;
    const cy = (area.extent[1] + area.extent[3]) / 2;
    return { cells: [[cx - gwM / 2, cy - ghM / 2, cx + gwM / 2, cy + ghM / 2]], nx, ny };
  }
  const stepE = ((fw - ov) * scale) / 1000;
  const stepN = ((fh - ov) * scale) / 1000;
  const spareE = nx * stepE + (ov * scale) / 1000 - areaW;
  const spareN = ny * stepN + (ov * scale) / 1000 - areaH;
  const h = (ov * scale) / 2000;
  const grid = (fe: number, fn: number): Extent[] => {
    const cells: Extent[] = [];
    for (let row = 0; row < ny; row++)
      for (let col = 0; col < nx; col++) {
        const e0 = area.extent[0] - spareE * fe + col * stepE;
        const n1 = area.extent[3] + spareN * fn - row * stepN;
        const cell: Extent = [e0, n1 - ghM, e0 + gwM, n1];
        // What only the overlap margin holds is on a neighbour already: test the cell's own part.
        if (touches(owner, area, [cell[0] + h, cell[1] + h, cell[2] - h, cell[3] - h])) cells.push(cell);
      }
    return cells;
  };
  // Centred first: a tie keeps the centred grid.
  let best = grid(0.5, 0.5);
  for (const fe of [0.5, 0, 1])
    for (const fn of [0.5, 0, 1]) {
      if (fe === 0.5 && fn === 0.5) continue;
      const cells = grid(fe, fn);
      if (cells.length && cells.length < best.length) best = cells;
    }
  if (best.length > MAX_SHEETS) throw tooMany(best.length, scale, paper);
  return { cells: best, nx, ny };
}
