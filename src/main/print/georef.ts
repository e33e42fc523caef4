// ISO 32000-2 geospatial georeference of the map frame: a /VP viewport with a /Measure /GEO
// dictionary, whose /GCS carries the working CRS's WKT with its TOWGS84 so GDAL, QGIS and phone
// apps place the sheet exactly where QuyTap does.
import proj4 from 'proj4';
import type { ComposeReport, PrintCrs } from '../../shared/print';

const PT = 72 / 25.4;

/** The geographic CRS on the projected CRS's own datum (GPTS are given in it, per the spec). */
function geographicOf(projected: string): string {
  const keep = projected
    .split(/\s+/)
    .filter((t) => /^\+(ellps|a|b|rf|f|towgs84|datum|no_defs)\b/.test(t));
  return ['+proj=longlat', ...keep].join(' ');
}

function pdfString(s: string): string {
  return `(${s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')})`;
}

const f = (n: number, d: number) => Number(n.toFixed(d)).toString();

/** The page dictionary entry, in PDF points (y up) for a page `pageHmm` tall. */
export function viewportEntry(report: Pick<ComposeReport, 'frame'>, crs: PrintCrs, pageHmm: number): string {
  const fr = report.frame;
  const x0 = fr.x * PT;
  const x1 = (fr.x + fr.w) * PT;
  const y0 = (pageHmm - fr.y - fr.h) * PT;
  const y1 = (pageHmm - fr.y) * PT;
  const [minE, minN, maxE, maxN] = fr.extent;
  const toGeo = proj4(crs.proj4, geographicOf(crs.proj4));
  // LPTS are fractions of the BBox (x right, y up); GPTS are latitude, longitude pairs.
  const corners: [number, number, number, number][] = [
    [0, 0, minE, minN],
    [0, 1, minE, maxN],
    [1, 1, maxE, maxN],
    [1, 0, maxE, minN],
  ];
  const gpts: string[] = [];
  const lpts: string[] = [];
  for (const [lx, ly, e, n] of corners) {
    const [lon, lat] = toGeo.forward([e, n]);
    gpts.push(f(lat, 10), f(lon, 10));
    lpts.push(String(lx), String(ly));
  }
  return (
    `/VP [<< /Type /Viewport /Name (QuyTap map frame) /BBox [${f(x0, 3)} ${f(y0, 3)} ${f(x1, 3)} ${f(y1, 3)}]` +
    ` /Measure << /Type /Measure /Subtype /GEO /Bounds [0 0 0 1 1 1 1 0] /GPTS [${gpts.join(' ')}] /LPTS [${lpts.join(' ')}]` +
    ` /GCS << /Type /PROJCS /WKT ${pdfString(crs.wkt)} >> >> >>]`
  );
}
