// Where the demo's real boundaries come from: the part of the third-party files of
// the team's reference data (data/real beside the repository) that the demo reads, copied into assets/demo/ (see its SOURCES.md) so a clone
// builds the demo on its own. The folders keep the upstream layout, so QUYTAP_DEMO_DATA may point
// at that reference folder (or another copy) instead. They are read, never modified.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api-error';
import { appRoot } from '../app-root';

export const DEMO_COMMUNE_FILES = [
  '24688_krong_no.geojson',
  '24697_nam_da.geojson',
  '24703_nam_nung.geojson',
  '24712_quang_phu.geojson',
  '24678_dak_sak.geojson',
] as const;

export interface WgsUnit {
  code: string;
  name: string;
  fullName: string;
  /** lon/lat WGS 84 */
  coordinates: number[][][][];
  formerUnits?: string;
}

export function defaultDemoDataDir(): string {
  return process.env.QUYTAP_DEMO_DATA || join(appRoot(), 'assets', 'demo');
}

function readJson(file: string): any {
  if (!existsSync(file)) {
    throw new ApiError(
      'not_found',
      `Không tìm thấy tệp ranh giới của dự án mẫu: ${file}. Hãy lấy lại thư mục assets/demo của chương trình, hoặc đặt QUYTAP_DEMO_DATA là thư mục chứa các tệp đó.`,
      `The demo's boundary file was not found: ${file}. Restore the program's assets/demo folder, or set QUYTAP_DEMO_DATA to a folder that holds these files.`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function readDemoCommunes(dataDir: string): WgsUnit[] {
  const dir = join(dataDir, 'thanglequoc-vietnamese-provinces-database');
  const raw = readJson(join(dir, 'xa2434.geojson'));
  const krongNoFormer: string | undefined = raw.features?.[0]?.properties?.a05_truocsn;
  return DEMO_COMMUNE_FILES.map((f) => {
    const fc = readJson(join(dir, f));
    const feat = fc.features[0];
    const g = feat.geometry;
    return {
      code: String(feat.properties.code),
      name: feat.properties.name,
      fullName: feat.properties.fullName,
      coordinates: g.type === 'Polygon' ? [g.coordinates] : g.coordinates,
      formerUnits: feat.properties.code === '24688' ? krongNoFormer : undefined,
    };
  });
}

export function readLamDong(dataDir: string): WgsUnit {
  const fc = readJson(join(dataDir, 'thanglequoc-vietnamese-provinces-database', '68_lam_dong.geojson'));
  const feat = fc.features[0];
  const g = feat.geometry;
  return {
    code: '68',
    name: feat.properties.name,
    fullName: feat.properties.fullName,
    coordinates: g.type === 'Polygon' ? [g.coordinates] : g.coordinates,
  };
}

/** The pre-2025 Krông Nô district from dvhcvn's custom JSON (not GeoJSON: level2s[].coordinates). */
export function readFormerKrongNoDistrict(dataDir: string): WgsUnit {
  const j = readJson(join(dataDir, 'daohoangson-dvhcvn', '67.json'));
  const d = j.level2s.find((l: any) => String(l.level2_id) === '664');
  if (!d) throw new ApiError('not_found', `${join(dataDir, 'daohoangson-dvhcvn', '67.json')} không có huyện Krông Nô (mã 664).`, `${join(dataDir, 'daohoangson-dvhcvn', '67.json')} has no Krông Nô district (code 664).`);
  return {
    code: '664',
    name: 'Krông Nô',
    fullName: d.name,
    coordinates: d.type === 'Polygon' ? [d.coordinates] : d.coordinates,
  };
}

/** The pre-2025 Đắk Nông province (merged into Lâm Đồng on 1 July 2025), from the same dvhcvn file. */
export function readFormerDakNongProvince(dataDir: string): WgsUnit {
  const j = readJson(join(dataDir, 'daohoangson-dvhcvn', '67.json'));
  return {
    code: '67',
    name: 'Đắk Nông',
    fullName: j.name,
    coordinates: j.type === 'Polygon' ? [j.coordinates] : j.coordinates,
  };
}
