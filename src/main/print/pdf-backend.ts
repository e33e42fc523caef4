// Draws a display list into a vector PDF with jsPDF (Node): paths as raw content operators (fast,
// 2 decimals of a point), text through jsPDF with the embedded Noto Sans (searchable), symbols as
// one path string reused under a translation, the georeference written into the page dictionary.
//
// The page's paths and symbols never become JavaScript strings: their operators are written as
// ASCII into a Buffer and deflated a slice at a time as the page is drawn (content-stream.ts);
// jsPDF's page holds a one-line mark where each slice goes, and its text operators between them.
import { deflateSync } from 'node:zlib';
import { jsPDF, GState } from 'jspdf';
import type { DisplayItem, DisplayList, MeasureText, PathItem, StrokePaint, SymbolDef, TextItem } from '../../shared/print';
import { FONT_FILES, sheetFont } from './fonts';
import { assembleFlate, ContentSlices } from './content-stream';

// Each face under its own PostScript-style name (NotoSans-Italic, …), so the PDF's font list says
// which faces are embedded.
const FACES = { normal: 'NotoSans-Regular', bold: 'NotoSans-Bold', italic: 'NotoSans-Italic', bolditalic: 'NotoSans-BoldItalic' } as const;
const faceOf = (bold: boolean | undefined, italic: boolean | undefined) => FACES[bold ? (italic ? 'bolditalic' : 'bold') : italic ? 'italic' : 'normal'];

const PT = 72 / 25.4;
const n2 = (v: number) => {
  const r = Math.round(v * 100) / 100;
  return r === 0 ? '0' : String(r);
};

function rgb(hex: string): [number, number, number] {
  const h = /^#?([0-9a-f]{6})$/i.exec(hex)?.[1] ?? '000000';
  return [parseInt(h.slice(0, 2), 16) / 255, parseInt(h.slice(2, 4), 16) / 255, parseInt(h.slice(4, 6), 16) / 255];
}
const col = (hex: string) =>
  rgb(hex)
    .map((c) => String(Math.round(c * 1000) / 1000))
    .join(' ');

/**
 * Path operators written as ASCII into one reused buffer, one string per path: the same text as
 * `${n2(x)} ${n2(y)} l` lines joined, without three short-lived strings per vertex (a heavy sheet
 * has half a million vertices after simplification).
 */
class OpsWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  len = 0;

  reset(): void {
    this.len = 0;
  }

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  /** Like n2(): rounded to 2 decimals, shortest form, no trailing zeros, "0" for zero. */
  num(v: number): void {
    const c = Math.round(v * 100);
    if (!Number.isFinite(c) || Math.abs(c) >= 1e15) {
      const s = n2(v);
      this.ensure(s.length);
      this.len += this.buf.write(s, this.len, 'latin1');
      return;
    }
    this.ensure(20);
    let a = c;
    if (a < 0) {
      this.buf[this.len++] = 45; // -
      a = -a;
    }
    const ip = Math.floor(a / 100);
    const fp = a - ip * 100;
    if (ip === 0) this.buf[this.len++] = 48;
    else {
      let digits = 0;
      for (let t = ip; t > 0; t = Math.floor(t / 10)) digits++;
      let t = ip;
      for (let d = digits - 1; d >= 0; d--) {
        this.buf[this.len + d] = 48 + (t % 10);
        t = Math.floor(t / 10);
      }
      this.len += digits;
    }
    if (fp) {
      this.buf[this.len++] = 46; // .
      this.buf[this.len++] = 48 + Math.floor(fp / 10);
      if (fp % 10) this.buf[this.len++] = 48 + (fp % 10);
    }
  }

  /** Plain ASCII text (operators, names). */
  ascii(s: string): void {
    this.ensure(s.length);
    this.len += this.buf.write(s, this.len, 'latin1');
  }

  /** Writes bytes [from, to) of what is written already again (a path painted twice). */
  repeat(from: number, to: number): void {
    this.ensure(to - from);
    this.buf.copyWithin(this.len, from, to);
    this.len += to - from;
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

export interface PdfPage {
  list: DisplayList;
  /** The /VP entry for the page dictionary (georeference), if any. */
  viewport?: string;
}

export interface PdfOptions {
  /** Characters the embedded font has no glyph for (they would print as blanks) are added here. */
  missingGlyphs?: Set<string>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  title?: string;
  /**
   * The pages' display lists are the caller's no more: each item is let go once drawn, so a heavy
   * sheet's paths are garbage before jsPDF assembles the file (its peak memory).
   */
  consume?: boolean;
}

type FilterFn = (data: string, chain: string | string[]) => { data: string; reverseChain: string };
const jsPdfApi = jsPDF.API as unknown as { processDataByFilters: FilterFn; quytapNativeFlate?: true };

// jsPDF deflates with fflate and rebuilds the binary string one byte at a time: ~10 s for the
// content of a heavy A0 sheet. Node's zlib gives the same zlib stream natively, in a fraction.
if (!jsPdfApi.quytapNativeFlate) {
  const original = jsPdfApi.processDataByFilters.bind(jsPDF.API);
  jsPdfApi.processDataByFilters = (data, chain) => {
    const filters = typeof chain === 'string' ? [chain] : (chain ?? []);
    if (filters.length === 1 && (filters[0] === 'FlateEncode' || filters[0] === '/FlateEncode')) {
      const marked = assembleFlate(data ?? '');
      if (marked) return { data: marked.toString('latin1'), reverseChain: '/FlateDecode' };
      return { data: deflateSync(Buffer.from(data ?? '', 'latin1')).toString('latin1'), reverseChain: '/FlateDecode' };
    }
    return original(data, chain);
  };
  jsPdfApi.quytapNativeFlate = true;
}

/** jsPDF's own writer into the current page's content (or the object being written). */
function rawWrite(doc: jsPDF, s: string): void {
  (doc.internal as unknown as { write: (s: string) => void }).write(s);
}

type Face = keyof typeof FACES;
const ALL_FACES: readonly Face[] = ['normal', 'bold', 'italic', 'bolditalic'];

/** The faces the pages' texts use (jsPDF parses every face it is given: ~0.1 s each). */
function facesUsed(pages: PdfPage[]): Face[] {
  const used = new Set<Face>(['normal']);
  for (const p of pages)
    for (const it of p.list.items) if (it.kind === 'text') used.add(it.bold ? (it.italic ? 'bolditalic' : 'bold') : it.italic ? 'italic' : 'normal');
  return ALL_FACES.filter((f) => used.has(f));
}

function newDoc(w: number, h: number, faces: readonly Face[] = ALL_FACES): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: [w, h], orientation: w > h ? 'landscape' : 'portrait', compress: true, floatPrecision: 2, putOnlyUsedFonts: true });
  for (const style of faces) {
    doc.addFileToVFS(FONT_FILES[style], sheetFont(style));
    doc.addFont(FONT_FILES[style], FACES[style], 'normal', 'Identity-H');
  }
  doc.setFont(FACES.normal, 'normal');
  return doc;
}

/** Text widths from the embedded font's own metrics (what the composer lays out with). */
export function fontMeasure(): MeasureText {
  const doc = newDoc(210, 297);
  const cache = new Map<string, number>();
  return (text, sizePt, bold, italic) => {
    const key = `${bold ? 1 : 0}${italic ? 1 : 0}${text}`;
    let u = cache.get(key);
    if (u === undefined) {
      doc.setFont(faceOf(bold, italic), 'normal');
      u = doc.getStringUnitWidth(text);
      cache.set(key, u);
    }
    return (u * sizePt) / PT;
  };
}

/** A document's symbol forms by symbol id: their XObject names (`Xo1`…), drawn once each. */
const FORMS = new WeakMap<jsPDF, Map<string, string>>();

/** Above this many bytes of operators, a slice is deflated and the buffer starts again. */
const SLICE_BYTES = 1 << 20;

const CAPS = { butt: 0, round: 1, square: 2 } as const;
const JOINS = { miter: 0, round: 1, bevel: 2 } as const;

/** A document's graphics states by opacity key: their resource names ("/GS1 gs"…), for every page. */
const GSTATES = new WeakMap<jsPDF, Map<string, string>>();

class Painter {
  /** Operators of the page not yet handed to jsPDF (its own: the drawing yields between slices of items). */
  private readonly w = new OpsWriter();
  private readonly strokeText = new WeakMap<StrokePaint, string>();
  private readonly colours = new Map<string, string>();

