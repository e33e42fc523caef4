const BANDS = 'CDEFGHJKLMNPQRSTUVWX';

/** UTM zone of a position, with the Norway (32V) and Svalbard (31X–37X) exceptions MGRS uses. */
export function utmZoneOf(lon: number, lat: number): number {
  const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  let zone = Math.floor((wrapped + 180) / 6) + 1;
  if (zone > 60) zone = 60;
  if (lat >= 56 && lat < 64 && wrapped >= 3 && wrapped < 12) zone = 32;
  if (lat >= 72 && lat < 84) {
    if (wrapped >= 0 && wrapped < 9) zone = 31;
    else if (wrapped >= 9 && wrapped < 21) zone = 33;
    else if (wrapped >= 21 && wrapped < 33) zone = 35;
    else if (wrapped >= 33 && wrapped < 42) zone = 37;
  }
  return zone;
}

export const centralMeridianOfZone = (zone: number): number => zone * 6 - 183;

/** MGRS latitude band letter; undefined in the polar (UPS) caps, which QuyTap does not handle. */
export function latitudeBand(lat: number): string | undefined {
  if (!(lat >= -80 && lat <= 84)) return undefined;
  return BANDS[Math.min(Math.floor((lat + 80) / 8), BANDS.length - 1)];
}

/** Southern and northern limit of a band; X is 12° tall (72–84°N). */
export function bandLatitudes(band: string): { south: number; north: number } | undefined {
  const index = BANDS.indexOf(band.toUpperCase());
  if (index < 0 || band.length !== 1) return undefined;
  const south = -80 + index * 8;
  return { south, north: band.toUpperCase() === 'X' ? 84 : south + 8 };
}
