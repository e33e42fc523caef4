// Latitude and longitude of the map frame's four corners, printed outside the frame in the corner
// squares the grid labels leave (the grid labels keep clear of them, grid.ts `reserved`).
//
// Geographic on the working CRS's OWN datum, as the sheet's georeference (main/print/georef.ts)
// gives them: for a VN-2000 sheet these are VN-2000 geographic coordinates, as Vietnamese sheets
// print them (a WGS 84 reading differs by a few seconds); a WGS 84 UTM sheet prints WGS 84.
import { transformProj4 } from '../crs/register';
import { PT_TO_MM, type BoxMm, type MeasureText, type TextItem } from './display-list';
import type { Frame } from './geom';
import { textItem } from './text';

/** The geographic CRS on the projected CRS's own datum (its ellipsoid and TOWGS84 kept). */
export function geographicOf(projected: string): string {
  const keep = projected.split(/\s+/).filter((t) => /^\+(ellps|a|b|rf|f|towgs84|datum|no_defs)\b/.test(t));
  return ['+proj=longlat', ...keep].join(' ');
}

/** 12°24′31″, rounded to the second (60″ carried into the minutes). */
export function dms(deg: number): string {
  const sign = deg < 0 ? '-' : '';
  let s = Math.round(Math.abs(deg) * 3600);
  const d = Math.floor(s / 3600);
  s -= d * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${sign}${d}°${String(m).padStart(2, '0')}′${String(s).padStart(2, '0')}″`;
}

export interface CornerCoords {
  items: TextItem[];
  boxes: BoxMm[];
  /** [lon, lat] of the corners: top left, top right, bottom right, bottom left. */
  lonLat: [number, number][];
}

/**
 * Two lines in each corner square (latitude above longitude), right-aligned left of the frame and
 * left-aligned right of it; nothing when the CRS has no proj4 definition (or is geographic).
 */
export function cornerCoordinates(f: Frame, proj4Def: string, sizePt: number, measure: MeasureText, k: number): CornerCoords {
  const out: CornerCoords = { items: [], boxes: [], lonLat: [] };
  if (!proj4Def || /\+proj=longlat/.test(proj4Def)) return out;
  const [minE, minN, maxE, maxN] = f.extent;
  const geo = geographicOf(proj4Def);
  const lh = sizePt * PT_TO_MM * 1.15;
  const pad = 0.8 * k;
  const corners: [number, number, 'left' | 'right', 'top' | 'bottom'][] = [
    [minE, maxN, 'left', 'top'],
    [maxE, maxN, 'right', 'top'],
    [maxE, minN, 'right', 'bottom'],
    [minE, minN, 'left', 'bottom'],
  ];
  for (const [e, n, side, edge] of corners) {
    const [lon, lat] = transformProj4(proj4Def, geo, [e, n]);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    out.lonLat.push([lon, lat]);
    const x = side === 'left' ? f.x - pad : f.x + f.w + pad;
    const align = side === 'left' ? 'right' : 'left';
    // Above the top corners, below the bottom ones: the first baseline.
    const y0 = edge === 'top' ? f.y - pad - lh : f.y + f.h + pad + sizePt * PT_TO_MM;
    const opts = { sizePt, role: 'decoration' as const, color: '#000000', align } as const;
    for (const [i, t] of [dms(lat), dms(lon)].entries()) {
      const it = textItem(x, y0 + i * lh, t, opts, measure);
      out.items.push(it);
      out.boxes.push(it.box);
    }
  }
  return out;
}
