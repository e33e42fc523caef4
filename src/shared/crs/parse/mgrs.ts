import * as mgrsModule from 'mgrs';
import { hundredKmLetters, hundredKmSquareOrigin, unwrapNorthing } from '../mgrsGrid';
import { northingOfParallel, utmToDatumLonLat, utmToWgs84, wgs84ToUtm } from '../utmOnDatum';
import { bandLatitudes } from '../utmZone';
import { fail, type LonLat, type ParseResult } from './result';

// Bundlers load the package's ES module; Node loads its UMD build, whose exports sit on `default`.
const mgrs: typeof mgrsModule = (mgrsModule as unknown as { default?: typeof mgrsModule }).default ?? mgrsModule;

export type MgrsDatum = 'WGS 84' | 'Indian 1960';

export type MgrsOptions = {
  /** 'Indian 1960' for war-era US L7014 maps: the grid is UTM on Everest 1830. */
  datum?: MgrsDatum;
  /** Grid zone designator ("48P") for a reference read on one sheet, e.g. "YU123456". */
  gridZone?: string;
};

/** A 100 km square may reach this far past its band and still be accepted. */
const BAND_TOLERANCE_DEG = 0.05;

type MgrsParts = { zone: number; band: string; letters: string; east: string; north: string };

function splitDigits(digits: string): [string, string] | undefined {
  const groups = digits.trim().split(/\s+/).filter(Boolean);
  if (groups.length === 0) return ['', ''];
  if (groups.length === 2) return groups[0].length === groups[1].length ? [groups[0], groups[1]] : undefined;
  if (groups.length === 1 && groups[0].length % 2 === 0) {
    const half = groups[0].length / 2;
    return [groups[0].slice(0, half), groups[0].slice(half)];
  }
  return undefined;
}

function splitReference(text: string, gridZone: string | undefined): MgrsParts | string {
  const s = text.normalize('NFC').trim().toUpperCase();
  const full = /^(\d{1,2})\s*([C-HJ-NP-X])\s*([A-HJ-NP-Z])\s*([A-HJ-NP-V])((?:\s*\d)*)\s*$/.exec(s);
  const short = /^([A-HJ-NP-Z])\s*([A-HJ-NP-V])((?:\s*\d)*)\s*$/.exec(s);
  let zone: string;
  let band: string;
  let letters: string;
  let digits: string;
  if (full) [zone, band, letters, digits] = [full[1], full[2], full[3] + full[4], full[5]];
  else if (short) {
    const designator = /^(\d{1,2})\s*([C-HJ-NP-X])$/.exec((gridZone ?? '').trim().toUpperCase());
    if (!designator) return 'gridZone';
    [zone, band, letters, digits] = [designator[1], designator[2], short[1] + short[2], short[3]];
  } else return /^[ABYZ]\s*[A-Z]{2}/.test(s) ? 'polar' : 'syntax';
  const split = splitDigits(digits);
  if (!split || split[0].length > 5) return 'digits';
  return { zone: Number(zone), band, letters, east: split[0], north: split[1] };
}

const ERRORS: Record<string, [string, string]> = {
  gridZone: [
    'Toạ độ rút gọn (ví dụ YU123456) cần có vùng lưới, ví dụ 48P',
    'A short reference (e.g. YU123456) needs the grid zone designator, e.g. 48P',
  ],
  polar: ['Chưa hỗ trợ MGRS vùng cực (UPS)', 'Polar (UPS) MGRS references are not supported'],
  syntax: ['Không đọc được toạ độ MGRS (ví dụ 48P YU 123 456)', 'Cannot read the MGRS reference (e.g. 48P YU 123 456)'],
  digits: [
    'Phần số của MGRS phải có số chữ số chẵn, tối đa 10, hai nửa bằng nhau',
    'MGRS digits must be an even count, at most 10, in two equal halves',
  ],
};

/**
 * MGRS on WGS 84 (GPS) or on Indian 1960 (war-era maps): "48P YU 123 456", "48PYU123456",
 * or "YU123456" with `gridZone`. `lonLat` is the cell centre, `source.swCorner` its
 * south-west corner (what GEOTRANS returns).
 */
