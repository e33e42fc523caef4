// The import preview's small map: the file's positions (in the working CRS, as main sends them)
// over the project's commune outlines, as an SVG — enough to see a file landing on the wrong
// commune, or 200 m off its neighbours, before anything is written.
import { useMemo } from 'react';

const W = 320;
const H = 220;
const PAD = 8;

export function ImportMapPreview({ points, communes, title }: { points: number[][]; communes: number[][][]; title: string }) {
  const view = useMemo(() => {
    // Framed on the points (with their communes around them when there are none).
    const frame = points.length ? points : communes.flat();
    if (!frame.length) return null;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of frame) {
      x0 = Math.min(x0, p[0]!);
      y0 = Math.min(y0, p[1]!);
      x1 = Math.max(x1, p[0]!);
      y1 = Math.max(y1, p[1]!);
    }
    // At least 2 km across, so one point is shown among its surroundings.
    const grow = Math.max(0, 2000 - (x1 - x0), 2000 - (y1 - y0)) / 2 + Math.max(x1 - x0, y1 - y0) * 0.1;
    x0 -= grow;
    x1 += grow;
    y0 -= grow;
    y1 += grow;
    const k = Math.min((W - 2 * PAD) / (x1 - x0 || 1), (H - 2 * PAD) / (y1 - y0 || 1));
    const ox = PAD + ((W - 2 * PAD) - (x1 - x0) * k) / 2;
    const oy = PAD + ((H - 2 * PAD) - (y1 - y0) * k) / 2;
    const at = (p: number[]) => [ox + (p[0]! - x0) * k, H - (oy + (p[1]! - y0) * k)] as const;
    const rings = communes.map((r) => r.map((p) => at(p).map((v) => v.toFixed(1)).join(',')).join(' '));
    return { rings, dots: points.map(at), metres: Math.round((x1 - x0) / 10) * 10 };
  }, [points, communes]);
  if (!view) return null;
  return (
    <figure className="xc-minimap" data-testid="exchange-minimap" data-points={points.length}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={title}>
        <rect x={0} y={0} width={W} height={H} className="xc-minimap-bg" />
        {view.rings.map((r, i) => (
          <polygon key={i} points={r} className="xc-minimap-commune" />
        ))}
        {view.dots.map(([x, y], i) => (
          <circle key={i} cx={x} cy={y} r={2.5} className="xc-minimap-point" />
        ))}
      </svg>
      <figcaption className="muted">{title} · ≈ {view.metres.toLocaleString('vi-VN')} m</figcaption>
    </figure>
  );
}
