// The project's tables as data: the store derives its DDL from these definitions, the contract its
// zod schemas, the UI its forms. Adding a field here is a schema migration (see store/migrations).
import {
  ADMIN_LEVELS,
  BASE_AREA_KINDS,
  BASE_LINE_KINDS,
  BASE_POINT_KINDS,
  CEMETERY_KINDS,
  CEMETERY_PLAN_KINDS,
  CONCLUSION_LEVELS,
  CONCLUSION_OUTCOMES,
  GRAVE_KINDS,
  INFO_POINT_KINDS,
  LINK_ROLES,
  SEARCH_AREA_STATUSES,
  VERIFICATION_STATES,
  VILLAGE_KINDS,
} from './enums';

export type FieldType = 'text' | 'integer' | 'real' | 'date' | 'enum' | 'boolean';

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Saving is refused while a required field is empty. */
  required?: boolean;
  values?: readonly string[];
  min?: number;
  max?: number;
  vi: string;
  en: string;
}

/** GeoPackage geometry type names as written to gpkg_geometry_columns. */
export type GpkgGeometryType = 'POINT' | 'MULTILINESTRING' | 'MULTIPOLYGON' | 'GEOMETRY';

export interface TableDef {
  name: string;
  kind: 'feature' | 'record';
  geometryType?: GpkgGeometryType;
  /** GeoJSON geometry types accepted on write; single parts are promoted to multi on storage. */
  accepts?: readonly ('Point' | 'LineString' | 'MultiLineString' | 'Polygon' | 'MultiPolygon')[];
  vi: string;
  en: string;
  fields: readonly FieldDef[];
}

const communeCode: FieldDef = { name: 'commune_code', type: 'text', vi: 'Mã xã', en: 'Commune code' };
const name: FieldDef = { name: 'name', type: 'text', vi: 'Tên', en: 'Name' };
const description: FieldDef = { name: 'description', type: 'text', vi: 'Mô tả', en: 'Description' };
const remains: FieldDef = {
  name: 'estimated_remains',
  type: 'integer',
  min: 0,
  max: 100000,
  vi: 'Số hài cốt ước tính',
  en: 'Estimated remains',
};
const count = (n: string, vi: string, en: string): FieldDef => ({ name: n, type: 'integer', min: 0, max: 1_000_000, vi, en });
const verification: FieldDef = {
  name: 'verification',
  type: 'enum',
  values: VERIFICATION_STATES,
  required: true,
  vi: 'Xác minh',
  en: 'Verification',
};

