// Point symbols of the shared symbology as display-list drawings in mm around their anchor.
import type { PointSymbol } from '../symbology';
import type { PathItem, SymbolDef } from './display-list';

function circle(cx: number, cy: number, r: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 24; i++) {
    const a = (i / 24) * 2 * Math.PI;
    out.push(cx + Math.cos(a) * r, cy + Math.sin(a) * r);
  }
  return out;
}

export function symbolDef(sym: PointSymbol): SymbolDef {
  const s = sym.sizeMm;
  const ax = sym.anchor[0] * s;
  const ay = sym.anchor[1] * s;
  const pt = (p: readonly (readonly [number, number])[]) => p.flatMap(([x, y]) => [x * s - ax, y * s - ay]);
  const parts: PathItem[] = sym.parts.map((p): PathItem => {
    switch (p.type) {
      case 'polygon':
        return {
          kind: 'path',
          subpaths: [pt(p.points)],
          closed: true,
          ...(p.fill ? { fill: { color: p.fill } } : {}),
          ...(p.stroke ? { strokes: [{ color: p.stroke, widthMm: (p.strokeWidth ?? 0.05) * s, join: 'round' as const }] } : {}),
          role: 'symbol',
        };
      case 'polyline':
        return {
          kind: 'path',
          subpaths: [pt(p.points)],
          closed: false,
          strokes: [{ color: p.stroke, widthMm: p.strokeWidth * s, cap: p.lineCap ?? 'round', join: 'round' }],
          role: 'symbol',
        };
      case 'circle':
        return {
          kind: 'path',
          subpaths: [circle(p.cx * s - ax, p.cy * s - ay, p.r * s)],
          closed: true,
          ...(p.fill ? { fill: { color: p.fill } } : {}),
          ...(p.stroke ? { strokes: [{ color: p.stroke, widthMm: (p.strokeWidth ?? 0.05) * s }] } : {}),
          role: 'symbol',
        };
    }
  });
  return { id: sym.id, parts, box: [-ax, -ay, s - ax, s - ay] };
}