export function parseMgrs(text: string, { datum = 'WGS 84', gridZone }: MgrsOptions = {}): ParseResult {
  const parts = splitReference(text, gridZone);
  if (typeof parts === 'string') return fail(...ERRORS[parts]);
  const { zone, band, letters, east, north } = parts;
  if (zone < 1 || zone > 60) return fail('Múi UTM phải từ 1 đến 60', 'UTM zone must be 1–60');
  const origin = hundredKmSquareOrigin(zone, letters, 'AA');
  if (!origin) {
    return fail(
      `Chữ ô 100 km "${letters}" không có trong múi ${zone}`,
      `100 km square "${letters}" does not exist in zone ${zone}`,
    );
  }
  const digits = east.length;
  const cellM = 10 ** (5 - digits);
  const bandRange = bandLatitudes(band)!;
  const south = bandRange.south < 0;
  const easting = origin.easting + (digits ? Number(east) * cellM : 0);
  const northing =
    unwrapNorthing(origin.northingInCycle, northingOfParallel(zone, bandRange.south, datum)) +
    (digits ? Number(north) * cellM : 0);

  const [, bottom] = utmToDatumLonLat(zone, south, datum, [easting, northing]);
  const [, top] = utmToDatumLonLat(zone, south, datum, [easting, northing + cellM]);
  if (top < bandRange.south - BAND_TOLERANCE_DEG || bottom > bandRange.north + BAND_TOLERANCE_DEG) {
    return fail(
      `Ô lưới ${letters} không thuộc dải vĩ độ ${band} của múi ${zone}`,
      `Square ${letters} does not lie in latitude band ${band} of zone ${zone}`,
    );
  }

  const canonical = `${zone}${band} ${letters}${digits ? ` ${east} ${north}` : ''}`;
  let swCorner: LonLat;
  let centre: LonLat;
  if (datum === 'WGS 84') {
    const compact = canonical.replace(/ /g, '');
    const [left, lower] = mgrs.inverse(compact);
    swCorner = [left, lower];
    centre = mgrs.toPoint(compact);
  } else {
    swCorner = utmToWgs84(zone, south, datum, [easting, northing]);
    centre = utmToWgs84(zone, south, datum, [easting + cellM / 2, northing + cellM / 2]);
  }
  return {
    ok: true,
    lonLat: centre,
    source: { format: 'mgrs', datum, mgrs: canonical, zone, band, easting, northing, digits, swCorner },
    precisionM: cellM,
  };
}

/** "48P ZU 12345 67890" (or compact "48PZU1234567890"), truncated to the cell as MGRS is. */
export function formatMgrs(
  lonLat: LonLat,
  { datum = 'WGS 84', digits = 5, compact = false }: { datum?: MgrsDatum; digits?: number; compact?: boolean } = {},
): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 5) throw new RangeError(`MGRS digits must be 0–5, got ${digits}`);
  let zoneBand: string;
  let letters: string;
  let east: string;
  let north: string;
  if (datum === 'WGS 84') {
    const reference = mgrs.forward([lonLat[0], lonLat[1]], digits);
    const m = /^(\d{1,2}[A-Z])([A-Z]{2})(\d*)$/.exec(reference)!;
    [zoneBand, letters] = [m[1], m[2]];
    [east, north] = [m[3].slice(0, digits), m[3].slice(digits)];
  } else {
    const utm = wgs84ToUtm(lonLat, 'Indian 1960');
    if (!utm.band) throw new RangeError('Polar positions have no UTM-based MGRS reference');
    zoneBand = `${utm.zone}${utm.band}`;
    letters = hundredKmLetters(utm.zone, utm.easting, utm.northing, 'AA');
    const cell = 10 ** (5 - digits);
    const truncate = (metres: number) =>
      digits ? String(Math.floor((((metres % 100_000) + 100_000) % 100_000) / cell)).padStart(digits, '0') : '';
    [east, north] = [truncate(utm.easting), truncate(utm.northing)];
  }
  const parts = [zoneBand, letters, ...(digits ? [east, north] : [])];
  return compact ? parts.join('') : parts.join(' ');
}
