// Point symbols as simple vector shapes in a unit box (x right, y down, 0..1). The map turns them
// into SVG images; the PDF renderer draws them as paths. Sizes are on paper, in millimetres.
import type { Hex, PointSymbol, ShapePart, UnitPt } from './types';

export const RED: Hex = '#e00000';
export const FAMILY_GREEN: Hex = '#00b050';
export const BLACK: Hex = '#000000';
export const WHITE: Hex = '#ffffff';
export const DARK_GREY: Hex = '#404040';
export const BROWN: Hex = '#8a4b14';
export const YELLOW: Hex = '#ffd400';

const CENTRE: UnitPt = [0.5, 0.5];

/** A regular star (or polygon when inner = outer) around (cx, cy); first point straight up. */
export function starPoints(cx: number, cy: number, outer: number, inner: number, points = 5): UnitPt[] {
  const out: UnitPt[] = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    out.push([round(cx + r * Math.cos(a)), round(cy + r * Math.sin(a))]);
  }
  return out;
}

/** An arc from angle a0 to a1 (radians, y down: 0 = right, π/2 = down), as points. */
export function arcPoints(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number, steps = 12): UnitPt[] {
  const out: UnitPt[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = a0 + ((a1 - a0) * i) / steps;
    out.push([round(cx + rx * Math.cos(a)), round(cy + ry * Math.sin(a))]);
  }
  return out;
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}

