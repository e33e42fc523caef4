// The sheet's furniture on every paper and orientation, for the demo's five communes and the whole
// district, laid out with the embedded font's real metrics: no block over another or over the map
// and its grid labels, every block inside the margins, every text inside its block.
import { describe, expect, it } from 'vitest';
import { sheetMeasure } from '../../../src/main/print/print-sheet';
import { boxesOverlap, compose, PAPER_NAMES, type BoxMm, type ComposeResult, type SheetArea } from '../../../src/shared/print';
import { demoPrintInput } from '../../support/demo-print-input';

const demoInput = demoPrintInput('quytap-layout-');

const ROLE_BLOCK: Record<string, string> = {
  'north-arrow': 'scale',
  'scale-text': 'scale',
  'scale-bar': 'scale',
  legend: 'legend',
  stats: 'stats',
  note: 'notes',
  signature: 'signatures',
};

const inside = (b: BoxMm, o: BoxMm, tol = 0.05) => b[0] >= o[0] - tol && b[1] >= o[1] - tol && b[2] <= o[2] + tol && b[3] <= o[3] + tol;

function problems(r: ComposeResult, margin: number): string[] {
  const out: string[] = [];
  const { widthMm: W, heightMm: H } = r.list.page;
  const rep = r.report;
  const parts = rep.parts ?? [];
  for (const w of rep.warnings) if (/blocks overlap|margins|run into/i.test(w.en)) out.push(`warning: ${w.en}`);
  const box = (p: { x: number; y: number; w: number; h: number }): BoxMm => [p.x, p.y, p.x + p.w, p.y + p.h];
  const page: BoxMm = [margin, margin, W - margin, H - margin];
  for (const name of ['scale', 'legend', 'stats', 'notes', 'signatures']) if (!parts.some((p) => p.block === name)) out.push(`no ${name} block`);
  const gridLabels = r.list.items.flatMap((i) => (i.kind === 'text' && i.role === 'grid-label' ? [i.box] : []));
  const f = rep.frame;
  const map: BoxMm = [Math.min(f.x, ...gridLabels.map((b) => b[0])), Math.min(f.y, ...gridLabels.map((b) => b[1])), Math.max(f.x + f.w, ...gridLabels.map((b) => b[2])), Math.max(f.y + f.h, ...gridLabels.map((b) => b[3]))];
  if (!inside(map, page)) out.push(`map and grid labels past the margins: ${map.map((v) => v.toFixed(1))}`);
  parts.forEach((p, i) => {
    if (!inside(box(p), page)) out.push(`${p.block} past the margins`);
    if (boxesOverlap(box(p), map)) out.push(`${p.block} over the map or its grid labels`);
    parts.forEach((q, j) => {
      if (j > i && boxesOverlap(box(p), box(q))) out.push(`${p.block} over ${q.block}`);
    });
  });
  for (const it of r.list.items) {
    if (it.kind === 'text' && it.role === 'title') {
      if (!inside(it.box, page)) out.push(`title past the margins: ${it.text}`);
      if (boxesOverlap(it.box, map)) out.push(`title over the map: ${it.text}`);
      continue;
    }
    const block = ROLE_BLOCK[it.kind === 'clip-begin' || it.kind === 'clip-end' ? '' : it.role];
    if (!block) continue;
    let b: BoxMm | null = null;
    if (it.kind === 'text') b = it.box;
    else if (it.kind === 'path') {
      const xs = it.subpaths.flatMap((s) => s.filter((_, n) => n % 2 === 0));
      const ys = it.subpaths.flatMap((s) => s.filter((_, n) => n % 2 === 1));
      b = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    } else if (it.kind === 'symbol') {
      const s = r.list.symbols[it.symbol].box;
      b = [it.x + s[0], it.y + s[1], it.x + s[2], it.y + s[3]];
    }
    if (b && !parts.some((p) => p.block === block && inside(b, box(p), 0.2)))
      out.push(`${it.kind} of ${block} outside its block: ${it.kind === 'text' ? it.text : ''} ${b.map((v) => v.toFixed(1))}`);
  }
  return out;
}

const MARGIN = { A0: 15, A1: 13, A2: 12, A3: 10, A4: 8 } as const;
const ORIENTATIONS = ['portrait', 'landscape'] as const;

describe('sheet layout on every paper, the demo data', () => {
  const cases = PAPER_NAMES.flatMap((paper) => ORIENTATIONS.map((orientation) => [paper, orientation] as const));
  it.each(cases)('%s %s: five commune sheets and the district sheet, nothing overlaps, everything inside its place', (paper, orientation) => {
    const areas: SheetArea[] = [...demoInput().settings.communes.map((c) => ({ kind: 'communes' as const, communes: [c.code] })), { kind: 'all' }];
    expect(areas.length).toBe(6);
    const found: string[] = [];
    for (const area of areas) {
      const r = compose(demoInput(), { paper, orientation, area, scale: 'fit' }, sheetMeasure());
      for (const p of problems(r, MARGIN[paper])) found.push(`${area.kind === 'communes' ? area.communes[0] : 'district'}: ${p}`);
    }
    expect(found).toEqual([]);
  });

  it('a block the user dragged onto the map is reported, not silently accepted', () => {
    const r = compose(demoInput(), { paper: 'A3', orientation: 'landscape', area: { kind: 'all' }, scale: 'fit', layout: { stats: { x: 100, y: 100 } } }, sheetMeasure());
    expect(r.report.blocks.stats).toMatchObject({ x: 100, y: 100 });
    expect(problems(r, 10).some((p) => /stats over the map/.test(p))).toBe(true);
    expect(r.report.warnings.some((w) => /blocks overlap/.test(w.en))).toBe(true);
  });
});
