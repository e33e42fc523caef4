// Label rules: which field gives the text, font size on paper (pt), halo, priority (higher wins
// a collision) and from which scale on the label appears.
import type { Props } from '../model/rows';
import type { FeatureTableName, LabelRule } from './types';

const HALO = { color: '#ffffff', widthMm: 0.5 } as const;
const BOUNDARY_TEXT = '#5e1f70';
const WATER_TEXT = '#1f5fa8';

/** Rules by class key (`table:value`), falling back to the table's rule (`table:*`). */
export const LABEL_RULES: Readonly<Record<string, LabelRule | null>> = {
  'admin_units:province': {
    fields: ['name'],
    fontSizePt: 14,
    bold: true,
    uppercase: true,
    color: BOUNDARY_TEXT,
    halo: HALO,
    priority: 100,
    placement: 'polygon',
  },
  'admin_units:district': {
    fields: ['name'],
    fontSizePt: 12,
    bold: true,
    uppercase: true,
    color: BOUNDARY_TEXT,
    halo: HALO,
    priority: 95,
    placement: 'polygon',
  },
  'admin_units:commune': {
    fields: ['name'],
    fontSizePt: 11,
    bold: true,
    uppercase: true,
    color: BOUNDARY_TEXT,
    halo: HALO,
    priority: 90,
    placement: 'polygon',
  },
  'admin_units:village': {
    fields: ['name'],
    fontSizePt: 7.5,
    italic: true,
    color: BOUNDARY_TEXT,
    halo: HALO,
    priority: 40,
    placement: 'polygon',
    maxScaleDenominator: 25_000,
  },
  'admin_units:former': null,
  'admin_units:*': { fields: ['name'], fontSizePt: 9, color: BOUNDARY_TEXT, halo: HALO, priority: 50, placement: 'polygon' },

  // "KV-03: Đồi Cao": code and name where both are filled in.
  'search_areas:*': {
    fields: ['code', 'name'],
    join: ': ',
    fontSizePt: 8,
    bold: true,
    color: '#202020',
    halo: HALO,
    priority: 80,
    placement: 'polygon',
    maxScaleDenominator: 60_000,
  },

  'villages:*': {
    fields: ['name'],
    fontSizePt: 7,
    color: '#6a4020',
    halo: HALO,
    priority: 50,
    placement: 'point',
    offsetMm: [0, 3],
    maxScaleDenominator: 50_000,
  },
  'graves:*': {
    fields: ['name'],
    fontSizePt: 6.5,
    color: '#7a0000',
    halo: HALO,
    priority: 30,
    placement: 'point',
    offsetMm: [0, 3],
    maxScaleDenominator: 5_000,
  },
  'cemeteries:martyrs': {
    fields: ['name'],
    fontSizePt: 8,
    bold: true,
    color: '#c00000',
    halo: HALO,
    priority: 75,
    placement: 'point',
    offsetMm: [0, 4.2],
  },
  'cemeteries:*': {
    fields: ['name'],
    fontSizePt: 7,
    color: '#303030',
    halo: HALO,
    priority: 45,
    placement: 'point',
    offsetMm: [0, 3.6],
    maxScaleDenominator: 25_000,
  },
  'info_points:*': {
    fields: ['name'],
    fontSizePt: 6.5,
    italic: true,
    color: '#a00000',
    halo: HALO,
    priority: 35,
    placement: 'point',
    offsetMm: [0, 3.4],
    maxScaleDenominator: 10_000,
  },

  'base_points:settlement_urban': {
    fields: ['name'],
    fontSizePt: 9,
    bold: true,
    color: '#000000',
    halo: HALO,
    priority: 70,
    placement: 'point',
    offsetMm: [0, 3],
  },
  'base_points:settlement_rural': {
    fields: ['name'],
    fontSizePt: 7.5,
    color: '#000000',
    halo: HALO,
    priority: 60,
    placement: 'point',
    offsetMm: [0, 2.8],
    maxScaleDenominator: 60_000,
  },
  'base_points:other_point': {
    fields: ['name'],
    fontSizePt: 6.5,
    color: '#404040',
    halo: HALO,
    priority: 20,
    placement: 'point',
    offsetMm: [0, 2.6],
    maxScaleDenominator: 10_000,
  },
  'base_points:*': {
    fields: ['name'],
    fontSizePt: 6.5,
    color: '#202020',
    halo: HALO,
    priority: 50,
    placement: 'point',
    offsetMm: [0, 3.4],
    maxScaleDenominator: 25_000,
  },

  // Roads by their number (QL14, ĐT683), else their name.
  'base_lines:road': {
    fields: ['number', 'name'],
    fontSizePt: 7,
    bold: true,
    color: '#5a3a1a',
    halo: HALO,
    priority: 65,
    placement: 'line',
    maxScaleDenominator: 100_000,
  },
  'base_lines:railway': {
    fields: ['name'],
    fontSizePt: 7,
    color: '#000000',
    halo: HALO,
    priority: 40,
    placement: 'line',
    maxScaleDenominator: 50_000,
  },
  'base_lines:river': {
    fields: ['name'],
    fontSizePt: 8,
    italic: true,
    color: WATER_TEXT,
    halo: HALO,
    priority: 55,
    placement: 'line',
  },
  'base_lines:stream': {
    fields: ['name'],
    fontSizePt: 6.5,
    italic: true,
    color: WATER_TEXT,
    halo: HALO,
    priority: 25,
    placement: 'line',
    maxScaleDenominator: 25_000,
  },
  'base_lines:contour': {
    fields: ['elevation'],
    fontSizePt: 5.5,
    color: '#8a5a2c',
    halo: HALO,
    priority: 5,
    placement: 'line',
    maxScaleDenominator: 10_000,
  },
  'base_lines:*': null,

  'base_areas:lake': {
    fields: ['name'],
    fontSizePt: 7.5,
    italic: true,
    color: WATER_TEXT,
    halo: HALO,
    priority: 50,
    placement: 'polygon',
    maxScaleDenominator: 50_000,
  },
  'base_areas:river_area': {
    fields: ['name'],
    fontSizePt: 8,
    italic: true,
    color: WATER_TEXT,
    halo: HALO,
    priority: 55,
    placement: 'polygon',
  },
  'base_areas:*': null,
};

export function labelRuleFor(table: FeatureTableName, value: string | null): LabelRule | null {
  if (value !== null) {
    const k = `${table}:${value}`;
    if (k in LABEL_RULES) return LABEL_RULES[k] ?? null;
  }
  return LABEL_RULES[`${table}:*`] ?? null;
}

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10);
  return String(v).trim();
}

/** The label text of a feature under a rule (null when its fields are empty). Text is NFC. */
export function labelText(rule: LabelRule, props: Props): string | null {
  let text = '';
  if (rule.join !== undefined) {
    text = rule.fields
      .map((f) => str(props[f]))
      .filter(Boolean)
      .join(rule.join);
  } else {
    for (const f of rule.fields) {
      const v = str(props[f]);
      if (v) {
        text = v;
        break;
      }
    }
  }
  text = text.trim();
  if (!text) return null;
  if (rule.uppercase) text = text.toLocaleUpperCase('vi');
  return text.normalize('NFC');
}

/** Whether a rule (or a class) is shown at scale 1:N. */
export function visibleAtScale(maxScaleDenominator: number | undefined, denominator: number | undefined): boolean {
  return maxScaleDenominator === undefined || denominator === undefined || denominator <= maxScaleDenominator;
}
