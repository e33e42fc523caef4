// Styles described as data, in PAPER units (millimetres, points), so that the same description
// drives the on-screen map (mm → px) and the vector PDF sheet (mm as they are).
// Pure TypeScript: no DOM, no OpenLayers.
import type { TableName } from '../model/tables';

/** The feature tables (those with a geometry). */
export type FeatureTableName =
    | 'admin_units'
  | 'search_areas'
  | 'graves'
  | 'cemeteries'
  | 'cemetery_plots'
  | 'info_points'
  | 'base_points'
  | 'base_lines'
  | 'base_areas'
  | 'villages';

/** A colour as '#rrggbb'. */
export type Hex = string;

export interface FillSpec {
  color: Hex;
  /** 0..1; 1 = opaque as printed. */
  opacity: number;
}

export interface StrokeSpec {
  color: Hex;
  /** Line width on paper, millimetres. */
  widthMm: number;
  /** Dash pattern on paper, millimetres: [dash, gap, dash, gap, …]; absent = solid. */
  dashMm?: readonly number[];
  lineCap?: 'butt' | 'round' | 'square';
  lineJoin?: 'miter' | 'round' | 'bevel';
  /** 0..1, default 1. */
  opacity?: number;
}

/** A point in a symbol's unit box: x right, y DOWN (as in SVG), both 0..1. */
export type UnitPt = readonly [number, number];

/** One drawing element of a point symbol, in its unit box. Stroke widths are in unit-box units. */
export type ShapePart =
  | {
      type: 'polygon';
      points: readonly UnitPt[];
      fill: Hex | null;
      stroke: Hex | null;
      strokeWidth?: number;
    }
  | {
      type: 'polyline';
      points: readonly UnitPt[];
      stroke: Hex;
      strokeWidth: number;
      lineCap?: 'butt' | 'round' | 'square';
    }
  | {
      type: 'circle';
      cx: number;
      cy: number;
      r: number;
      fill: Hex | null;
      stroke: Hex | null;
      strokeWidth?: number;
    };

export interface PointSymbol {
  /** Stable identifier (also used to cache rendered images). */
  id: string;
  /** Edge length of the unit box on paper, millimetres. */
  sizeMm: number;
  /** The unit-box point that sits on the feature's position (centre unless a flag or a mound). */
  anchor: UnitPt;
  parts: readonly ShapePart[];
}

export interface HaloSpec {
  color: Hex;
  widthMm: number;
}

/** How a table's features are labelled. */
export interface LabelRule {
  /** Fields tried in order; the first non-empty one gives the text (all of them, with `join`). */
  fields: readonly string[];
  /** When set, every non-empty field is used, joined by this (e.g. ': ' gives "KV-03: Đồi Cao"). */
  join?: string;
  fontSizePt: number;
  bold?: boolean;
  italic?: boolean;
  uppercase?: boolean;
  color: Hex;
  halo: HaloSpec | null;
  /** Higher wins when labels collide. */
  priority: number;
  /**
   * The label is shown only at scales 1:N with N ≤ this (zoomed in enough); absent = always.
   */
  maxScaleDenominator?: number;
  /** Where the text goes: at the point (offset below/right), inside the polygon, along the line. */
  placement: 'point' | 'polygon' | 'line';
  /** Offset from the anchor on paper, millimetres (x right, y down). */
  offsetMm?: readonly [number, number];
}

export type GeometryKind = 'area' | 'line' | 'point';

/** Everything needed to draw one feature. */
export interface StyleSpec {
  /** `table:value` of the classifying field, e.g. 'search_areas:done'; `table:*` when unclassified. */
  classKey: string;
  table: FeatureTableName;
  /** The class's geometry kind; cemeteries may be areas or points, so both parts may be filled in. */
  geometry: GeometryKind | 'mixed';
  fill: FillSpec | null;
  /** Drawn in order (a casing first, then the line on top). */
  strokes: readonly StrokeSpec[];
  symbol: PointSymbol | null;
  label: LabelRule | null;
  /** The label text for this feature (null when none). */
  labelText: string | null;
  /** Drawing order within and across layers: higher is on top. */
  zIndex: number;
  /** The feature is drawn only at scales 1:N with N ≤ this; absent = always. */
  maxScaleDenominator?: number;
}

export interface LegendEntry {
  classKey: string;
  table: FeatureTableName;
  kind: GeometryKind;
  vi: string;
  en: string;
  /** True when the text is from existing sheets' legends (DOMAIN.md); false for our additions. */
  fromExistingSheets: boolean;
  style: StyleSpec;
}

export type { TableName };
