// Builds the demo project: the REAL commune boundaries around Krông Nô (post-2025 communes, the
// former district and provinces with validity dates) plus invented search areas, graves, cemeteries
// and records. Every invented row says "minh họa" (illustration) so nobody mistakes it for data.
import proj4 from 'proj4';
import type { Put } from '../../shared/model';
import { SEARCH_AREA_STATUSES, type SearchAreaStatus } from '../../shared/model';
import type { ProjectStore } from '../store';
import { blobRing, bboxOf, pointInMultiPolygon, randomPointInside, round } from './planar';
import { mulberry32, seededUuid } from './random';
import { readDemoCommunes, readFormerDakNongProvince, readFormerKrongNoDistrict, readLamDong, type WgsUnit } from './sources';

export const DEMO_MARK = '(dữ liệu minh họa)';

export interface DemoOptions {
  dataDir: string;
  /** proj4 definition of the working CRS (the project's). */
  workingProj4: string;
  author: string;
  onProgress?: (done: number, total: number, message: string) => void;
  signal?: AbortSignal;
}

type MP = number[][][][];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Đình', 'Hữu', 'Công', 'Quang', 'Minh', 'Xuân', 'Đức', 'Thanh', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phúc', 'Quý', 'Sơn', 'Thắng', 'Toàn', 'Vinh'];
const HOMETOWNS = ['Nghệ An', 'Hà Tĩnh', 'Thanh Hóa', 'Thái Bình', 'Nam Định', 'Quảng Bình', 'Hải Dương', 'Hà Nam'];
const VILLAGES = ['Thôn 1', 'Thôn 2', 'Thôn 3', 'Buôn Choáh', 'Bon Đắk Prí', 'Thôn Nam Tiến', 'Thôn Đắk Hoa'];

/** The ring's vertices and four points along each edge. */
function edgeSamples(ring: number[][]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + 1 < ring.length; i++)
    for (let k = 0; k < 5; k++) out.push([ring[i][0] + ((ring[i + 1][0] - ring[i][0]) * k) / 5, ring[i][1] + ((ring[i + 1][1] - ring[i][1]) * k) / 5]);
  return out;
}

