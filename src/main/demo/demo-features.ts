// The demo's invented map features (build-demo.ts): per commune its search areas, graves, base
// points, information points and cemetery, then the district's martyrs' cemetery. Each piece is a
// function of its own; they draw from the one random stream in the order the demo always has.
import type { Put } from '../../shared/model';
import { SEARCH_AREA_STATUSES, type SearchAreaStatus } from '../../shared/model';
import { blobRing, pointInMultiPolygon, randomPointInside, round } from './planar';
import { DEMO_MARK, VILLAGES, type Demo, type DemoCommune } from './demo-context';

/** Each commune's search areas and graves, for the records that refer to them. */
export type CommuneIds = Map<string, { areas: string[]; graves: string[] }>;

export interface DemoFeatures {
  areas: Put[];
  graves: Put[];
  cemeteries: Put[];
  infoPoints: Put[];
  basePoints: Put[];
  byCommune: CommuneIds;
}

/** The ring's vertices and four points along each edge. */
function edgeSamples(ring: number[][]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + 1 < ring.length; i++)
    for (let k = 0; k < 5; k++) out.push([ring[i][0] + ((ring[i + 1][0] - ring[i][0]) * k) / 5, ring[i][1] + ((ring[i + 1][1] - ring[i][1]) * k) / 5]);
  return out;
}

export function makeFeatures(d: Demo, communes: readonly DemoCommune[]): DemoFeatures {
  const f: DemoFeatures = { areas: [], graves: [], cemeteries: [], infoPoints: [], basePoints: [], byCommune: new Map() };
  for (const c of communes) {
    const mine = { areas: [] as string[], graves: [] as string[] };
    f.byCommune.set(c.code, mine);
    searchAreas(d, c, mine.areas, f.areas);
    graves(d, c, mine.graves, f.graves);
    points(d, c, f);
    f.cemeteries.push({
      table: 'cemeteries',
      id: d.uuid(),
      geometry: { type: 'Point', coordinates: randomPointInside(c.work, d.rand, 800) },
      props: { kind: 'local', name: `Nghĩa trang nhân dân xã ${c.name} ${DEMO_MARK}`, commune_code: c.code },
    });
  }
  // The district's martyrs' cemetery as an area, in the commune of the former district seat.
  f.cemeteries.push(districtCemetery(d, communes[0]));
  return f;
}

/** A blob wholly inside the commune and apart from the areas placed before it. */
function placeArea(d: Demo, c: DemoCommune, placed: { centre: number[]; reach: number }[]): number[][] {
  let ring: number[][] = [];
  for (let tries = 0; tries < 200; tries++) {
    const centre = randomPointInside(c.work, d.rand, 800);
    const radius = 250 + d.rand() * 450;
    ring = blobRing(centre, radius, 12, d.rand);
    const reach = radius * 1.35;
    const apart = placed.every((o) => Math.hypot(o.centre[0] - centre[0], o.centre[1] - centre[1]) > o.reach + reach + 20);
    if (apart && edgeSamples(ring).every((p) => pointInMultiPolygon(p, c.work))) {
      placed.push({ centre, reach });
      break;
    }
  }
  return ring;
}

function searchAreas(d: Demo, c: DemoCommune, ids: string[], out: Put[]): void {
  // Areas are kept apart and wholly inside the commune (edges sampled too), so the demo passes
  // the review checks; the review tests plant their faults on top of a clean demo.
  const placed: { centre: number[]; reach: number }[] = [];
  for (let i = 0; i < 10; i++) {
    const status: SearchAreaStatus = SEARCH_AREA_STATUSES[i % SEARCH_AREA_STATUSES.length];
    const ring = placeArea(d, c, placed);
    const id = d.uuid();
    ids.push(id);
    out.push({
      table: 'search_areas',
      id,
      geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
      props: {
        code: `${c.code}-KV${String(i + 1).padStart(2, '0')}`,
        name: `Khu vực ${i + 1} ${DEMO_MARK}`,
        status,
        commune_code: c.code,
        estimated_remains: status === 'done' ? 0 : 1 + Math.floor(d.rand() * 12),
        description: `Khu vực minh họa, không phải số liệu thật ${DEMO_MARK}`,
      },
    });
  }
}

function graves(d: Demo, c: DemoCommune, ids: string[], out: Put[]): void {
  for (let i = 0; i < 14; i++) {
    const id = d.uuid();
    ids.push(id);
    const p = randomPointInside(c.work, d.rand, 500);
    out.push({
      table: 'graves',
      id,
      geometry: { type: 'Point', coordinates: [round(p[0]), round(p[1])] },
      props: {
        kind: i % 3 === 0 ? 'family_cared' : 'newly_found',
        name: `Mộ ${i + 1} ${DEMO_MARK}`,
        estimated_remains: 1 + Math.floor(d.rand() * 3),
        verification: d.pick(['not_verified', 'verified_with_grounds', 'verified_without_grounds'] as const),
        commune_code: c.code,
        description: DEMO_MARK,
      },
    });
  }
}

/** The commune's seat and military command, three villages and three information points. */
function points(d: Demo, c: DemoCommune, f: DemoFeatures): void {
  const seat = randomPointInside(c.work, d.rand, 1500);
  f.basePoints.push(
    { table: 'base_points', id: d.uuid(), geometry: { type: 'Point', coordinates: seat }, props: { kind: 'seat_commune', name: `UBND xã ${c.name}`, commune_code: c.code, source: DEMO_MARK } },
    {
      table: 'base_points',
      id: d.uuid(),
      geometry: { type: 'Point', coordinates: [round(seat[0] + 180), round(seat[1] - 120)] },
      props: { kind: 'military_commune', name: `Ban CHQS xã ${c.name}`, commune_code: c.code, source: DEMO_MARK },
    },
  );
  for (let i = 0; i < 3; i++) {
    f.basePoints.push({
      table: 'base_points',
      id: d.uuid(),
      geometry: { type: 'Point', coordinates: randomPointInside(c.work, d.rand, 800) },
      props: { kind: 'settlement_rural', name: `${d.pick(VILLAGES)} ${DEMO_MARK}`, commune_code: c.code, source: DEMO_MARK },
    });
    f.infoPoints.push({
      table: 'info_points',
      id: d.uuid(),
      geometry: { type: 'Point', coordinates: randomPointInside(c.work, d.rand, 800) },
      props: {
        kind: (['death_or_battle', 'aid_station', 'initial_burial'] as const)[i],
        name: `Điểm thông tin ${i + 1} ${DEMO_MARK}`,
        event_date: `${1965 + Math.floor(d.rand() * 10)}`,
        commune_code: c.code,
        description: DEMO_MARK,
      },
    });
  }
}

function districtCemetery(d: Demo, kn: DemoCommune): Put {
  const cemCentre = randomPointInside(kn.work, d.rand, 2000);
  return {
    table: 'cemeteries',
    id: d.uuid(),
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [cemCentre[0] - 60, cemCentre[1] - 40],
          [cemCentre[0] + 60, cemCentre[1] - 40],
          [cemCentre[0] + 60, cemCentre[1] + 40],
          [cemCentre[0] - 60, cemCentre[1] + 40],
          [cemCentre[0] - 60, cemCentre[1] - 40],
        ].map((p) => p.map((v) => round(v))),
      ],
    },
    props: { kind: 'martyrs', name: `Nghĩa trang liệt sĩ huyện Krông Nô ${DEMO_MARK}`, grave_count: 250, commune_code: kn.code },
  };
}
