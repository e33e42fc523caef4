// Creates the demo project file atomically: built under a temporary name, renamed when complete,
// so an interrupted build never leaves a half-filled "demo" behind.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { ProjectSettingsSchema, DEFAULT_SIGNATURES } from '../../shared/model';
import { ProjectStore } from '../store';
import { buildDemoContent, DEMO_MARK } from '../demo/build-demo';
import { defaultDemoDataDir, readDemoCommunes } from '../demo/sources';
import { crsForStore } from './crs';

export const DEMO_FILE_NAME = 'du-an-mau-krong-no.gpkg';
export const DEMO_CRS = 'EPSG:9218';

export async function createDemoProject(
  path: string,
  opts: { author: string; dataDir?: string; onProgress?: (done: number, total: number, msg: string) => void; signal?: AbortSignal },
): Promise<void> {
  if (existsSync(path)) throw new Error(`File exists: ${path}`);
  const dataDir = opts.dataDir ?? defaultDemoDataDir();
  const communes = readDemoCommunes(dataDir);
  const { def, store: crs } = crsForStore(DEMO_CRS);
  const settings = ProjectSettingsSchema.parse({
    title: `BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ KHU VỰC KRÔNG NÔ – TỈNH LÂM ĐỒNG ${DEMO_MARK.toUpperCase()}`,
    province: { code: '68', name: 'Lâm Đồng' },
    district: null,
    communes: communes.map((c) => ({ code: c.code, name: c.name })),
    reviewingOrganisation: `Ban Chỉ huy Phòng thủ khu vực (minh họa)`,
    producingAgency: `Ban CHQS (minh họa) ${DEMO_MARK}`,
    place: 'Krông Nô',
    dataSources:
      'Ranh giới xã sau 01/7/2025: thanglequoc/vietnamese-provinces-database (sapnhap.bando.com.vn); ranh giới huyện trước 2025: daohoangson/dvhcvn (gis.chinhphu.vn). Khu vực, mộ, hồ sơ: dữ liệu minh họa.',
    signatures: DEFAULT_SIGNATURES,
    demo: true,
  });
  const tmp = `${path}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
  const store = ProjectStore.create(tmp, crs, settings, opts.author);
  try {
    await buildDemoContent(store, { dataDir, workingProj4: def.proj4, author: opts.author, onProgress: opts.onProgress, signal: opts.signal });
  } catch (e) {
    store.close();
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });
    throw e;
  }
  store.close();
  renameSync(tmp, path);
}
