// Shared fixtures for the store tests: a temp folder per test file, the Đắk Nông working CRS,
// and one Vietnamese row for every table.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import type { EditInput, Geometry, Put } from '../../../src/shared/model';
import type { WorkingCrs } from '../../../src/main/store';

export const DAK_NONG_WKT =
  'PROJCS["VN-2000 / TM-3 zone 108-30",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],' +
  'TOWGS84[-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278]],PRIMEM["Greenwich",0],' +
  'UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108.5],' +
  'PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]';

export const DAK_NONG_PROJ4 =
  '+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ' +
  '+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';

export const DAK_NONG_CRS: WorkingCrs = {
  srsId: 9218,
  organization: 'EPSG',
  organizationCoordsysId: 9218,
  name: 'VN-2000 / TM-3 zone 108-30',
  definition: DAK_NONG_WKT,
  code: 'EPSG:9218',
};

export const SETTINGS = {
  title: 'BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ XÃ ĐẮK DRÔ – HUYỆN KRÔNG NÔ – TỈNH ĐẮK NÔNG',
  province: { code: '67', name: 'Đắk Nông' },
  district: { code: '663', name: 'Krông Nô' },
  communes: [{ code: '24682', name: 'Đắk Drô' }],
  place: 'Krông Nô',
};

export const AUTHOR = 'Nguyễn Văn Bình';

export function tempDir(prefix = 'quytap-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Around Krông Nô in VN-2000 TM-3 108°30′ (easting, northing). */
export const X0 = 430_000;
export const Y0 = 1_370_000;

export function square(x: number, y: number, s: number): Geometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + s, y],
        [x + s, y + s],
        [x, y + s],
        [x, y],
      ],
    ],
  };
}

export const IDS = {
  admin: '11111111-1111-4111-8111-111111111111',
  area: '22222222-2222-4222-8222-222222222222',
  grave: '33333333-3333-4333-8333-333333333333',
  cemetery: '44444444-4444-4444-8444-444444444444',
  info: '55555555-5555-4555-8555-555555555555',
  basePoint: '66666666-6666-4666-8666-666666666666',
  baseLine: '77777777-7777-4777-8777-777777777777',
  baseArea: '88888888-8888-4888-8888-888888888888',
  martyr: '99999999-9999-4999-8999-999999999999',
  form: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  conclusion: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  link: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  attachment: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  plot: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
  village: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
};

export const ATTACHMENT_BYTES = Buffer.from('%PDF-1.4\nBiên bản hội nghị kết luận địa bàn xã Đắk Drô\n%%EOF\n', 'utf8');

