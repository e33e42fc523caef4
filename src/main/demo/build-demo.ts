// Builds the demo project: the REAL commune boundaries around Krông Nô (post-2025 communes, the
// former district and provinces with validity dates) plus invented search areas, graves, cemeteries
// and records. Every invented row says "minh họa" (illustration) so nobody mistakes it for data.
// Each step is in its own file (demo-admin, demo-features, demo-lines, demo-records); they share
// one seeded random stream (demo-context.ts), so the order of the steps below is the demo's content.
import type { ProjectStore } from '../store';
import { readAdminSources, writeAdminUnits } from './demo-admin';
import { createDemo, type DemoOptions } from './demo-context';
import { makeFeatures } from './demo-features';
import { writeLines } from './demo-lines';
import { makeRecords } from './demo-records';
import { readDemoCommunes } from './sources';

export { DEMO_MARK, type DemoOptions } from './demo-context';

export async function buildDemoContent(store: ProjectStore, opts: DemoOptions): Promise<void> {
  const d = createDemo(store, opts);
  const steps = 7;
  let step = 0;
  const progress = (msg: string) => {
    if (opts.signal?.aborted) throw new Error('cancelled');
    opts.onProgress?.(step++, steps, msg);
  };

  progress('Đọc ranh giới hành chính thật');
  const communes = readDemoCommunes(opts.dataDir).map((c) => ({ ...c, work: d.project(c.coordinates) }));
  const sources = readAdminSources(opts.dataDir);

  progress('Ghi địa giới hành chính');
  writeAdminUnits(d, sources, communes);

  progress('Tạo khu vực tìm kiếm, mộ, nghĩa trang minh họa');
  const f = makeFeatures(d, communes);
  d.apply('Dữ liệu minh họa: khu vực tìm kiếm', f.areas);
  d.apply('Dữ liệu minh họa: mộ, nghĩa trang, điểm thông tin, điểm nền', [...f.graves, ...f.cemeteries, ...f.infoPoints, ...f.basePoints]);

  progress('Tạo đường giao thông và sông suối minh họa');
  writeLines(d, communes);

  progress('Tạo hồ sơ liệt sĩ, phiếu thông tin, kết luận địa bàn minh họa');
  const r = makeRecords(d, communes, f.byCommune, f.graves);
  d.apply('Dữ liệu minh họa: hồ sơ', [...r.martyrs, ...r.forms, ...r.conclusions]);
  progress('Liên kết hồ sơ với đối tượng');
  d.apply('Dữ liệu minh họa: liên kết', r.links);
  opts.onProgress?.(steps, steps, 'Xong');
}
