// A small hand-made project for composer tests: two square communes side by side in VN-2000 TM-3
// 108°30′, areas of three statuses, graves, a road, records with figures that disagree on purpose.
import type { Props } from '../../../src/shared/model';
import { ProjectSettingsSchema, DEFAULT_SIGNATURES } from '../../../src/shared/model';
import { findCrs, crsWkt } from '../../../src/shared/crs/catalogue';
import type { PrintFeature, PrintInput } from '../../../src/shared/print';

const E0 = 430000;
const N0 = 1370000;
let seq = 0;
const id = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

export const square = (x: number, y: number, s: number) => [
  [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ],
];

export function fixture(opts: { graves?: number; crowd?: number } = {}): PrintInput {
  const def = findCrs('EPSG:9218')!;
  const commune = (code: string, name: string, x: number): PrintFeature => ({
    table: 'admin_units',
    id: id(),
    geometry: { type: 'MultiPolygon', coordinates: [square(x, N0, 2000)] },
    props: { code, name, level: 'commune' },
  });
  const features: PrintFeature[] = [
    commune('001', 'Đắk Drô', E0),
    commune('002', 'Nâm Nung', E0 + 2000),
    { table: 'search_areas', id: id(), geometry: { type: 'Polygon', coordinates: square(E0 + 300, N0 + 300, 400) }, props: { code: 'KV-01', status: 'done', commune_code: '001' } },
    { table: 'search_areas', id: id(), geometry: { type: 'Polygon', coordinates: square(E0 + 1100, N0 + 1100, 500) }, props: { code: 'KV-02', status: 'not_started', commune_code: '001', estimated_remains: 4 } },
    { table: 'search_areas', id: id(), geometry: { type: 'Polygon', coordinates: square(E0 + 2800, N0 + 600, 400) }, props: { code: 'KV-03', status: 'unclear', commune_code: '002' } },
    {
      table: 'base_lines',
      id: id(),
      geometry: { type: 'LineString', coordinates: [[E0 - 300, N0 + 1500], [E0 + 1500, N0 + 1600], [E0 + 4300, N0 + 1700]] },
      props: { kind: 'road', number: 'QL14' },
    },
  ];
  for (let i = 0; i < (opts.graves ?? 4); i++) {
    features.push({
      table: 'graves',
      id: id(),
      geometry: { type: 'Point', coordinates: [E0 + 400 + i * 350, N0 + 900 + (i % 2) * 150] },
      props: { kind: i % 2 ? 'family_cared' : 'newly_found', name: `Mộ số ${i + 1}`, commune_code: '001', verification: 'not_verified' },
    });
  }
  // Settlements piled onto one spot: their labels cannot all be placed.
  for (let i = 0; i < (opts.crowd ?? 0); i++) {
    features.push({
      table: 'base_points',
      id: id(),
      geometry: { type: 'Point', coordinates: [E0 + 1000 + i * 5, N0 + 500] },
      props: { kind: 'settlement_rural', name: `Thôn Đông Hòa ${i + 1}`, commune_code: '001' },
    });
  }
  const conclusions: Props[] = [
    { level: 'commune', unit_name: 'Xã Đắk Drô', unit_code: '001', commune_code: '001', date: '2019-06-20', initially_buried: 3, recovered: 1, not_recovered: 2, family_cared: 2, brought_in: 1, handed_over: 0 },
    { level: 'commune', unit_name: 'Xã Đắk Drô', unit_code: '001', commune_code: '001', date: '2018-01-01', initially_buried: 99, recovered: 99, not_recovered: 0, family_cared: 0, brought_in: 0, handed_over: 0 },
    { level: 'commune', unit_name: 'Xã Nâm Nung', unit_code: '002', commune_code: '002', date: '2019-07-01', initially_buried: 1, recovered: 1, not_recovered: 0, family_cared: 0, brought_in: 0, handed_over: 0 },
  ];
  const martyrs: Props[] = [
    { full_name: 'A', commune_code: '001', recovered: true },
    { full_name: 'B', commune_code: '001', recovered: false },
    { full_name: 'C', commune_code: '001', recovered: false },
    { full_name: 'D', commune_code: '002', recovered: true },
  ];
  return {
    crs: { code: def.code, name: def.name, datum: def.datum, proj4: def.proj4, centralMeridian: def.centralMeridian, wkt: crsWkt(def) },
    settings: ProjectSettingsSchema.parse({
      title: 'BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ HUYỆN KRÔNG NÔ – TỈNH ĐẮK NÔNG',
      province: { code: '67', name: 'Đắk Nông' },
      district: { code: '665', name: 'Krông Nô' },
      communes: [
        { code: '001', name: 'Đắk Drô' },
        { code: '002', name: 'Nâm Nung' },
      ],
      place: 'Krông Nô',
      producingAgency: 'Ban CHQS huyện Krông Nô',
      dataSources: 'Bản đồ địa hình 1:10.000; kết luận địa bàn các xã',
      signatures: DEFAULT_SIGNATURES,
    }),
    communes: features.filter((f) => f.table === 'admin_units'),
    features,
    conclusions,
    martyrs,
    today: '2026-11-29',
  };
}