  constructor(
    private readonly doc: jsPDF,
    private readonly pageH: number,
    private readonly slices: ContentSlices,
    private readonly missing?: Set<string>,
  ) {}

  private checkGlyphs(text: string): void {
    if (!this.missing) return;
    const codeMap = (this.doc.getFont() as unknown as { metadata?: { cmap?: { unicode?: { codeMap?: Record<number, number> } } } }).metadata?.cmap?.unicode?.codeMap;
    if (!codeMap) return;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp > 32 && !codeMap[cp]) this.missing.add(ch);
    }
  }

  /** One operator line into the page's pending slice. */
  private line(s: string): void {
    if (this.w.len) this.w.byte(10);
    this.w.ascii(s);
  }

  /** Hands the pending operators to the page as a deflated slice (before jsPDF writes anything itself). */
  flush(): void {
    if (!this.w.len) return;
    rawWrite(this.doc, this.slices.add(this.w.bytes()));
    this.w.reset();
  }

  private spill(): void {
    if (this.w.len >= SLICE_BYTES) this.flush();
  }

  private colour(hex: string): string {
    let c = this.colours.get(hex);
    if (c === undefined) this.colours.set(hex, (c = col(hex)));
    return c;
  }

  /**
   * The graphics state's name for an opacity, added to the document once. Written into every
   * q … Q that needs it: jsPDF's setGState skips a state it believes active, which a raw Q undoes.
   */
  private alpha(a: number | undefined, stroke: boolean): void {
    if (a === undefined || a >= 1) return;
    const key = `${stroke ? 'S' : 'F'}${Math.round(a * 100)}`;
    let names = GSTATES.get(this.doc);
    if (!names) GSTATES.set(this.doc, (names = new Map()));
    let name = names.get(key);
    if (!name) {
      this.flush();
      const id = `qt${key}`;
      this.doc.addGState(id, new GState(stroke ? { 'stroke-opacity': a } : { opacity: a }));
      // jsPDF names it (GS1…) and writes "/GSn gs" into the page (a new state always differs from
      // the active one): taken back, and written here each time it is wanted, on every page.
      const page = (this.doc.internal as unknown as { pages: string[][] }).pages[this.doc.getCurrentPageInfo().pageNumber];
      const before = page.length;
      this.doc.setGState(id);
      const written = page.length > before ? page.pop()! : '';
      if (!/^\/\S+ gs$/.test(written)) throw new Error(`jsPDF did not name graphics state ${id}`);
      names.set(key, (name = written));
    }
    this.line(name);
  }

  /** Subpaths as m/l(/h) lines into the pending slice. */
  private pathOps(subpaths: number[][], closed: boolean): void {
    const w = this.w;
    const H = this.pageH;
    for (const p of subpaths) {
      for (let i = 0; i < p.length; i += 2) {
        if (w.len) w.byte(10);
        w.num(p[i] * PT);
        w.byte(32);
        w.num((H - p[i + 1]) * PT);
        w.byte(32);
        w.byte(i === 0 ? 109 : 108); // m, l
      }
      if (closed) {
        w.byte(10);
        w.byte(104); // h
      }
    }
  }

  /** A symbol's subpaths in its own coordinates (points, y up, anchor at 0,0) as a string. */
  private symbolOps(subpaths: number[][], closed: boolean): string {
    const out: string[] = [];
    for (const p of subpaths) {
      for (let i = 0; i < p.length; i += 2) out.push(`${n2(p[i] * PT)} ${n2(-p[i + 1] * PT)} ${i === 0 ? 'm' : 'l'}`);
      if (closed) out.push('h');
    }
    return out.join('\n');
  }

  private strokeOps(s: StrokePaint): string {
    let t = this.strokeText.get(s);
    if (t === undefined) {
      const dash = s.dashMm?.length ? `[${s.dashMm.map((d) => n2(d * PT)).join(' ')}] 0 d` : '[] 0 d';
      t = `${this.colour(s.color)} RG ${n2(s.widthMm * PT)} w ${CAPS[s.cap ?? 'butt']} J ${JOINS[s.join ?? 'miter']} j ${dash}`;
      this.strokeText.set(s, t);
    }
    return t;
  }

  path(item: PathItem): void {
    const strokes = item.strokes ?? [];
    const fill = item.fill && item.closed ? item.fill : null;
    const rule = item.fillRule === 'evenodd' ? '*' : '';
    // Opaque fill and one opaque stroke: one path, painted once (B), half the content.
    if (fill && strokes.length === 1 && (fill.opacity ?? 1) >= 1 && (strokes[0].opacity ?? 1) >= 1) {
      this.line(`q ${this.colour(fill.color)} rg ${this.strokeOps(strokes[0])}`);
      this.pathOps(item.subpaths, item.closed);
      this.line(`B${rule}\nQ`);
      this.spill();
      return;
    }
    // The operators are written once and copied for every further paint.
    let from = -1;
    let to = -1;
    const body = () => {
      // pathOps starts each line with its newline: the range copied holds the one before the first.
      if (from < 0) {
        from = this.w.len;
        this.pathOps(item.subpaths, item.closed);
        to = this.w.len;
      } else this.w.repeat(from, to);
    };
    if (fill) {
      this.line('q');
      this.alpha(fill.opacity, false);
      this.line(`${this.colour(fill.color)} rg`);
      body();
      this.line(`f${rule}\nQ`);
    }
    for (const s of strokes) {
      this.line('q');
      this.alpha(s.opacity, true);
      this.line(this.strokeOps(s));
      body();
      this.line('S\nQ');
    }
    this.spill();
  }

  /**
   * A symbol, drawn once as a form XObject and then placed by reference: 40,000 graves cost
   * 40,000 short "cm Do" lines, not 40,000 copies of the drawing.
   */
  symbol(def: SymbolDef, x: number, y: number): void {
    let forms = FORMS.get(this.doc);
    if (!forms) FORMS.set(this.doc, (forms = new Map()));
    let name = forms.get(def.id);
    if (name === undefined) {
      const chunks: string[] = [];
      for (const p of def.parts) {
        const body = this.symbolOps(p.subpaths, p.closed);
        if (p.fill && p.closed) chunks.push(`${col(p.fill.color)} rg\n${body}\nf`);
        for (const s of p.strokes ?? []) chunks.push(`${this.strokeOps(s)}\n${body}\nS`);
      }
      this.flush();
      const m = 1; // mm around the unit box for stroke widths
      const [x0, y0, x1, y1] = def.box;
      let id = '';
      const grab = (xo: { id: string }) => (id = xo.id);
      const events = this.doc.internal.events as unknown as { subscribe: (e: string, f: (xo: { id: string }) => void) => string; unsubscribe: (token: string) => void };
      const token = events.subscribe('addFormObject', grab);
      this.doc.beginFormObject((x0 - m) * PT, (-y1 - m) * PT, (x1 - x0 + 2 * m) * PT, (y1 - y0 + 2 * m) * PT, this.doc.Matrix(1, 0, 0, 1, 0, 0));
      rawWrite(this.doc, chunks.join('\n'));
      this.doc.endFormObject(`qtsym-${def.id}`);
      events.unsubscribe(token);
      name = `/${id} Do\nQ`;
      forms.set(def.id, name);
    }
    // As jsPDF's doFormObject writes it, without its four strings and a matrix object a symbol.
    const w = this.w;
    this.line('q\n1. 0. 0. 1. ');
    w.num(x * PT);
    w.byte(32);
    w.num((this.pageH - y) * PT);
    w.ascii(' cm\n');
    w.ascii(name);
    this.spill();
  }

  image(base64: string, x: number, y: number, w: number, h: number): void {
    this.flush();
    this.doc.addImage(base64, 'JPEG', x, y, w, h);
  }

  clip(subpaths: number[][], evenodd: boolean): void {
    this.line('q');
    this.pathOps(subpaths, true);
    this.line(`${evenodd ? 'W*' : 'W'} n`);
  }

  unclip(): void {
    this.line('Q');
  }

  text(t: TextItem): void {
    this.flush();
    const doc = this.doc;
    doc.setFont(faceOf(t.bold, t.italic), 'normal');
    doc.setFontSize(t.sizePt);
    this.checkGlyphs(t.text);
    let x = t.x;
    let y = t.y;
    let align: 'left' | 'center' | 'right' = t.align;
    let baseline: 'alphabetic' | 'middle' = t.baseline;
    const angle = t.angleDeg ?? 0;
    if (angle) {
      // jsPDF aligns before rotating; rotate about the anchor ourselves: start of the baseline.
      const w = (doc.getStringUnitWidth(t.text) * t.sizePt) / PT;
      const r = (angle * Math.PI) / 180;
      const along = t.align === 'center' ? w / 2 : t.align === 'right' ? w : 0;
      const down = t.baseline === 'middle' ? 0.33 * t.sizePt * (25.4 / 72) : 0;
      x = t.x - Math.cos(r) * along + Math.sin(r) * down;
      y = t.y + Math.sin(r) * along + Math.cos(r) * down;
      align = 'left';
      baseline = 'alphabetic';
    } else if (baseline === 'middle') {
      y = t.y + 0.33 * t.sizePt * (25.4 / 72);
      baseline = 'alphabetic';
    }
    const opts = { align, baseline, ...(angle ? { angle } : {}) } as const;
    if (t.halo) {
      rawWrite(doc, 'q');
      doc.setLineJoin('round');
      doc.setDrawColor(t.halo.color);
      doc.setLineWidth(t.halo.widthMm * 2);
      doc.text(t.text, x, y, { ...opts, renderingMode: 'stroke' });
      rawWrite(doc, 'Q');
    }
    doc.setTextColor(t.color);
    doc.text(t.text, x, y, { ...opts, renderingMode: 'fill' });
  }
}

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/** Draws in slices, giving the event loop a turn between them so progress goes out and a cancel gets in. */
async function drawItems(p: Painter, list: DisplayList, items: DisplayItem[], opts: PdfOptions, base: number, total: number): Promise<void> {
  const slots = items as (DisplayItem | undefined)[];
  for (let n = 0; n < slots.length; n++) {
    const it = slots[n]!;
    if (opts.consume) slots[n] = undefined;
    if (((n + 1) & 4095) === 0) {
      opts.onProgress?.(base + n + 1, total);
      await yieldToLoop();
      if (opts.signal?.aborted) throw new Error('cancelled');
    }
    switch (it.kind) {
      case 'path':
        p.path(it);
        break;
      case 'symbol':
        p.symbol(list.symbols[it.symbol], it.x, it.y);
        break;
      case 'text':
        p.text(it);
        break;
      case 'clip-begin':
        p.clip(it.subpaths, it.fillRule === 'evenodd');
        break;
      case 'clip-end':
        p.unclip();
        break;
      case 'image':
        // In list order, so a base map sits under the features and inside the frame's clip.
        p.image(it.data, it.x, it.y, it.w, it.h);
        break;
    }
  }
}

