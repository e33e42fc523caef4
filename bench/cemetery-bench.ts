// Issue 19's figure: the register lookup over 20,000 rows (aim < 50 ms a query). A project with one
// cemetery of 100 rows × 200 plots made by the grid tool and 20,000 martyrs linked to their plots;
// the index is built once (per project version), then queries of the kinds families type.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { searchRegister } from '../src/shared/cemetery/search';
import { ProjectSettingsSchema, type Put } from '../src/shared/model';
import { gridEdit } from '../src/main/cemetery/plan-edits';
import { registerOf } from '../src/main/cemetery/register-index';
import { crsForStore } from '../src/main/services/crs';
import { ProjectStore } from '../src/main/store';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Đình', 'Hữu', 'Quang', 'Minh', 'Thị', 'Công', 'Đức', 'Xuân', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Khoa', 'Lâm', 'Long', 'Nam', 'Phúc', 'Quý', 'Sơn', 'Tâm', 'Thắng', 'Tuấn', 'Việt', 'Xuân', 'Yên', 'Hoa', 'Lan', 'Mai', 'Thành', 'Trung', 'Hiếu', 'Kiên', 'Lực', 'Mạnh', 'Nghĩa'];
const PROVINCES = ['Thái Bình', 'Nam Định', 'Hà Nội', 'Nghệ An', 'Hà Tĩnh', 'Thanh Hóa', 'Quảng Bình', 'Hải Dương', 'Hưng Yên', 'Phú Thọ', 'Ninh Bình', 'Bắc Giang'];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const noMarks = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

export async function cemeteryBench(): Promise<void> {
  const N = 20_000;
  const dir = mkdtempSync(join(tmpdir(), 'quytap-bench-cemetery-'));
  try {
    const settings = ProjectSettingsSchema.parse({ title: 'bench', province: { name: 'Đắk Nông' } });
    const store = ProjectStore.create(join(dir, 'cemetery.gpkg'), crsForStore('EPSG:9218').store, settings, 'bench');
    const cemeteryId = randomUUID();
    const [x0, y0] = [430_000, 1_370_000];
    const ring = [[x0, y0], [x0 + 500, y0], [x0 + 500, y0 + 500], [x0, y0 + 500], [x0, y0]];
    store.applyEdit({ put: [{ table: 'cemeteries', id: cemeteryId, geometry: { type: 'Polygon', coordinates: [ring] }, props: { kind: 'martyrs', name: 'NTLS' } }] }, 'bench');
    let t = performance.now();
    const grid = gridEdit(store, cemeteryId, { origin: [x0 + 2, y0 + 498], azimuthDeg: 90, rows: 100, plotsPerRow: 200, plotWidth: 1.2, plotDepth: 2.4, plotGap: 0.8, rowGap: 1.6, section: 'A' });
    const plotIds = store.applyEdit(grid, 'bench').rows.map((r) => r.id);
    console.log(`grid of ${plotIds.length} plots generated and written: ${(performance.now() - t).toFixed(0)} ms`);
    let seed = 19;
    const rnd = (n: number) => ((seed = (seed * 16807) % 2147483647) % n);
    const puts: Put[] = [];
    const names: string[] = [];
    for (let i = 0; i < N; i++) {
      const id = randomUUID();
      const name = `${FAMILY[rnd(16)]} ${MIDDLE[rnd(10)]} ${GIVEN[rnd(30)]}`;
      names.push(name);
      puts.push({ table: 'martyrs', id, props: { full_name: name, birth_year: 1930 + rnd(45), hometown: `Xã ${rnd(20) + 1}, ${PROVINCES[rnd(12)]}`, unit: `E${rnd(120) + 1}`, death_date: `${1960 + rnd(16)}` } });
      puts.push({ table: 'links', props: { from_table: 'cemetery_plots', from_id: plotIds[i]!, to_table: 'martyrs', to_id: id, role: 'buried_here' } });
    }
    store.applyEdit({ put: puts }, 'bench');
    t = performance.now();
    const reg = registerOf(store);
    console.log(`register index of ${reg.index.entries.length} rows built from the project: ${(performance.now() - t).toFixed(0)} ms (once per project version)`);
    const queries: string[] = [];
    for (let i = 0; i < 300; i++) {
      const e = reg.index.entries[rnd(N)]!;
      const kind = i % 4;
      if (kind === 0) queries.push(noMarks(e.fullName));
      else if (kind === 1) queries.push(`${noMarks(e.fullName)} ${e.birthYear} ${noMarks(e.hometown.split(', ')[1]!)}`);
      else if (kind === 2) queries.push(noMarks(e.fullName.split(' ')[0]!));
      else queries.push(`${noMarks(e.fullName).slice(0, 4)} ${e.unit.toLowerCase()}`);
    }
    const times: number[] = [];
    const byKind = [[], [], [], []] as number[][];
    let firstHit = 0;
    for (const q of queries) {
      const s = performance.now();
      const r = searchRegister(reg.index, q, { limit: 20 });
      times.push(performance.now() - s);
      byKind[times.length % 4]!.push(times[times.length - 1]!);
      if (r[0] && noMarks(r[0].entry.fullName).startsWith(q.split(' ')[0]!)) firstHit++;
    }
    console.log(`search over ${N} register rows, ${queries.length} queries (full name; name + year + province; family name only; name start + unit):`);
    console.log(`  median ${pct(times, 0.5).toFixed(2)} ms, p95 ${pct(times, 0.95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (aim < 50 ms); first candidate starts with the typed name: ${firstHit}/${queries.length}`);
    // byKind[k] holds the queries of kind k - 1 (the count is taken after the push).
    const kinds = [byKind[1]!, byKind[2]!, byKind[3]!, byKind[0]!];
    console.log(`  p95 by kind: ${kinds.map((k) => pct(k, 0.95).toFixed(2)).join(' / ')} ms; load average ${loadavg()[0]!.toFixed(1)} (a shared machine's figures are inflated by it)`);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