export const TABLES = {
  admin_units: {
    name: 'admin_units',
    kind: 'feature',
    geometryType: 'MULTIPOLYGON',
    accepts: ['Polygon', 'MultiPolygon'],
    vi: 'Địa giới hành chính',
    en: 'Administrative units',
    fields: [
      { name: 'code', type: 'text', required: true, vi: 'Mã đơn vị', en: 'Unit code' },
      { ...name, required: true },
      { name: 'level', type: 'enum', values: ADMIN_LEVELS, required: true, vi: 'Cấp', en: 'Level' },
      { name: 'parent_code', type: 'text', vi: 'Mã đơn vị cấp trên', en: 'Parent code' },
      { name: 'valid_from', type: 'date', vi: 'Hiệu lực từ', en: 'Valid from' },
      { name: 'valid_to', type: 'date', vi: 'Hiệu lực đến', en: 'Valid to' },
      { name: 'successor_codes', type: 'text', vi: 'Mã đơn vị kế thừa', en: 'Successor codes' },
      { name: 'source', type: 'text', vi: 'Nguồn', en: 'Source' },
    ],
  },
  search_areas: {
    name: 'search_areas',
    kind: 'feature',
    geometryType: 'MULTIPOLYGON',
    accepts: ['Polygon', 'MultiPolygon'],
    vi: 'Khu vực tìm kiếm, quy tập',
    en: 'Search areas',
    fields: [
      { name: 'code', type: 'text', vi: 'Số hiệu khu vực', en: 'Area code' },
      name,
      { name: 'status', type: 'enum', values: SEARCH_AREA_STATUSES, required: true, vi: 'Tình trạng', en: 'Status' },
      communeCode,
      remains,
      description,
    ],
  },
  graves: {
    name: 'graves',
    kind: 'feature',
    geometryType: 'POINT',
    accepts: ['Point'],
    vi: 'Mộ liệt sĩ',
    en: 'Graves',
    fields: [
      { name: 'kind', type: 'enum', values: GRAVE_KINDS, required: true, vi: 'Loại mộ', en: 'Kind' },
      name,
      remains,
      description,
      verification,
      communeCode,
    ],
  },
  cemeteries: {
    name: 'cemeteries',
    kind: 'feature',
    geometryType: 'GEOMETRY',
    accepts: ['Point', 'Polygon', 'MultiPolygon'],
    vi: 'Nghĩa trang',
    en: 'Cemeteries',
    fields: [
      { name: 'kind', type: 'enum', values: CEMETERY_KINDS, required: true, vi: 'Loại nghĩa trang', en: 'Kind' },
      { ...name, required: true },
      { name: 'grave_count', type: 'integer', min: 0, vi: 'Số mộ', en: 'Number of graves' },
      communeCode,
      description,
    ],
  },
  // The plan inside a cemetery (issue 19): plots (mộ số) in rows (hàng) in sections (khu), and the
  // gate. A plot's martyr is a `martyrs` record linked to it (links, role buried_here), so the
  // register is the project's own martyr list.
  cemetery_plots: {
    name: 'cemetery_plots',
    kind: 'feature',
    geometryType: 'GEOMETRY',
    accepts: ['Point', 'Polygon', 'MultiPolygon'],
    vi: 'Sơ đồ nghĩa trang (mộ, cổng)',
    en: 'Cemetery plan (plots, gate)',
    fields: [
      { name: 'kind', type: 'enum', values: CEMETERY_PLAN_KINDS, required: true, vi: 'Loại', en: 'Kind' },
      { name: 'cemetery_id', type: 'text', required: true, vi: 'Mã nghĩa trang', en: 'Cemetery id' },
      { name: 'section', type: 'text', vi: 'Khu', en: 'Section' },
      { name: 'row', type: 'text', vi: 'Hàng', en: 'Row' },
      { name: 'plot_number', type: 'text', vi: 'Mộ số', en: 'Plot number' },
      communeCode,
      { name: 'notes', type: 'text', vi: 'Ghi chú', en: 'Notes' },
    ],
  },
  info_points: {
    name: 'info_points',
    kind: 'feature',
    geometryType: 'POINT',
    accepts: ['Point'],
    vi: 'Điểm thông tin',
    en: 'Information points',
    fields: [
      { name: 'kind', type: 'enum', values: INFO_POINT_KINDS, required: true, vi: 'Loại điểm', en: 'Kind' },
      name,
      { name: 'event_date', type: 'text', vi: 'Thời gian sự kiện', en: 'Date of the event' },
      description,
      communeCode,
    ],
  },
  base_points: {
    name: 'base_points',
    kind: 'feature',
    geometryType: 'POINT',
    accepts: ['Point'],
    vi: 'Nền: điểm (dân cư, trụ sở)',
    en: 'Base: points (settlements, seats)',
    fields: [
      { name: 'kind', type: 'enum', values: BASE_POINT_KINDS, required: true, vi: 'Loại', en: 'Kind' },
      name,
      communeCode,
      { name: 'source', type: 'text', vi: 'Nguồn', en: 'Source' },
    ],
  },
  base_lines: {
    name: 'base_lines',
    kind: 'feature',
    geometryType: 'MULTILINESTRING',
    accepts: ['LineString', 'MultiLineString'],
    vi: 'Nền: đường (giao thông, thủy hệ)',
    en: 'Base: lines (roads, water)',
    fields: [
      { name: 'kind', type: 'enum', values: BASE_LINE_KINDS, required: true, vi: 'Loại', en: 'Kind' },
      name,
      { name: 'number', type: 'text', vi: 'Số hiệu đường', en: 'Road number' },
      { name: 'elevation', type: 'real', vi: 'Độ cao (m)', en: 'Elevation (m)' },
      { name: 'source', type: 'text', vi: 'Nguồn', en: 'Source' },
    ],
  },
  base_areas: {
    name: 'base_areas',
    kind: 'feature',
    geometryType: 'MULTIPOLYGON',
    accepts: ['Polygon', 'MultiPolygon'],
    vi: 'Nền: vùng (hồ, sông, khu dân cư)',
    en: 'Base: areas (lakes, rivers, built-up)',
    fields: [
      { name: 'kind', type: 'enum', values: BASE_AREA_KINDS, required: true, vi: 'Loại', en: 'Kind' },
      name,
      { name: 'source', type: 'text', vi: 'Nguồn', en: 'Source' },
    ],
  },
  // The campaign's villages (issue 18): each a unit of a commune (its commune computed from the
  // geometry by the write rules), a point or an area; the form 01 figures are the village's own.
  villages: {
    name: 'villages',
    kind: 'feature',
    geometryType: 'GEOMETRY',
    accepts: ['Point', 'Polygon', 'MultiPolygon'],
    vi: 'Thôn, buôn, bon, tổ dân phố',
    en: 'Villages',
    fields: [
      { ...name, required: true },
      { name: 'kind', type: 'enum', values: VILLAGE_KINDS, required: true, vi: 'Loại', en: 'Kind' },
      { name: 'pilot', type: 'boolean', vi: 'Thôn làm điểm', en: 'Pilot village' },
      count('households', 'Số hộ', 'Households'),
      count('forms_distributed', 'Số phiếu mẫu 01 đã phát', 'Forms 01 handed out'),
      count('forms_returned', 'Số phiếu đã thu về', 'Forms returned'),
      count('forms_with_info', 'Số phiếu có thông tin', 'Forms with information'),
      communeCode,
      description,
    ],
  },
  martyrs: {
    name: 'martyrs',
    kind: 'record',
    vi: 'Liệt sĩ',
    en: 'Martyrs',
    fields: [
      { name: 'full_name', type: 'text', required: true, vi: 'Họ và tên', en: 'Full name' },
      { name: 'birth_year', type: 'integer', min: 1850, max: 2030, vi: 'Năm sinh', en: 'Year of birth' },
      { name: 'hometown', type: 'text', vi: 'Quê quán', en: 'Home town' },
      { name: 'unit', type: 'text', vi: 'Đơn vị', en: 'Unit' },
      { name: 'rank_position', type: 'text', vi: 'Cấp bậc, chức vụ', en: 'Rank, position' },
      { name: 'death_date', type: 'text', vi: 'Ngày hy sinh', en: 'Date of death' },
      { name: 'death_place', type: 'text', vi: 'Nơi hy sinh', en: 'Place of death' },
      { name: 'burial_info', type: 'text', vi: 'Thông tin an táng', en: 'Burial information' },
      { name: 'list_source', type: 'text', vi: 'Nguồn danh sách', en: 'Source list' },
      { name: 'recovered', type: 'boolean', vi: 'Đã quy tập', en: 'Recovered' },
      communeCode,
      { name: 'notes', type: 'text', vi: 'Ghi chú', en: 'Notes' },
    ],
  },
  info_forms: {
    name: 'info_forms',
    kind: 'record',
    vi: 'Phiếu thông tin (mẫu 01)',
    en: 'Information forms (form 01)',
    fields: [
      { name: 'number', type: 'text', required: true, vi: 'Số phiếu', en: 'Form number' },
      { name: 'village', type: 'text', vi: 'Thôn, buôn, bon, TDP', en: 'Village' },
      { name: 'date_received', type: 'date', vi: 'Ngày nhận', en: 'Date received' },
      { name: 'informant_name', type: 'text', required: true, vi: 'Người cung cấp thông tin', en: 'Informant' },
      { name: 'informant_birth_year', type: 'integer', min: 1880, max: 2030, vi: 'Năm sinh', en: 'Year of birth' },
      { name: 'informant_address', type: 'text', vi: 'Địa chỉ', en: 'Address' },
      { name: 'informant_phone', type: 'text', vi: 'Điện thoại', en: 'Phone' },
      { name: 'informant_relation', type: 'text', vi: 'Quan hệ với sự kiện', en: 'Relation to the events' },
      { name: 'content', type: 'text', vi: 'Nội dung thông tin', en: 'Content' },
      verification,
      communeCode,
    ],
  },
  conclusions: {
    name: 'conclusions',
    kind: 'record',
    vi: 'Kết luận địa bàn',
    en: 'Area conclusions',
    fields: [
      { name: 'level', type: 'enum', values: CONCLUSION_LEVELS, required: true, vi: 'Cấp hội nghị', en: 'Level' },
      { name: 'unit_name', type: 'text', required: true, vi: 'Đơn vị', en: 'Unit' },
      { name: 'unit_code', type: 'text', vi: 'Mã đơn vị', en: 'Unit code' },
      { name: 'date', type: 'date', required: true, vi: 'Ngày họp', en: 'Date' },
      { name: 'chair', type: 'text', vi: 'Chủ trì', en: 'Chair' },
      { name: 'participants', type: 'text', vi: 'Thành phần', en: 'Participants' },
      { name: 'village_id', type: 'text', vi: 'Thôn được kết luận', en: 'Village concluded' },
      count('attendees_military', 'Số đại biểu Ban CHQS', 'Attendees: military command'),
      count('attendees_veterans', 'Số đại biểu Hội Cựu chiến binh', 'Attendees: veterans’ association'),
      count('attendees_labour', 'Số đại biểu LĐ-TB&XH', 'Attendees: labour and social affairs'),
      count('attendees_elders', 'Số người cao tuổi, nhân chứng', 'Attendees: elders, witnesses'),
      { name: 'outcome', type: 'enum', values: CONCLUSION_OUTCOMES, vi: 'Kết quả hội nghị', en: 'Outcome' },
      { name: 'initially_buried', type: 'integer', min: 0, vi: 'Số liệt sĩ chôn cất ban đầu', en: 'Initially buried' },
      { name: 'recovered', type: 'integer', min: 0, vi: 'Số liệt sĩ đã tìm kiếm, quy tập', en: 'Recovered' },
      { name: 'not_recovered', type: 'integer', min: 0, vi: 'Số liệt sĩ chưa tìm kiếm, quy tập', en: 'Not recovered' },
      { name: 'family_cared', type: 'integer', min: 0, vi: 'Số mộ liệt sĩ do gia đình chăm sóc, quản lý', en: 'Graves cared for by families' },
      { name: 'brought_in', type: 'integer', min: 0, vi: 'Số mộ từ địa phương khác quy tập về', en: 'Graves brought in' },
      { name: 'handed_over', type: 'integer', min: 0, vi: 'Số mộ bàn giao cho địa phương khác', en: 'Graves handed over' },
      { name: 'text', type: 'text', vi: 'Nội dung kết luận', en: 'Conclusion text' },
      { name: 'scan_attachment_id', type: 'text', vi: 'Bản chụp biên bản', en: 'Scan of the minutes' },
      communeCode,
    ],
  },
  links: {
    name: 'links',
    kind: 'record',
    vi: 'Liên kết',
    en: 'Links',
    fields: [
      { name: 'from_table', type: 'text', required: true, vi: 'Bảng nguồn', en: 'From table' },
      { name: 'from_id', type: 'text', required: true, vi: 'Mã nguồn', en: 'From id' },
      { name: 'to_table', type: 'text', required: true, vi: 'Bảng đích', en: 'To table' },
      { name: 'to_id', type: 'text', required: true, vi: 'Mã đích', en: 'To id' },
      { name: 'role', type: 'enum', values: LINK_ROLES, required: true, vi: 'Vai trò', en: 'Role' },
    ],
  },
  attachments: {
    name: 'attachments',
    kind: 'record',
    vi: 'Tệp đính kèm',
    en: 'Attachments',
    fields: [
      { name: 'owner_table', type: 'text', required: true, vi: 'Bảng', en: 'Owner table' },
      { name: 'owner_id', type: 'text', required: true, vi: 'Mã', en: 'Owner id' },
      { name: 'filename', type: 'text', required: true, vi: 'Tên tệp', en: 'File name' },
      { name: 'mime', type: 'text', required: true, vi: 'Kiểu tệp', en: 'MIME type' },
      { name: 'size', type: 'integer', min: 0, vi: 'Dung lượng', en: 'Size' },
      { name: 'sha256', type: 'text', vi: 'SHA-256', en: 'SHA-256' },
      { name: 'caption', type: 'text', vi: 'Chú thích', en: 'Caption' },
    ],
  },
} as const satisfies Record<string, TableDef>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
export const FEATURE_TABLES = TABLE_NAMES.filter((t) => TABLES[t].kind === 'feature');
export const RECORD_TABLES = TABLE_NAMES.filter((t) => TABLES[t].kind === 'record');

export function tableDef(name: TableName): TableDef {
  return TABLES[name];
}

export function isTableName(x: string): x is TableName {
  return Object.prototype.hasOwnProperty.call(TABLES, x);
}
