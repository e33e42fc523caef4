const t0 = Date.now();
import { writeHeapSnapshot } from 'node:v8';
export function trace(label: string): void {
  if (!process.env.QT_TRACE) return;
  if (process.env.QT_SNAP === label) writeHeapSnapshot(`/tmp/prt/snap-${label}.heapsnapshot`);
  if (process.env.QT_TRACE === 'gc') (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const mb = (x: number) => (x / 1048576).toFixed(0).padStart(4);
  console.error(`${String(Date.now() - t0).padStart(5)} ${label.padEnd(22)} rss${mb(m.rss)} heapT${mb(m.heapTotal)} used${mb(m.heapUsed)} ext${mb(m.external)} ab${mb(m.arrayBuffers)}`);
}