export async function buildDemoContent(store: ProjectStore, opts: DemoOptions): Promise<void> {
  const rand = mulberry32(19750430);
  const uuid = () => seededUuid(rand);
  const toWork = proj4('EPSG:4326', opts.workingProj4);
  const project = (mp: MP): MP =>
    mp.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => toWork.forward([lon, lat]).map((v) => round(v)))));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const steps = 7;
  let step = 0;
  const progress = (msg: string) => {
    if (opts.signal?.aborted) throw new Error('cancelled');
    opts.onProgress?.(step++, steps, msg);
  };
  const apply = (label: string, put: Put[]) => store.applyEdit({ label, put, remove: [] }, opts.author);

  progress('Đọc ranh giới hành chính thật');
  const communes = readDemoCommunes(opts.dataDir).map((c) => ({ ...c, work: project(c.coordinates) }));
  const lamDong = readLamDong(opts.dataDir);
  const district = readFormerKrongNoDistrict(opts.dataDir);
  const dakNong = readFormerDakNongProvince(opts.dataDir);
  const communeCodes = communes.map((c) => c.code).join(',');

  progress('Ghi địa giới hành chính');
  const unit = (u: WgsUnit, props: Record<string, string | null>, id = uuid()): Put => ({
    table: 'admin_units',
    id,
    geometry: { type: 'MultiPolygon', coordinates: project(u.coordinates) },
    props: { code: u.code, name: u.name, ...props },
  });
  apply('Dữ liệu minh họa: địa giới hành chính', [
    unit(lamDong, {
      level: 'province',
      valid_from: '2025-07-01',
      source: 'thanglequoc/vietnamese-provinces-database (sapnhap.bando.com.vn)',
    }),
    unit(district, {
      level: 'district',
      parent_code: '67',
      valid_to: '2025-06-30',
      successor_codes: communeCodes,
      source: 'daohoangson/dvhcvn (gis.chinhphu.vn), huyện trước 01/07/2025',
    }),
    ...communes.map((c) =>
      unit(c, {
        level: 'commune',
        name: c.name,
        parent_code: '68',
        valid_from: '2025-07-01',
        source: `thanglequoc/vietnamese-provinces-database${c.formerUnits ? `; sáp nhập từ: ${c.formerUnits}` : ''}`,
      }),
    ),
    // Its id from a stream of its own: the ids drawn after it stay those of earlier demos.
    unit(
      dakNong,
      { level: 'province', valid_to: '2025-06-30', successor_codes: '68', source: 'daohoangson/dvhcvn (gis.chinhphu.vn), tỉnh trước 01/07/2025' },
      seededUuid(mulberry32(67)),
    ),
  ]);

  progress('Tạo khu vực tìm kiếm, mộ, nghĩa trang minh họa');
  const areas: Put[] = [];
  const graves: Put[] = [];
  const cemeteries: Put[] = [];
  const infoPoints: Put[] = [];
  const basePoints: Put[] = [];
  const byCommune = new Map<string, { areas: string[]; graves: string[] }>();
  for (const c of communes) {
    const mine = { areas: [] as string[], graves: [] as string[] };
    byCommune.set(c.code, mine);
    // Areas are kept apart and wholly inside the commune (edges sampled too), so the demo passes
    // the review checks; the review tests plant their faults on top of a clean demo.
    const placed: { centre: number[]; reach: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const status: SearchAreaStatus = SEARCH_AREA_STATUSES[i % SEARCH_AREA_STATUSES.length];
      let ring: number[][] = [];
      for (let tries = 0; tries < 200; tries++) {
        const centre = randomPointInside(c.work, rand, 800);
        const radius = 250 + rand() * 450;
        ring = blobRing(centre, radius, 12, rand);
        const reach = radius * 1.35;
        const apart = placed.every((o) => Math.hypot(o.centre[0] - centre[0], o.centre[1] - centre[1]) > o.reach + reach + 20);
        if (apart && edgeSamples(ring).every((p) => pointInMultiPolygon(p, c.work))) {
          placed.push({ centre, reach });
          break;
        }
      }
      const id = uuid();
      mine.areas.push(id);
      areas.push({
        table: 'search_areas',
        id,
        geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
        props: {
          code: `${c.code}-KV${String(i + 1).padStart(2, '0')}`,
          name: `Khu vực ${i + 1} ${DEMO_MARK}`,
          status,
          commune_code: c.code,
          estimated_remains: status === 'done' ? 0 : 1 + Math.floor(rand() * 12),
          description: `Khu vực minh họa, không phải số liệu thật ${DEMO_MARK}`,
        },
      });
    }
    for (let i = 0; i < 14; i++) {
      const id = uuid();
      mine.graves.push(id);
      const p = randomPointInside(c.work, rand, 500);
      graves.push({
        table: 'graves',
        id,
        geometry: { type: 'Point', coordinates: [round(p[0]), round(p[1])] },
        props: {
          kind: i % 3 === 0 ? 'family_cared' : 'newly_found',
          name: `Mộ ${i + 1} ${DEMO_MARK}`,
          estimated_remains: 1 + Math.floor(rand() * 3),
          verification: pick(['not_verified', 'verified_with_grounds', 'verified_without_grounds'] as const),
          commune_code: c.code,
          description: DEMO_MARK,
        },
      });
    }
    const seat = randomPointInside(c.work, rand, 1500);
    basePoints.push(
      { table: 'base_points', id: uuid(), geometry: { type: 'Point', coordinates: seat }, props: { kind: 'seat_commune', name: `UBND xã ${c.name}`, commune_code: c.code, source: DEMO_MARK } },
      {
        table: 'base_points',
        id: uuid(),
        geometry: { type: 'Point', coordinates: [round(seat[0] + 180), round(seat[1] - 120)] },
        props: { kind: 'military_commune', name: `Ban CHQS xã ${c.name}`, commune_code: c.code, source: DEMO_MARK },
      },
    );
    for (let i = 0; i < 3; i++) {
      basePoints.push({
        table: 'base_points',
        id: uuid(),
        geometry: { type: 'Point', coordinates: randomPointInside(c.work, rand, 800) },
        props: { kind: 'settlement_rural', name: `${pick(VILLAGES)} ${DEMO_MARK}`, commune_code: c.code, source: DEMO_MARK },
      });
      infoPoints.push({
        table: 'info_points',
        id: uuid(),
        geometry: { type: 'Point', coordinates: randomPointInside(c.work, rand, 800) },
        props: {
          kind: (['death_or_battle', 'aid_station', 'initial_burial'] as const)[i],
          name: `Điểm thông tin ${i + 1} ${DEMO_MARK}`,
          event_date: `${1965 + Math.floor(rand() * 10)}`,
          commune_code: c.code,
          description: DEMO_MARK,
        },
      });
    }
    cemeteries.push({
      table: 'cemeteries',
      id: uuid(),
      geometry: { type: 'Point', coordinates: randomPointInside(c.work, rand, 800) },
      props: { kind: 'local', name: `Nghĩa trang nhân dân xã ${c.name} ${DEMO_MARK}`, commune_code: c.code },
    });
  }
  // The district's martyrs' cemetery as an area, in the commune of the former district seat.
  const kn = communes[0];
  const cemCentre = randomPointInside(kn.work, rand, 2000);
  cemeteries.push({
    table: 'cemeteries',
    id: uuid(),
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
  });
  apply('Dữ liệu minh họa: khu vực tìm kiếm', areas);
  apply('Dữ liệu minh họa: mộ, nghĩa trang, điểm thông tin, điểm nền', [...graves, ...cemeteries, ...infoPoints, ...basePoints]);

  progress('Tạo đường giao thông và sông suối minh họa');
  const all = communes.map((c) => c.work).flat();
  const [minX, minY, maxX, maxY] = bboxOf(all);
  const walk = (from: number[], heading: number, n: number, step: number) => {
    const pts = [from];
    let h = heading;
    for (let i = 0; i < n; i++) {
      h += (rand() - 0.5) * 0.5;
      const last = pts[pts.length - 1];
      pts.push([round(last[0] + Math.cos(h) * step), round(last[1] + Math.sin(h) * step)]);
    }
    return pts;
  };
  apply('Dữ liệu minh họa: giao thông, thủy hệ', [
    {
      table: 'base_lines',
      id: uuid(),
      geometry: { type: 'LineString', coordinates: walk([minX + 2000, (minY + maxY) / 2], 0.15, 60, (maxX - minX - 4000) / 60) },
      props: { kind: 'road', name: `Đường tỉnh ${DEMO_MARK}`, number: 'ĐT 684', source: DEMO_MARK },
    },
    {
      table: 'base_lines',
      id: uuid(),
      geometry: { type: 'LineString', coordinates: walk([(minX + maxX) / 2, maxY - 1500], -1.4, 70, (maxY - minY - 3000) / 70) },
      props: { kind: 'river', name: `Sông Krông Nô ${DEMO_MARK}`, source: DEMO_MARK },
    },
    {
      table: 'base_lines',
      id: uuid(),
      geometry: { type: 'LineString', coordinates: walk([minX + 5000, minY + 5000], 0.9, 30, 400) },
      props: { kind: 'stream', name: `Suối Đắk ${DEMO_MARK}`, source: DEMO_MARK },
    },
  ]);

  progress('Tạo hồ sơ liệt sĩ, phiếu thông tin, kết luận địa bàn minh họa');
  const martyrs: Put[] = [];
  const forms: Put[] = [];
  const conclusions: Put[] = [];
  const links: Put[] = [];
  const link = (from_table: string, from_id: string, to_table: string, to_id: string, role: string): Put => ({
    table: 'links',
    id: uuid(),
    props: { from_table, from_id, to_table, to_id, role },
  });
  for (const c of communes) {
    const mine = byCommune.get(c.code)!;
    for (let i = 0; i < 5; i++) {
      const mid = uuid();
      martyrs.push({
        table: 'martyrs',
        id: mid,
        props: {
          full_name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
          birth_year: 1940 + Math.floor(rand() * 15),
          hometown: pick(HOMETOWNS),
          unit: `Đơn vị minh họa ${DEMO_MARK}`,
          death_date: `${1966 + Math.floor(rand() * 9)}`,
          death_place: `Xã ${c.name} ${DEMO_MARK}`,
          list_source: DEMO_MARK,
          recovered: i % 2 === 0,
          commune_code: c.code,
          notes: `Hồ sơ minh họa, không phải người thật ${DEMO_MARK}`,
        },
      });
      links.push(link('graves', mine.graves[i], 'martyrs', mid, 'buried_here'));
    }
    for (let i = 0; i < 3; i++) {
      const fid = uuid();
      forms.push({
        table: 'info_forms',
        id: fid,
        props: {
          number: `${c.code}/01-${String(i + 1).padStart(3, '0')}`,
          village: pick(VILLAGES),
          date_received: `2019-0${3 + i}-1${i}`,
          informant_name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)} ${DEMO_MARK}`,
          informant_birth_year: 1935 + Math.floor(rand() * 20),
          informant_relation: 'Cựu chiến binh (minh họa)',
          content: `Thông tin minh họa về nơi an táng ban đầu ${DEMO_MARK}`,
          verification: 'verified_with_grounds',
          commune_code: c.code,
        },
      });
      links.push(link('graves', mine.graves[5 + i], 'info_forms', fid, 'source'));
    }
    const familyCared = graves.filter((g) => g.props?.commune_code === c.code && g.props?.kind === 'family_cared').length;
    const initially = 10 + Math.floor(rand() * 30);
    const recovered = Math.floor(initially * 0.6);
    const cid = uuid();
    conclusions.push({
      table: 'conclusions',
      id: cid,
      props: {
        level: 'commune',
        unit_name: `Xã ${c.name}`,
        unit_code: c.code,
        date: '2019-06-20',
        chair: `Chủ tịch UBND xã ${DEMO_MARK}`,
        participants: 'Ban CHQS xã, Hội CCB, công an xã (minh họa)',
        initially_buried: initially,
        recovered,
        not_recovered: initially - recovered,
        family_cared: familyCared,
        brought_in: Math.floor(rand() * 3),
        handed_over: Math.floor(rand() * 2),
        text: `Biên bản kết luận địa bàn minh họa ${DEMO_MARK}`,
        commune_code: c.code,
      },
    });
    for (const a of mine.areas) links.push(link('search_areas', a, 'conclusions', cid, 'concludes'));
    // Graves without a form of their own rest on the commune's conclusion.
    mine.graves.forEach((g, i) => {
      if (i < 5 || i > 7) links.push(link('graves', g, 'conclusions', cid, 'concludes'));
    });
  }
  apply('Dữ liệu minh họa: hồ sơ', [...martyrs, ...forms, ...conclusions]);
  progress('Liên kết hồ sơ với đối tượng');
  apply('Dữ liệu minh họa: liên kết', links);
  opts.onProgress?.(steps, steps, 'Xong');
}
