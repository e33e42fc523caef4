// A legend swatch drawn from the shared symbology (the same description the PDF uses).
import { mmToPx, type LegendEntry, type StyleSpec } from '../../shared/symbology';
import { rgba, symbolDataUrl } from '../map/olStyle';

export function Swatch({ style, kind, size = 18 }: { style: StyleSpec; kind: LegendEntry['kind']; size?: number }) {
  if (kind === 'point' && style.symbol) {
    // Symbols keep their relative sizes (a 2 mm settlement dot is smaller than a 4 mm grave).
    const px = Math.round(size * Math.min(1.15, Math.max(0.55, style.symbol.sizeMm / 4.2)));
    return (
      <span className="swatch swatch-box" style={{ width: size * 1.5, height: size }}>
        <img src={symbolDataUrl(style.symbol, px)} width={px} height={px} alt="" />
      </span>
    );
  }
  const w = size * 1.5;
  const h = size;
  if (kind === 'line') {
    return (
      <svg className="swatch" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
        {style.strokes.map((s, i) => (
          <line
            key={i}
            x1={2}
            y1={h / 2}
            x2={w - 2}
            y2={h / 2}
            stroke={s.color}
            strokeOpacity={s.opacity ?? 1}
            strokeWidth={Math.max(1, mmToPx(s.widthMm))}
            strokeDasharray={s.dashMm?.map((d) => mmToPx(d)).join(' ')}
            strokeLinecap={s.lineCap ?? 'round'}
          />
        ))}
      </svg>
    );
  }
  const strokes = style.strokes.length ? style.strokes : [];
  return (
    <svg className="swatch" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
      <rect x={2} y={2} width={w - 4} height={h - 4} fill={style.fill ? rgba(style.fill.color, style.fill.opacity) : 'none'} />
      {strokes.map((s, i) => (
        <rect
          key={i}
          x={2}
          y={2}
          width={w - 4}
          height={h - 4}
          fill="none"
          stroke={s.color}
          strokeOpacity={s.opacity ?? 1}
          strokeWidth={Math.min(4, Math.max(1, mmToPx(s.widthMm)))}
          strokeDasharray={s.dashMm?.map((d) => mmToPx(d)).join(' ')}
        />
      ))}
    </svg>
  );
}
