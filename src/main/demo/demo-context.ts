// What every step of the demo build (build-demo.ts) shares: the one seeded random stream, the
// projection to the working CRS, the store and the invented names. The demo must come out the same
// every time, so the steps draw from this one stream in the order build-demo.ts calls them.
import proj4 from 'proj4';
import type { Put } from '../../shared/model';
import type { ProjectStore } from '../store';
import { round } from './planar';
import { mulberry32, seededUuid } from './random';
import type { WgsUnit } from './sources';

export const DEMO_MARK = '(dữ liệu minh họa)';

export interface DemoOptions {
  dataDir: string;
  /** proj4 definition of the working CRS (the project's). */
  workingProj4: string;
  author: string;
  onProgress?: (done: number, total: number, message: string) => void;
  signal?: AbortSignal;
}

export type MP = number[][][][];

/** A real commune with its outline in the working CRS. */
export type DemoCommune = WgsUnit & { work: MP };

export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
export const MIDDLE = ['Văn', 'Đình', 'Hữu', 'Công', 'Quang', 'Minh', 'Xuân', 'Đức', 'Thanh', 'Ngọc'];
export const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phúc', 'Quý', 'Sơn', 'Thắng', 'Toàn', 'Vinh'];
export const HOMETOWNS = ['Nghệ An', 'Hà Tĩnh', 'Thanh Hóa', 'Thái Bình', 'Nam Định', 'Quảng Bình', 'Hải Dương', 'Hà Nam'];
export const VILLAGES = ['Thôn 1', 'Thôn 2', 'Thôn 3', 'Buôn Choáh', 'Bon Đắk Prí', 'Thôn Nam Tiến', 'Thôn Đắk Hoa'];

export interface Demo {
  rand: () => number;
  uuid: () => string;
  pick: <T>(xs: readonly T[]) => T;
  /** WGS 84 to the working CRS, rounded. */
  project: (mp: MP) => MP;
  apply: (label: string, put: Put[]) => void;
}

export function createDemo(store: ProjectStore, opts: DemoOptions): Demo {
  const rand = mulberry32(19750430);
  const uuid = () => seededUuid(rand);
  const toWork = proj4('EPSG:4326', opts.workingProj4);
  const project = (mp: MP): MP =>
    mp.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => toWork.forward([lon, lat]).map((v) => round(v)))));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const apply = (label: string, put: Put[]) => {
    store.applyEdit({ label, put, remove: [] }, opts.author);
  };
  return { rand, uuid, pick, project, apply };
}
