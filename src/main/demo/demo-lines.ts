// The demo's invented road, river and stream (build-demo.ts): random walks across the communes.
import { bboxOf, round } from './planar';
import { DEMO_MARK, type Demo, type DemoCommune } from './demo-context';

export function writeLines(d: Demo, communes: readonly DemoCommune[]): void {
  const all = communes.map((c) => c.work).flat();
  const [minX, minY, maxX, maxY] = bboxOf(all);
  const walk = (from: number[], heading: number, n: number, step: number) => {
    const pts = [from];
    let h = heading;
    for (let i = 0; i < n; i++) {
      h += (d.rand() - 0.5) * 0.5;
      const last = pts[pts.length - 1];
      pts.push([round(last[0] + Math.cos(h) * step), round(last[1] + Math.sin(h) * step)]);
    }
    return pts;
  };
  d.apply('Dữ liệu minh họa: giao thông, thủy hệ', [
    {
      table: 'base_lines',
      id: d.uuid(),
      geometry: { type: 'LineString', coordinates: walk([minX + 2000, (minY + maxY) / 2], 0.15, 60, (maxX - minX - 4000) / 60) },
      props: { kind: 'road', name: `Đường tỉnh ${DEMO_MARK}`, number: 'ĐT 684', source: DEMO_MARK },
    },
    {
      table: 'base_lines',
      id: d.uuid(),
      geometry: { type: 'LineString', coordinates: walk([(minX + maxX) / 2, maxY - 1500], -1.4, 70, (maxY - minY - 3000) / 70) },
      props: { kind: 'river', name: `Sông Krông Nô ${DEMO_MARK}`, source: DEMO_MARK },
    },
    {
      table: 'base_lines',
      id: d.uuid(),
      geometry: { type: 'LineString', coordinates: walk([minX + 5000, minY + 5000], 0.9, 30, 400) },
      props: { kind: 'stream', name: `Suối Đắk ${DEMO_MARK}`, source: DEMO_MARK },
    },
  ]);
}
