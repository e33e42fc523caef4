import type { CrsDatum, CrsDef } from '../catalogue';
import { parseDecimalDegrees } from './decimalDegrees';
import { parseDms } from './dms';
import { parseMgrs } from './mgrs';
import { looksLikePlane } from './planeText';
import { fail, type ParseResult } from './result';
import { parseUtm } from './utm';
import { parseVn2000XY } from './vn2000XY';

export type CoordinateFormat = 'dd' | 'dms' | 'vn2000' | 'utm' | 'mgrs' | 'mgrs-indian1960';

export type ParseCoordinateOptions = {
  /** Read as this format only; otherwise the format is recognised from the text. */
  format?: CoordinateFormat;
  /** VN-2000 zone for "X=… Y=…" text. */
  crs?: CrsDef | string;
  /** Grid zone designator for short MGRS references ("YU123456"). */
  gridZone?: string;
  utmDatum?: CrsDatum;
};

/** Which notation a text is written in; MGRS is taken as WGS 84 unless the caller says otherwise. */
export function detectFormat(text: string): CoordinateFormat | undefined {
  const s = text.trim().toUpperCase();
  if (/^\d{1,2}\s*[C-HJ-NP-X]\s*[A-HJ-NP-Z]\s*[A-HJ-NP-V](\s*\d)*$/.test(s)) return 'mgrs';
  if (/^[A-HJ-NP-Z]\s*[A-HJ-NP-V](\s*\d)+$/.test(s)) return 'mgrs';
  if (/^\d{1,2}\s*[A-Z]\s+\d{6}/.test(s)) return 'utm';
  // Before degrees: "1381500,5 432800,25" has two numbers like "12,5 107,9", but too big for degrees.
  if (looksLikePlane(text)) return 'vn2000';
  if (/(^|[^A-Z])X\s*(\(M\))?\s*[=:]/.test(s) && /(^|[^A-Z])Y\s*(\(M\))?\s*[=:]/.test(s)) return 'vn2000';
  if (/[°º˚'′"″]/.test(s) || (s.match(/\d+(?:[.,]\d+)?/g) ?? []).length > 2) return 'dms';
  if (/\d/.test(s)) return 'dd';
  return undefined;
}

export function parseCoordinate(text: string, options: ParseCoordinateOptions = {}): ParseResult {
  const format = options.format ?? detectFormat(text);
  switch (format) {
    case 'dd':
      return parseDecimalDegrees(text);
    case 'dms':
      return parseDms(text);
    case 'utm':
      return parseUtm(text, { datum: options.utmDatum });
    case 'mgrs':
      return parseMgrs(text, { gridZone: options.gridZone });
    case 'mgrs-indian1960':
      return parseMgrs(text, { datum: 'Indian 1960', gridZone: options.gridZone });
    case 'vn2000':
      if (!options.crs) {
        return fail('Cần chọn múi chiếu VN-2000 cho toạ độ X, Y', 'Choose the VN-2000 zone for X, Y coordinates');
      }
      return parseVn2000XY(text, options.crs);
    default:
      return fail(
        `Không nhận ra dạng toạ độ "${text}": hãy viết như X=1381500,5 Y=432800,25, 12,4025 107,8541, 12°24′31″B 107°51′15″Đ hoặc 48P YU 123 456`,
        `Unrecognised coordinate "${text}": write it like X=1381500.5 Y=432800.25, 12.4025 107.8541, 12°24′31″N 107°51′15″E or 48P YU 123 456`,
      );
  }
}
