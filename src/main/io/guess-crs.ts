// A table of metres (CSV, spreadsheet) does not say its CRS, but its values and the project do: a
// Vietnamese commune's table in metres is VN-2000 TM-3 of its province's zone, which is the
// project's working CRS. Every TM-3 zone writes eastings near 500,000, so the band of the zone alone
// cannot tell Hà Nội's zone from Đắk Nông's: the guess is taken only when every position, read in
// the project's zone, lands within PROJECT_MARGIN of what the project already holds (its communes),
// and in Vietnam within the zone's band (1.5° either side of its central meridian). A project that
// holds nothing yet has nothing to compare with: the user is asked, as when the positions fall
// elsewhere. Either way the preview says what it did.
import type { Extent } from '../../shared/model';
import { findCrs } from '../../shared/crs';
import { converter } from './converter';
import { forEachPosition } from './source-geometry';
import type { SourceDataset, SourceLayer } from './types';
import { insideVietnam } from './vietnam-bounds';

/** Half the width of a TM-3 zone's band, in degrees of longitude. */
const ZONE_HALF_WIDTH = 1.5;
/** How far outside the project's extent a guessed position may lie, in metres. */
export const PROJECT_MARGIN = 30_000;

function isTm3(code: string): boolean {
  const def = findCrs(code);
  return !!def && def.datum === 'VN-2000' && def.centralMeridian !== undefined && /\+k=0\.9999\b/.test(def.proj4);
}

/** True when every position of the layer, read in `crs`, lies in Vietnam inside the zone's band and near the project. */
function insideZone(layer: SourceLayer, crs: string, area: Extent): boolean {
  const cm = findCrs(crs)!.centralMeridian!;
  const toLonLat = converter(crs, 'EPSG:4326');
  let ok = true;
  let any = false;
  for (const f of layer.features) {
    if (!f.geometry || !ok) continue;
    forEachPosition(f.geometry, (p) => {
      any = true;
      const m = PROJECT_MARGIN;
      if (!(p[0]! >= area[0] - m && p[0]! <= area[2] + m && p[1]! >= area[1] - m && p[1]! <= area[3] + m)) ok = false;
      const [lon, lat] = toLonLat(p);
      if (!(Number.isFinite(lon) && Number.isFinite(lat) && insideVietnam(lon!, lat!) && Math.abs(lon! - cm) <= ZONE_HALF_WIDTH)) ok = false;
    });
  }
  return any && ok;
}

/** `area`: the project's extent in the working CRS (null when it holds nothing yet). */
export function guessLayerCrs(layer: SourceLayer, workingCrs: string, area: Extent | null): SourceLayer {
  if (layer.crs.code || layer.coordinates?.units !== 'metres') return layer;
  const zone = findCrs(workingCrs);
  if (zone && area && isTm3(workingCrs) && insideZone(layer, workingCrs, area))
    return {
      ...layer,
      crs: {
        code: zone.code,
        how: 'guessed',
        notes: [
          ...layer.crs.notes,
          {
            vi: `Đoán hệ toạ độ: số mét đọc theo múi chiếu của dự án (${zone.name}) rơi vào vùng dữ liệu của dự án, nên đọc là VN-2000 TM-3 của tỉnh. Đây là đoán: nếu toạ độ lấy từ máy GPS (UTM WGS 84) hoặc của tỉnh khác, hãy chọn lại.`,
            en: `CRS guessed: the metres read in the project's zone (${zone.nameEn}) fall in the project's area, so they are read as the province's VN-2000 TM-3. This is a guess: if they came from a GPS unit (UTM WGS 84) or another province, choose again.`,
          },
        ],
      },
    };
  return {
    ...layer,
    crs: {
      ...layer.crs,
      notes: [
        ...layer.crs.notes,
        {
          vi: area
            ? `Toạ độ là số mét nhưng đọc theo múi chiếu của dự án${zone ? ` (${zone.name})` : ''} thì không rơi vào vùng dữ liệu của dự án: không đoán được hệ toạ độ, hãy chọn (VN-2000 TM-3 của tỉnh khác, UTM…).`
            : 'Toạ độ là số mét; dự án chưa có dữ liệu (ranh giới xã) để so nên không đoán hệ toạ độ: hãy chọn (thường là VN-2000 TM-3 của tỉnh).',
          en: area
            ? `The coordinates are metres but, read in the project's zone${zone ? ` (${zone.nameEn})` : ''}, they do not fall in the project's area: the CRS cannot be guessed, choose it (another province's VN-2000 TM-3, UTM…).`
            : 'The coordinates are metres; the project holds no data yet (commune boundaries) to compare with, so the CRS is not guessed: choose it (usually the province’s VN-2000 TM-3).',
        },
      ],
    },
  };
}

/** Every layer of a dataset with its CRS guessed where a table of metres allows it. */
export function guessDatasetCrs(ds: SourceDataset, workingCrs: string, area: Extent | null): SourceDataset {
  return { ...ds, layers: ds.layers.map((l) => guessLayerCrs(l, workingCrs, area)) };
}
