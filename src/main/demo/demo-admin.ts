// The demo's one real layer (build-demo.ts): the post-2025 communes around Krông Nô, Lâm Đồng,
// and the former district and province with their validity dates and successors.
import type { Put } from '../../shared/model';
import { mulberry32, seededUuid } from './random';
import { readFormerDakNongProvince, readFormerKrongNoDistrict, readLamDong, type WgsUnit } from './sources';
import type { Demo, DemoCommune } from './demo-context';

/** The units above the communes, read from the data folder before anything is written. */
export interface DemoAdminSources {
  lamDong: WgsUnit;
  district: WgsUnit;
  dakNong: WgsUnit;
}

export function readAdminSources(dataDir: string): DemoAdminSources {
  return { lamDong: readLamDong(dataDir), district: readFormerKrongNoDistrict(dataDir), dakNong: readFormerDakNongProvince(dataDir) };
}

export function writeAdminUnits(d: Demo, { lamDong, district, dakNong }: DemoAdminSources, communes: readonly DemoCommune[]): void {
  const communeCodes = communes.map((c) => c.code).join(',');
  const unit = (u: WgsUnit, props: Record<string, string | null>, id = d.uuid()): Put => ({
    table: 'admin_units',
    id,
    geometry: { type: 'MultiPolygon', coordinates: d.project(u.coordinates) },
    props: { code: u.code, name: u.name, ...props },
  });
  d.apply('Dữ liệu minh họa: địa giới hành chính', [
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
}
