// A cemetery's plots laid out as a grid from a few clicks: the origin (the outer corner of plot 1 of
// row 1), the direction of the rows (azimuth, clockwise from grid north), rows × plots per row, the
// plot's size and the gaps between plots and between rows. All in the working CRS's metres (a TM-3
// or UTM plane: no scale factor matters over a cemetery's hundred metres).
// Plots run along the azimuth; rows follow one another to its right (or left), so a grid drawn from
// the gate's corner along the front wall numbers the way the plan on the wall does.

export interface PlotGridInput {
  origin: readonly [number, number];
  /** Degrees clockwise from grid north, the direction in which plot numbers grow along a row. */
  azimuthDeg: number;
  rows: number;
  plotsPerRow: number;
  /** Along the row (m). */
  plotWidth: number;
  /** Across the row (m). */
  plotDepth: number;
  /** Between two plots of a row (m). */
  plotGap: number;
  /** Between two rows (the path between them, m). */
  rowGap: number;
  /** Rows follow one another to the right of the azimuth (default) or to its left. */
  side?: 'right' | 'left';
  section?: string;
  firstRow?: number;
  firstPlot?: number;
  /** Plot numbers start again at each row (default), or run on through the section. */
  numbering?: 'per_row' | 'continuous';
}

export interface GridPlot {
  section: string;
  row: string;
  plotNumber: string;
  /** Closed ring, counter-clockwise, in the working CRS. */
  ring: [number, number][];
  centre: [number, number];
}

/** The most plots one grid makes (a district cemetery holds a few thousand). */
export const MAX_GRID_PLOTS = 20_000;

export type GridProblem = { field: keyof PlotGridInput; vi: string; en: string };

/** What is wrong with the input, in words, or null: checked before anything is counted or drawn. */
export function gridProblem(g: PlotGridInput): GridProblem | null {
  const whole = (n: number) => Number.isInteger(n) && n >= 1;
  if (!g.origin.every(Number.isFinite)) return { field: 'origin', vi: 'Điểm gốc không hợp lệ.', en: 'The origin is not a valid point.' };
  if (!Number.isFinite(g.azimuthDeg)) return { field: 'azimuthDeg', vi: 'Hướng hàng không hợp lệ.', en: 'The row direction is not valid.' };
  if (!whole(g.rows)) return { field: 'rows', vi: 'Số hàng phải là số nguyên từ 1.', en: 'The number of rows must be a whole number from 1.' };
  if (!whole(g.plotsPerRow)) return { field: 'plotsPerRow', vi: 'Số mộ mỗi hàng phải là số nguyên từ 1.', en: 'Plots per row must be a whole number from 1.' };
  if (g.rows * g.plotsPerRow > MAX_GRID_PLOTS)
    return {
      field: 'rows',
      vi: `Lưới có ${g.rows * g.plotsPerRow} mộ, quá ${MAX_GRID_PLOTS}. Hãy chia nghĩa trang thành nhiều khu.`,
      en: `The grid has ${g.rows * g.plotsPerRow} plots, over ${MAX_GRID_PLOTS}. Split the cemetery into sections.`,
    };
  for (const f of ['plotWidth', 'plotDepth'] as const)
    if (!(g[f] > 0 && g[f] <= 50)) return { field: f, vi: 'Kích thước mộ phải từ trên 0 đến 50 m.', en: 'A plot’s size must be over 0 and at most 50 m.' };
  for (const f of ['plotGap', 'rowGap'] as const)
    if (!(g[f] >= 0 && g[f] <= 100)) return { field: f, vi: 'Khoảng cách phải từ 0 đến 100 m.', en: 'A gap must be from 0 to 100 m.' };
  return null;
}

/** The unit vectors along the row and across it (towards the next row), from the azimuth. */
export function gridAxes(azimuthDeg: number, side: 'right' | 'left' = 'right'): { along: [number, number]; across: [number, number] } {
  const a = (azimuthDeg * Math.PI) / 180;
  const along: [number, number] = [Math.sin(a), Math.cos(a)];
  // Right of the direction of travel is the direction turned 90° clockwise.
  const across: [number, number] = side === 'right' ? [along[1], -along[0]] : [-along[1], along[0]];
  return { along, across };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Every plot of the grid, row by row, plot numbers growing along the azimuth. */
export function generatePlotGrid(g: PlotGridInput): GridPlot[] {
  const problem = gridProblem(g);
  if (problem) throw new Error(problem.en);
  const { along, across } = gridAxes(g.azimuthDeg, g.side);
  const [ox, oy] = g.origin;
  const firstRow = g.firstRow ?? 1;
  const firstPlot = g.firstPlot ?? 1;
  const at = (u: number, v: number): [number, number] => [round(ox + along[0] * u + across[0] * v), round(oy + along[1] * u + across[1] * v)];
  const out: GridPlot[] = [];
  for (let r = 0; r < g.rows; r++) {
    const v0 = r * (g.plotDepth + g.rowGap);
    for (let p = 0; p < g.plotsPerRow; p++) {
      const u0 = p * (g.plotWidth + g.plotGap);
      const corners = [at(u0, v0), at(u0 + g.plotWidth, v0), at(u0 + g.plotWidth, v0 + g.plotDepth), at(u0, v0 + g.plotDepth)];
      if (signedArea(corners) < 0) corners.reverse();
      const n = g.numbering === 'continuous' ? firstPlot + r * g.plotsPerRow + p : firstPlot + p;
      out.push({
        section: g.section ?? '',
        row: String(firstRow + r),
        plotNumber: String(n),
        ring: [...corners, corners[0]!],
        centre: at(u0 + g.plotWidth / 2, v0 + g.plotDepth / 2),
      });
    }
  }
  return out;
}

function signedArea(pts: readonly [number, number][]): number {
  let s = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i]!;
    const [x1, y1] = pts[(i + 1) % pts.length]!;
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}
