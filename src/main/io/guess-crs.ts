// A table of metres (CSV, spreadsheet) does not say its CRS, but its values and the project do: a
// Vietnamese commune's table in metres is VN-2000 TM-3 of its province's zone, which is the
// project's working CRS. The guess is taken only when every position, read in that zone, lands in
// Vietnam within the zone's band (1.5° either side of its central meridian, where TM-3 is used);
// otherwise the user is asked. Either way the preview says it was a guess.
import { findCrs } from '../../shared/crs';
import { converter } from './converter';
import { forEachPosition } from './source-geometry';
import type { SourceDataset, SourceLayer } from './types';
import { insideVietnam } from './vietnam-bounds';

/** Half the width of a TM-3 zone's band, in degrees of longitude. */
const ZONE_HALF_WIDTH = 1.5;

function isTm3(code: string): boolean {
  const def = findCrs(code);
  return !!def && def.datum === 'VN-2000' && def.centralMeridian !== undefined && /\+k=0\.9999\b/.test(def.proj4);
}

/** True when every position of the layer, read in `crs`, lies in Vietnam inside the zone's band. */
function insideZone(layer: SourceLayer, crs: string): boolean {
  const cm = findCrs(crs)!.centralMeridian!;
  const toLonLat = converter(crs, 'EPSG:4326');
  let ok = true;
  let any = false;
  for (const f of layer.features) {
    if (!f.geometry || !ok) continue;
    forEachPosition(f.geometry, (p) => {
      any = true;
      const [lon, lat] = toLonLat(p);
      if (!(Number.isFinite(lon) && Number.isFinite(lat) && insideVietnam(lon!, lat!) && Math.abs(lon! - cm) <= ZONE_HALF_WIDTH)) ok = false;
    });
  }
  return any && ok;
}

export function guessLayerCrs(layer: SourceLayer, workingCrs: string): SourceLayer {
  if (layer.crs.code || layer.coordinates?.units !== 'metres') return layer;
  const zone = findCrs(workingCrs);
  if (zone && isTm3(workingCrs) && insideZone(layer, workingCrs))
    return {
      ...layer,
      crs: {
        code: zone.code,
        how: 'guessed',
        notes: [
          ...layer.crs.notes,
          {
            vi: `Đoán hệ toạ độ: số mét nằm trong múi ${zone.name} của dự án, nên đọc là VN-2000 TM-3 của tỉnh. Nếu toạ độ lấy từ máy GPS (UTM WGS 84), hãy chọn lại.`,
            en: `CRS guessed: the metres fall inside the project's zone ${zone.nameEn}, so they are read as the province's VN-2000 TM-3. If they came from a GPS unit (UTM WGS 84), choose again.`,
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
          vi: `Toạ độ là số mét nhưng không nằm trong múi chiếu của dự án${zone ? ` (${zone.name})` : ''}: không đoán được hệ toạ độ, hãy chọn (VN-2000 TM-3 của tỉnh khác, UTM…).`,
          en: `The coordinates are metres but do not fall inside the project's zone${zone ? ` (${zone.nameEn})` : ''}: the CRS cannot be guessed, choose it (another province's VN-2000 TM-3, UTM…).`,
        },
      ],
    },
  };
}

/** Every layer of a dataset with its CRS guessed where a table of metres allows it. */
export function guessDatasetCrs(ds: SourceDataset, workingCrs: string): SourceDataset {
  return { ...ds, layers: ds.layers.map((l) => guessLayerCrs(l, workingCrs)) };
}