function rect(x0: number, y0: number, x1: number, y1: number): UnitPt[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

/** A plus sign (Greek cross) polygon centred at (cx, cy), arm half-length a, half-thickness t. */
function plus(cx: number, cy: number, a: number, t: number): UnitPt[] {
  return [
    [cx - t, cy - a],
    [cx + t, cy - a],
    [cx + t, cy - t],
    [cx + a, cy - t],
    [cx + a, cy + t],
    [cx + t, cy + t],
    [cx + t, cy + a],
    [cx - t, cy + a],
    [cx - t, cy + t],
    [cx - a, cy + t],
    [cx - a, cy - t],
    [cx - t, cy - t],
  ].map(([x, y]) => [round(x), round(y)] as UnitPt);
}

/** A tombstone with a cross on it, standing on a ground line: the martyr-grave mark. */
function grave(id: string, body: Hex, outline: Hex, cross: Hex, sizeMm: number): PointSymbol {
  const top = arcPoints(0.5, 0.36, 0.27, 0.22, Math.PI, 2 * Math.PI, 10);
  const stone: UnitPt[] = [[0.23, 0.88], ...top, [0.77, 0.88]];
  return {
    id,
    sizeMm,
    anchor: [0.5, 0.9],
    parts: [
      { type: 'polygon', points: stone, fill: body, stroke: outline, strokeWidth: 0.06 },
      {
        type: 'polyline',
        points: [
          [0.5, 0.26],
          [0.5, 0.74],
        ],
        stroke: cross,
        strokeWidth: 0.09,
        lineCap: 'butt',
      },
      {
        type: 'polyline',
        points: [
          [0.36, 0.4],
          [0.64, 0.4],
        ],
        stroke: cross,
        strokeWidth: 0.09,
        lineCap: 'butt',
      },
      {
        type: 'polyline',
        points: [
          [0.08, 0.9],
          [0.92, 0.9],
        ],
        stroke: outline,
        strokeWidth: 0.07,
        lineCap: 'butt',
      },
    ],
  };
}

/** A flag on a pole (military command); the pole foot is the anchor. */
function flag(id: string, sizeMm: number): PointSymbol {
  return {
    id,
    sizeMm,
    anchor: [0.22, 0.96],
    parts: [
      {
        type: 'polyline',
        points: [
          [0.22, 0.96],
          [0.22, 0.06],
        ],
        stroke: BLACK,
        strokeWidth: 0.07,
        lineCap: 'butt',
      },
      { type: 'polygon', points: rect(0.22, 0.08, 0.92, 0.54), fill: RED, stroke: BLACK, strokeWidth: 0.04 },
      { type: 'polygon', points: starPoints(0.57, 0.31, 0.15, 0.06), fill: YELLOW, stroke: null },
    ],
  };
}

/** People's committee seat: a building (square) with a centred mark; more rings = higher level. */
function seat(id: string, sizeMm: number, rings: number): PointSymbol {
  const parts: ShapePart[] = [
    { type: 'polygon', points: rect(0.1, 0.1, 0.9, 0.9), fill: WHITE, stroke: BLACK, strokeWidth: 0.08 },
  ];
  if (rings >= 2)
    parts.push({ type: 'polygon', points: rect(0.24, 0.24, 0.76, 0.76), fill: null, stroke: BLACK, strokeWidth: 0.06 });
  parts.push({ type: 'polygon', points: starPoints(0.5, 0.52, rings >= 3 ? 0.2 : 0.18, 0.08), fill: RED, stroke: null });
  return { id, sizeMm, anchor: CENTRE, parts };
}

export const SYMBOLS = {
  grave_newly_found: grave('grave_newly_found', RED, '#7a0000', WHITE, 4.2),
  grave_family_cared: grave('grave_family_cared', FAMILY_GREEN, '#006b30', WHITE, 4.2),
  grave_unidentified: grave('grave_unidentified', WHITE, DARK_GREY, DARK_GREY, 4.2),

  cemetery_martyrs: {
    id: 'cemetery_martyrs',
    sizeMm: 5.5,
    anchor: CENTRE,
    parts: [
      { type: 'polygon', points: rect(0.06, 0.06, 0.94, 0.94), fill: WHITE, stroke: RED, strokeWidth: 0.07 },
      { type: 'polygon', points: starPoints(0.5, 0.53, 0.36, 0.145), fill: null, stroke: RED, strokeWidth: 0.07 },
    ],
  },
  // The gate of a cemetery's plan: an arch (two posts and a lintel), where the locator's path starts.
  cemetery_gate: {
    id: 'cemetery_gate',
    sizeMm: 4,
    anchor: CENTRE,
    parts: [
      { type: 'polygon', points: rect(0.12, 0.18, 0.88, 0.34), fill: RED, stroke: null },
      { type: 'polygon', points: rect(0.18, 0.34, 0.32, 0.92), fill: RED, stroke: null },
      { type: 'polygon', points: rect(0.68, 0.34, 0.82, 0.92), fill: RED, stroke: null },
    ],
  },
  cemetery_local: {
    id: 'cemetery_local',
    sizeMm: 4.5,
    anchor: CENTRE,
    parts: [
      { type: 'polygon', points: rect(0.06, 0.06, 0.94, 0.94), fill: WHITE, stroke: BLACK, strokeWidth: 0.07 },
      {
        type: 'polyline',
        points: [
          [0.33, 0.22],
          [0.33, 0.78],
        ],
        stroke: BLACK,
        strokeWidth: 0.08,
        lineCap: 'butt',
      },
      {
        type: 'polyline',
        points: [
          [0.2, 0.38],
          [0.46, 0.38],
        ],
        stroke: BLACK,
        strokeWidth: 0.08,
        lineCap: 'butt',
      },
      {
        type: 'polyline',
        points: [
          [0.67, 0.22],
          [0.67, 0.78],
        ],
        stroke: BLACK,
        strokeWidth: 0.08,
        lineCap: 'butt',
      },
      {
        type: 'polyline',
        points: [
          [0.54, 0.38],
          [0.8, 0.38],
        ],
        stroke: BLACK,
        strokeWidth: 0.08,
        lineCap: 'butt',
      },
    ],
  },

  /** Place of death or battle: crossed swords (two blades with guards), red. */
  info_death_or_battle: {
    id: 'info_death_or_battle',
    sizeMm: 4.5,
    anchor: CENTRE,
    parts: [
      {
        type: 'polyline',
        points: [
          [0.12, 0.12],
          [0.8, 0.8],
        ],
        stroke: RED,
        strokeWidth: 0.1,
        lineCap: 'round',
      },
      {
        type: 'polyline',
        points: [
          [0.88, 0.12],
          [0.2, 0.8],
        ],
        stroke: RED,
        strokeWidth: 0.1,
        lineCap: 'round',
      },
      {
        type: 'polyline',
        points: [
          [0.62, 0.82],
          [0.82, 0.62],
        ],
        stroke: RED,
        strokeWidth: 0.09,
        lineCap: 'round',
      },
      {
        type: 'polyline',
        points: [
          [0.18, 0.62],
          [0.38, 0.82],
        ],
        stroke: RED,
        strokeWidth: 0.09,
        lineCap: 'round',
      },
      {
        type: 'polyline',
        points: [
          [0.8, 0.8],
          [0.92, 0.92],
        ],
        stroke: RED,
        strokeWidth: 0.14,
        lineCap: 'round',
      },
      {
        type: 'polyline',
        points: [
          [0.2, 0.8],
          [0.08, 0.92],
        ],
        stroke: RED,
        strokeWidth: 0.14,
        lineCap: 'round',
      },
    ],
  },
  /** Field aid station or hospital: a red cross on white. */
  info_aid_station: {
    id: 'info_aid_station',
    sizeMm: 4,
    anchor: CENTRE,
    parts: [
      { type: 'circle', cx: 0.5, cy: 0.5, r: 0.46, fill: WHITE, stroke: RED, strokeWidth: 0.06 },
      { type: 'polygon', points: plus(0.5, 0.5, 0.32, 0.11), fill: RED, stroke: null },
    ],
  },
  /** Initial burial place: a small mound on a ground line. */
  info_initial_burial: {
    id: 'info_initial_burial',
    sizeMm: 4,
    anchor: [0.5, 0.8],
    parts: [
      {
        type: 'polygon',
        points: arcPoints(0.5, 0.8, 0.36, 0.42, Math.PI, 2 * Math.PI, 12),
        fill: '#f4c7c3',
        stroke: RED,
        strokeWidth: 0.08,
      },
      {
        type: 'polyline',
        points: [
          [0.04, 0.8],
          [0.96, 0.8],
        ],
        stroke: RED,
        strokeWidth: 0.08,
        lineCap: 'butt',
      },
      {
        type: 'polyline',
        points: [
          [0.5, 0.48],
          [0.5, 0.72],
        ],
        stroke: RED,
        strokeWidth: 0.07,
        lineCap: 'butt',
      },
      {
        type: 'polyline',
        points: [
          [0.41, 0.56],
          [0.59, 0.56],
        ],
        stroke: RED,
        strokeWidth: 0.07,
        lineCap: 'butt',
      },
    ],
  },

  seat_province: seat('seat_province', 4.2, 3),
  seat_district: seat('seat_district', 3.6, 2),
  seat_commune: seat('seat_commune', 3.0, 1),
  military_province: flag('military_province', 5),
  military_district: flag('military_district', 4.4),
  military_commune: flag('military_commune', 3.8),
  settlement_urban: {
    id: 'settlement_urban',
    sizeMm: 2.2,
    anchor: CENTRE,
    parts: [{ type: 'polygon', points: rect(0.12, 0.12, 0.88, 0.88), fill: BLACK, stroke: null }],
  },
  settlement_rural: {
    id: 'settlement_rural',
    sizeMm: 2,
    anchor: CENTRE,
    parts: [{ type: 'circle', cx: 0.5, cy: 0.5, r: 0.38, fill: WHITE, stroke: BLACK, strokeWidth: 0.16 }],
  },
  other_point: {
    id: 'other_point',
    sizeMm: 1.8,
    anchor: CENTRE,
    parts: [{ type: 'circle', cx: 0.5, cy: 0.5, r: 0.4, fill: DARK_GREY, stroke: WHITE, strokeWidth: 0.12 }],
  },
  /** A village (thôn, buôn, bon, TDP) placed as a point: a small brown house, apart from the base map's settlement dots. */
  village: {
    id: 'village',
    sizeMm: 2.8,
    anchor: CENTRE,
    parts: [
      {
        type: 'polygon',
        points: [
          [0.5, 0.1],
          [0.92, 0.48],
          [0.8, 0.48],
          [0.8, 0.9],
          [0.2, 0.9],
          [0.2, 0.48],
          [0.08, 0.48],
        ],
        fill: WHITE,
        stroke: BROWN,
        strokeWidth: 0.12,
      },
    ],
  },
  /** Drawn for a point of an unknown class: a magenta ring, visibly "not classified". */
  unclassified: {
    id: 'unclassified',
    sizeMm: 3,
    anchor: CENTRE,
    parts: [{ type: 'circle', cx: 0.5, cy: 0.5, r: 0.38, fill: null, stroke: '#d000d0', strokeWidth: 0.18 }],
  },
} as const satisfies Record<string, PointSymbol>;

export type SymbolId = keyof typeof SYMBOLS;

function esc(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/**
 * The symbol as an SVG document whose user units are the unit box × 100 (so it has a viewBox of
 * 0 0 100 100); `pixelSize` sets width and height. Used by the map (as a data: URL image) and by
 * on-screen legends; the PDF renderer draws the parts itself.
 */
export function symbolToSvg(sym: PointSymbol, pixelSize: number): string {
  const s = 100;
  const pts = (p: readonly UnitPt[]) => p.map(([x, y]) => `${round(x * s)},${round(y * s)}`).join(' ');
  const paint = (fill: Hex | null, stroke: Hex | null, w: number | undefined) =>
    `fill="${fill ? esc(fill) : 'none'}" stroke="${stroke ? esc(stroke) : 'none'}"` +
    (stroke ? ` stroke-width="${round((w ?? 0.05) * s)}" stroke-linejoin="round"` : '');
  const body = sym.parts
    .map((p) => {
      switch (p.type) {
        case 'polygon':
          return `<polygon points="${pts(p.points)}" ${paint(p.fill, p.stroke, p.strokeWidth)}/>`;
        case 'polyline':
          return `<polyline points="${pts(p.points)}" fill="none" stroke="${esc(p.stroke)}" stroke-width="${round(p.strokeWidth * s)}" stroke-linecap="${p.lineCap ?? 'round'}" stroke-linejoin="round"/>`;
        case 'circle':
          return `<circle cx="${round(p.cx * s)}" cy="${round(p.cy * s)}" r="${round(p.r * s)}" ${paint(p.fill, p.stroke, p.strokeWidth)}/>`;
      }
    })
    .join('');
  const px = Math.max(1, Math.round(pixelSize));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${s} ${s}">${body}</svg>`;
}