/** One row in every table, Vietnamese text throughout. */
export function fillEveryTable(sha256: string): EditInput {
  const put: Put[] = [
    {
      table: 'admin_units',
      id: IDS.admin,
      geometry: square(X0 - 5000, Y0 - 5000, 10_000),
      props: { code: '24682', name: 'Xã Đắk Drô', level: 'commune', parent_code: '663', valid_from: '2008-01-01', valid_to: '2025-06-30', successor_codes: '24685' },
    },
    {
      table: 'search_areas',
      id: IDS.area,
      geometry: square(X0, Y0, 500),
      props: { code: 'KV-01', name: 'Khu vực đồi Ba Cây Thông', status: 'not_started', commune_code: '24682', estimated_remains: 12, description: 'Theo lời kể của ông Y Bhin Niê' },
    },
    {
      table: 'graves',
      id: IDS.grave,
      geometry: { type: 'Point', coordinates: [X0 + 123.456, Y0 + 654.321] },
      props: { kind: 'newly_found', name: 'Mộ chưa xác định danh tính', estimated_remains: 1, verification: 'verified_with_grounds', commune_code: '24682' },
    },
    {
      table: 'cemeteries',
      id: IDS.cemetery,
      geometry: { type: 'Point', coordinates: [X0 + 1000, Y0 + 1000] },
      props: { kind: 'martyrs', name: 'Nghĩa trang liệt sĩ huyện Krông Nô', grave_count: 1234, commune_code: '24682' },
    },
    {
      table: 'cemetery_plots',
      id: IDS.plot,
      geometry: square(X0 + 1000, Y0 + 1000, 2),
      props: { kind: 'known', cemetery_id: IDS.cemetery, section: 'A', row: '1', plot_number: '1', commune_code: '24682' },
    },
    {
      table: 'info_points',
      id: IDS.info,
      geometry: { type: 'Point', coordinates: [X0 + 300, Y0 - 200] },
      props: { kind: 'death_or_battle', name: 'Trận đánh đồn Đắk Mâm 1975', commune_code: '24682' },
    },
    {
      table: 'base_points',
      id: IDS.basePoint,
      geometry: { type: 'Point', coordinates: [X0 - 800, Y0 + 400] },
      props: { kind: 'seat_commune', name: 'UBND xã Đắk Drô', commune_code: '24682', source: 'Bản đồ địa hình 1:50.000' },
    },
    {
      table: 'base_lines',
      id: IDS.baseLine,
      geometry: {
        type: 'LineString',
        coordinates: [
          [X0 - 2000, Y0],
          [X0, Y0 + 100],
          [X0 + 2000, Y0 + 50],
        ],
      },
      props: { kind: 'road', name: 'Quốc lộ 28', number: 'QL28', source: 'Sở GTVT Đắk Nông' },
    },
    {
      table: 'base_areas',
      id: IDS.baseArea,
      geometry: square(X0 + 2000, Y0 + 2000, 300),
      props: { kind: 'lake', name: 'Hồ Ea Snô', source: 'Ảnh vệ tinh' },
    },
    {
      table: 'villages',
      id: IDS.village,
      geometry: square(X0 - 1500, Y0 - 1500, 800),
      props: { name: 'Buôn Buôr', kind: 'buon', pilot: true, households: 142, forms_distributed: 142, forms_returned: 139, forms_with_info: 11, commune_code: '24682' },
    },
    {
      table: 'martyrs',
      id: IDS.martyr,
      props: {
        full_name: 'Nguyễn Văn Đức',
        birth_year: 1950,
        hometown: 'Xã Đắk Drô, huyện Krông Nô',
        unit: 'Tiểu đoàn 9, Trung đoàn 66',
        rank_position: 'Hạ sĩ, tiểu đội trưởng',
        death_date: '12/3/1975',
        death_place: 'Đồi Ba Cây Thông',
        recovered: false,
        commune_code: '24682',
        notes: 'Gia đình ở Quảng Ngãi',
      },
    },
    {
      table: 'info_forms',
      id: IDS.form,
      props: {
        number: '01/2019',
        village: 'Buôn Buôr',
        date_received: '2019-05-14',
        informant_name: 'Y Bhin Niê',
        informant_birth_year: 1942,
        informant_address: 'Buôn Buôr, xã Đắk Drô',
        informant_relation: 'Cựu du kích',
        content: 'Năm 1975 chôn cất 12 liệt sĩ dưới chân đồi Ba Cây Thông',
        verification: 'verified_with_grounds',
        commune_code: '24682',
      },
    },
    {
      table: 'conclusions',
      id: IDS.conclusion,
      props: {
        level: 'commune',
        unit_name: 'Ban CHQS xã Đắk Drô',
        date: '2019-06-20',
        chair: 'Chủ tịch UBND xã',
        initially_buried: 12,
        recovered: 0,
        not_recovered: 12,
        family_cared: 0,
        brought_in: 0,
        handed_over: 0,
        text: 'Thống nhất khoanh vùng khu vực đồi Ba Cây Thông',
        scan_attachment_id: IDS.attachment,
        commune_code: '24682',
      },
    },
    {
      table: 'links',
      id: IDS.link,
      props: { from_table: 'info_forms', from_id: IDS.form, to_table: 'search_areas', to_id: IDS.area, role: 'source' },
    },
    {
      table: 'attachments',
      id: IDS.attachment,
      props: {
        owner_table: 'conclusions',
        owner_id: IDS.conclusion,
        filename: 'biên-bản-kết-luận.pdf',
        mime: 'application/pdf',
        size: ATTACHMENT_BYTES.length,
        sha256,
        caption: 'Biên bản hội nghị kết luận địa bàn',
      },
    },
  ];
  return { label: 'Nhập dữ liệu mẫu', put, remove: [] };
}

export function run(cmd: string, args: string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** The ApiError `fn` throws (the test fails if it throws something else or nothing). */
export function thrownApiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected an ApiError');
}
