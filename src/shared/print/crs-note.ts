// The CRS note printed on the sheet, built from the project's working CRS.
import type { PrintCrs } from './input';

/** 108.5 → "108°30′". */
export function formatMeridian(deg: number): string {
  const d = Math.floor(deg + 1e-9);
  const min = Math.round((deg - d) * 60);
  return min ? `${d}°${String(min).padStart(2, '0')}′` : `${d}°`;
}

export function crsNote(crs: PrintCrs): string {
  const utm = /\+proj=utm\b/.test(crs.proj4) ? /\+zone=(\d+)/.exec(crs.proj4)?.[1] : undefined;
  const lon0 = /\+lon_0=(-?[\d.]+)/.exec(crs.proj4)?.[1];
  const cm = crs.centralMeridian ?? (lon0 ? Number(lon0) : undefined);
  const k0 = /\+k(?:_0)?=([\d.]+)/.exec(crs.proj4)?.[1];
  if (utm) return `Hệ tọa độ ${crs.datum}, lưới chiếu UTM, múi ${utm}`;
  if (cm !== undefined && k0 === '0.9999') return `Hệ tọa độ ${crs.datum}, kinh tuyến trục ${formatMeridian(cm)}, múi chiếu 3°`;
  if (cm !== undefined) return `Hệ tọa độ ${crs.datum}, kinh tuyến trục ${formatMeridian(cm)}, múi chiếu 6°`;
  return `Hệ tọa độ: ${crs.name}`;
}
