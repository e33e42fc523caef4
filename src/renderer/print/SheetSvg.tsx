// The SVG backend of the display list: the preview draws exactly what the PDF draws, in the same
// millimetres (the viewBox is the page).
import { memo, useId, type ReactNode } from 'react';
import type { DisplayList, PathItem, StrokePaint, TextItem } from '../../shared/print';

const PT_MM = 25.4 / 72;

function d(subpaths: number[][], closed: boolean): string {
  let s = '';
  for (const p of subpaths) {
    for (let i = 0; i < p.length; i += 2) s += `${i ? 'L' : 'M'}${p[i].toFixed(2)} ${p[i + 1].toFixed(2)}`;
    if (closed) s += 'Z';
  }
  return s;
}

function strokeProps(s: StrokePaint) {
  return {
    stroke: s.color,
    strokeWidth: s.widthMm,
    strokeOpacity: s.opacity ?? 1,
    strokeLinecap: s.cap ?? 'butt',
    strokeLinejoin: s.join ?? 'miter',
    ...(s.dashMm?.length ? { strokeDasharray: s.dashMm.join(' ') } : {}),
  } as const;
}

function PathEl({ item, keyBase }: { item: PathItem; keyBase: string }) {
  const path = d(item.subpaths, item.closed);
  return (
    <>
      {item.fill && item.closed && <path d={path} fill={item.fill.color} fillOpacity={item.fill.opacity ?? 1} fillRule={item.fillRule ?? 'nonzero'} stroke="none" />}
      {(item.strokes ?? []).map((s, i) => (
        <path key={`${keyBase}s${i}`} d={path} fill="none" {...strokeProps(s)} />
      ))}
    </>
  );
}

function TextEl({ t }: { t: TextItem }) {
  const anchor = t.align === 'left' ? 'start' : t.align === 'right' ? 'end' : 'middle';
  const common = {
    x: t.x,
    y: t.y,
    fontSize: t.sizePt * PT_MM,
    fontFamily: '"Noto Sans", "DejaVu Sans", sans-serif',
    fontWeight: t.bold ? 700 : 400,
    fontStyle: t.italic ? 'italic' : 'normal',
    textAnchor: anchor,
    dominantBaseline: t.baseline === 'middle' ? 'central' : 'alphabetic',
    ...(t.angleDeg ? { transform: `rotate(${-t.angleDeg} ${t.x} ${t.y})` } : {}),
  } as const;
  return (
    <>
      {t.halo && (
        <text {...common} fill="none" stroke={t.halo.color} strokeWidth={t.halo.widthMm * 2} strokeLinejoin="round">
          {t.text}
        </text>
      )}
      <text {...common} fill={t.color} data-role={t.role}>
        {t.text}
      </text>
    </>
  );
}

export const SheetSvg = memo(function SheetSvg({ list, overlay }: { list: DisplayList; overlay?: ReactNode }) {
  const uid = useId().replace(/:/g, '');
  const out: ReactNode[] = [];
  // Clips nest like the PDF's q … Q: each clip wraps what follows until its end.
  const stack: { children: ReactNode[]; id: string; subpaths: number[][]; evenodd: boolean }[] = [];
  const clipDefs: ReactNode[] = [];
  const push = (n: ReactNode) => (stack.length ? stack[stack.length - 1].children : out).push(n);
  list.items.forEach((it, i) => {
    const k = `i${i}`;
    switch (it.kind) {
      case 'path':
        push(<PathEl key={k} item={it} keyBase={k} />);
        break;
      case 'text':
        push(<TextEl key={k} t={it} />);
        break;
      case 'symbol':
        push(<use key={k} href={`#${uid}-sym-${it.symbol}`} x={it.x} y={it.y} />);
        break;
      case 'image':
        push(<image key={k} href={`data:image/jpeg;base64,${it.data}`} x={it.x} y={it.y} width={it.w} height={it.h} data-role={it.role} />);
        break;
      case 'clip-begin':
        stack.push({ children: [], id: `${uid}-clip${i}`, subpaths: it.subpaths, evenodd: it.fillRule === 'evenodd' });
        break;
      case 'clip-end': {
        const c = stack.pop();
        if (!c) break;
        clipDefs.push(
          <clipPath key={c.id} id={c.id}>
            <path d={d(c.subpaths, true)} clipRule={c.evenodd ? 'evenodd' : 'nonzero'} />
          </clipPath>,
        );
        push(
          <g key={k} clipPath={`url(#${c.id})`}>
            {c.children}
          </g>,
        );
        break;
      }
    }
  });
  const { widthMm: w, heightMm: h } = list.page;
  return (
    <svg className="print-sheet-svg" viewBox={`0 0 ${w} ${h}`} width="100%" height="100%" data-testid="print-preview-svg" role="img">
      <defs>
        {Object.values(list.symbols).map((s) => (
          <g key={s.id} id={`${uid}-sym-${s.id}`}>
            {s.parts.map((p, i) => (
              <PathEl key={i} item={p} keyBase={`${s.id}${i}`} />
            ))}
          </g>
        ))}
        {clipDefs}
      </defs>
      <rect x={0} y={0} width={w} height={h} fill="#ffffff" />
      {out}
      {overlay}
    </svg>
  );
});
