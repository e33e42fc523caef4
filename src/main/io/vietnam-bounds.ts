// Where data may land. Vietnam's land (8.2–23.4°N, 102.1–109.5°E) plus Hoàng Sa and Trường Sa, with a
// margin: anything outside is a wrong CRS (degrees read as metres, X and Y swapped, a file from
// another country), never data for a search-and-recovery map.
export const VIETNAM_WGS84 = { minLon: 101.5, minLat: 6.0, maxLon: 118.0, maxLat: 23.6 } as const;

export function insideVietnam(lon: number, lat: number): boolean {
  const b = VIETNAM_WGS84;
  return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat;
}