/** The PDF bytes of one or more pages (a series), each page its own size and georeference. */
export async function renderPdf(pages: PdfPage[], opts: PdfOptions = {}): Promise<Uint8Array> {
  if (!pages.length) throw new Error('renderPdf: no pages');
  const first = pages[0].list.page;
  const doc = newDoc(first.widthMm, first.heightMm, facesUsed(pages));
  const viewports = new Map<number, string>();
  doc.internal.events.subscribe('putPage', (data: { pageNumber: number }) => {
    const vp = viewports.get(data.pageNumber);
    if (vp) rawWrite(doc, vp);
  });
  if (opts.title) doc.setProperties({ title: opts.title.normalize('NFC'), creator: 'QuyTap' });
  const total = pages.reduce((s, p) => s + p.list.items.length, 0);
  let base = 0;
  const slices = new ContentSlices();
  try {
    for (const [i, pg] of pages.entries()) {
      if (opts.signal?.aborted) throw new Error('cancelled');
      const { widthMm: w, heightMm: h } = pg.list.page;
      if (i > 0) doc.addPage([w, h], w > h ? 'landscape' : 'portrait');
      if (pg.viewport) viewports.set(i + 1, pg.viewport);
      const painter = new Painter(doc, h, slices, opts.missingGlyphs);
      await drawItems(painter, pg.list, pg.list.items, opts, base, total);
      painter.flush();
      base += pg.list.items.length;
    }
    opts.onProgress?.(total, total);
    return new Uint8Array(doc.output('arraybuffer'));
  } finally {
    slices.release();
  }
}
