import type { CrsDatum } from '../catalogue';

/** WGS 84 [longitude, latitude] in degrees. */
export type LonLat = [number, number];

export type BilingualMessage = { vi: string; en: string };

export type CoordinateSource =
  | { format: 'dd' | 'dms'; lat: number; lon: number }
  | { format: 'vn2000'; crsCode: string; /** northing */ x: number; /** easting */ y: number }
  | {
      format: 'utm';
      datum: CrsDatum;
      zone: number;
      hemisphere: 'N' | 'S';
      band?: string;
      easting: number;
      northing: number;
    }
  | {
      format: 'mgrs';
      datum: 'WGS 84' | 'Indian 1960';
      /** Canonical spaced form, e.g. "48P YU 123 456". */
      mgrs: string;
      zone: number;
      band: string;
      /** UTM of the cell's south-west corner on the reference's own datum. */
      easting: number;
      northing: number;
      digits: number;
      /** WGS 84 position of the south-west corner: what GEOTRANS returns for the string. */
      swCorner: LonLat;
    };

/**
 * `precisionM` is the resolution of what was written (1 m for "1371234", 100 m for a
 * 6-digit MGRS reference, 11 m for 4-decimal degrees), not the accuracy of the source map.
 * For MGRS, `lonLat` is the centre of the referenced cell: a reference names a square,
 * and its centre is the position closest to every point the square can hold.
 */
export type ParseResult =
  { ok: true; lonLat: LonLat; source: CoordinateSource; precisionM: number } | { ok: false; error: BilingualMessage };

export const fail = (vi: string, en: string): ParseResult => ({ ok: false, error: { vi, en } });

export const METRES_PER_DEGREE = 111_320;
