// The sheet's own label rule: a printed map is matched against the named areas of a conclusion, so
// every search-area code, every settlement (village) name and every river, stream and road name is
// printed at every scale. The screen keeps its rules (symbology/labels.ts): there a name that does
// not fit simply waits for the next zoom level, on paper it never comes.
import { labelText, type StyleSpec } from '../symbology';
import type { PrintFeature } from './input';

/** Classes named on every sheet, whatever the screen's scale range for their label. */
const ALWAYS_NAMED = new Set([
  'base_points:settlement_urban',
  'base_points:settlement_rural',
  'base_lines:road',
  'base_lines:river',
  'base_lines:stream',
]);

function alwaysNamed(f: PrintFeature, style: StyleSpec): boolean {
  return f.table === 'search_areas' || ALWAYS_NAMED.has(style.classKey);
}

/** The text a sheet prints for a feature (null: no label on paper). */
export function printLabelText(f: PrintFeature, style: StyleSpec): string | null {
  if (style.labelText) return style.labelText;
  if (!style.label || !alwaysNamed(f, style)) return null;
  return labelText(style.label, f.props);
}
