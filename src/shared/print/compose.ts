// The layout composer: (project data, sheet settings) → display list in paper millimetres, plus a
// report of what was decided (scale, sheets) and what could not be shown (dropped labels,
// statistics that disagree). Pure: no DOM, no Node; the PDF and the preview only draw its output.
//
// In two steps, so a sheet is drawn once: `planSheet` decides everything the drawing depends on
// (texts, where the furniture goes and so the frame, the scale, the series, which features show in
// the frame and so the legend) without drawing; `compose` draws the plan. Main plans a sheet, warps
// its base maps into the planned frame, and composes it once with them.
import { ApiError } from '../api-error';
import { geometryExtent, type Extent } from '../model/geometry';
import { classKeyOf, formatScale, type SymbologySettings } from '../symbology';
import { approxMeasure, boxesOverlap, type BoxMm, type DisplayItem, type DisplayList, type MeasureText, type SymbolDef } from './display-list';
import { draftWatermark, notesBlock, reviewMark, scaleBlock, signaturesBlock, statsBlockCommune, statsBlockCommunes, titleBand, type Ctx, type ReviewMark } from './furniture';
import { extentsIntersect, pathOnPaper, rectPath, type Frame } from './geom';
import { composeGrid } from './grid';
import { cornerCoordinates } from './corners';
import { adjacentBlock, adjacentSheets, insetBlock, insetData } from './inset';
import type { PrintFeature, PrintInput } from './input';
import { furnitureFactor, gridStepFor, pageSizeMm } from './paper';
import { BLOCK_NAMES, SheetSettingsSchema, type BlockName, type SheetSettings, type SheetSettingsInput } from './settings';
import { arrangements, pack, pieceBox, type Arrangement, type FlowBlock, type LayoutSpace, type Piece } from './layout';
import { mismatchesOf, sheetStatistics, type CommuneStats, type Mismatch } from './statistics';
import { crsNote } from './crs-note';
import { textItem, vnDate } from './text';
import { inputOn, sheetMapDate, sheetTitle } from './map-date';
import { DEFAULT_SIGNATURES } from '../model/settings';
import { resolveArea, type Area } from './area';
import { fitRoundScale, MAX_SCALE, MIN_SCALE } from './scale';
import { MAX_SHEETS, seriesOf, type Series } from './series';
import { drawFeatures, selectDrawn, type DrawnFeature } from './map-features';
import { drawLabels } from './map-labels';
import type { DroppedLabel } from './feature-labels';
import { legendBlock, legendForClasses, legendRows, sheetLegend, type SheetLegendEntry } from './legend';

export { MAX_SHEETS };

export interface ComposeReport {
  scale: number;
  gridStepM: number;
  sheet: number;
  sheets: number;
  /** Series layout: columns × rows. */
  grid: [number, number];
  title: string;
  legend: string[];
  droppedLabels: DroppedLabel[];
  droppedGridLabels: string[];
  stats: CommuneStats[];
  mismatches: Mismatch[];
  warnings: { vi: string; en: string }[];
  /** The map frame on the page and the ground extent it shows (for the PDF georeference). */
  frame: Frame;
  /** Where each furniture block ended up (its first piece: so the dialog can move them). */
  blocks: Partial<Record<BlockName, { x: number; y: number; w: number; h: number }>>;
  /** Every piece of every block (the legend may continue in a second column). */
  parts?: { block: BlockName; x: number; y: number; w: number; h: number }[];
  /** Furniture in a panel right of the map or in a band under it. */
  layout?: 'right' | 'bottom';
  /** Ground size of the print area, metres (the dialog's sheet counts per scale). */
  areaSize?: [number, number];
}

export interface ComposeResult {
  list: DisplayList;
  report: ComposeReport;
}

type Warning = ComposeReport['warnings'][number];
/** A sheet printed alone from a series says which one it is (a corner is easy to take for the whole map); a whole series printed needs no such warning. */
export const sheetOfSeriesWarning = (sheets: number, sheet: number): Warning => ({
  vi: `Vùng in cần ${sheets} tờ; đây là tờ ${sheet}.`,
  en: `The area needs ${sheets} sheets; this is sheet ${sheet}.`,
});

const bad = (vi: string, en: string, details?: unknown) => new ApiError('validation', vi, en, details);

// ── texts: what the sheet says, known before anything is placed ──

interface SheetTexts {
  title: string;
  mapDate: string;
  stats: CommuneStats[];
  notesFor: (gridStep: number) => string[];
  placeDate: string;
  sigs: { title: string; name: string; role?: string; note?: string }[];
  /** "BẢN DỰ THẢO" until every commune on the sheet is approved, then the approval line. */
  mark: ReviewMark;
  organisation: string[];
}

/** The base maps printed, named after the data sources (unless the text names them already). */
function baseMapNote(baseMapNames: string[], sources: string): string {
  const names = baseMapNames.filter((n) => !sources.includes(n));
  if (!names.length) return '';
  return `${/[.!?]\s*$/.test(sources) ? ' Bản đồ nền' : '; bản đồ nền'}: ${names.join(', ')}`;
}

/** `input` as on the sheet's map date (inputOn): a historical sheet's units, names and titles. */
function sheetTexts(input: PrintInput, s: SheetSettings, area: Area, baseMapNames: string[], at: { date: string; historical: boolean }): SheetTexts {
  const st = input.settings;
  const mapDate = at.date;
  const sources = s.texts.dataSources ?? st.dataSources;
  const sheetDate = s.sheetDate ?? st.sheetDate;
  const year = (input.today ?? new Date().toISOString()).slice(0, 4);
  return {
    title: (s.texts.title ?? sheetTitle(input, area.kind, area.communes, area.extent, at)).normalize('NFC'),
    mapDate,
    stats: sheetStatistics(
      area.communes.map((c) => ({ code: String(c.props.code ?? ''), name: String(c.props.name ?? '') })),
      input,
    ),
    notesFor: (step) => [
      s.texts.crsNote ?? crsNote(input.crs),
      `Lưới km: ${step >= 1000 ? `${String(step / 1000).replace('.', ',')} km` : `${step} m`}; ${
        s.gridLabelStyle === 'km' ? 'tọa độ lưới ghi theo km, hai số cuối in lớn' : 'tọa độ lưới ghi theo mét'
      } (X: Bắc, Y: Đông); tọa độ địa lý ở góc khung.`,
      `Nguồn dữ liệu: ${s.texts.dataSources ?? (st.dataSources || '…')}${baseMapNote(baseMapNames, sources)}`,
      `Đơn vị thành lập: ${s.texts.agency ?? (st.producingAgency || '…')}`,
      at.historical ? `Địa giới, địa danh hành chính theo ${vnDate(mapDate)}.` : '',
    ],
    placeDate: s.texts.placeDate ?? `${st.place || '…'}, ${sheetDate ? vnDate(sheetDate) : `ngày …… tháng …… năm ${year}`}`,
    // An official sheet is signed: a project with no blocks set prints the usual three.
    sigs: s.signatures ?? (st.signatures.length ? st.signatures : DEFAULT_SIGNATURES).map((x) => ({ title: x.title, name: x.name ?? '', role: x.role, note: x.note ?? '' })),
    mark: reviewMark(input.reviews, area.communes.map((c) => String(c.props.code ?? '')), s.texts.reviewingOrganisation ?? st.reviewingOrganisation),
    organisation: s.texts.organisation !== undefined ? s.texts.organisation.split('\n') : st.organisation,
  };
}

// ── the page's head: paper, margins, title, room for the grid labels ──

const DEFAULT_MARGIN = { A0: 15, A1: 13, A2: 12, A3: 10, A4: 8 } as const;

interface Head {
  page: { w: number; h: number };
  /** Furniture size factor (A0 is read from further away). */
  k: number;
  m: number;
  titleItems: DisplayItem[];
  /** Baseline of the title's last line. */
  top: number;
  subtitleH: number;
  gridPt: number;
  gw: number;
  gh: number;
}

/** The title band: organisation header, title, draft mark or approval line (furniture.ts titleBand). */
function sheetHead(s: SheetSettings, texts: SheetTexts, measure: MeasureText): Head {
  const page = pageSizeMm(s.paper, s.orientation);
  const k = furnitureFactor(s.paper);
  const m = s.marginMm ?? DEFAULT_MARGIN[s.paper];
  const { items: titleItems, top } = titleBand({ k, measure }, page, m, texts.title, texts.organisation, texts.mark);
  const gridPt = 7 * k;
  return { page, k, m, titleItems, top, subtitleH: 7 * k, gridPt, gw: measure('0000000', gridPt, false) + 3.5 * k, gh: gridPt * 0.3528 * 1.3 + 3 * k };
}

// ── furniture: the blocks as the layout sees them, and drawn where the layout put them ──

/** `adjacent`: the sheet is one of a series (the adjacent-sheet diagram is packed too). */
type BlocksAt = (w: number, legend: SheetLegendEntry[], step: number, adjacent?: boolean) => FlowBlock[];

/** Stand-ins of the right shape for measuring the inset and the diagram (their heights do not depend on the data). */
const PROBE_INSET = { outline: [], caption: 'x', communes: [], area: [], frame: [0, 0, 1, 1] as Extent };
const PROBE_AROUND = [null, null, null, null, 1, null, null, null, null];

function furnitureBlocks(head: Head, texts: SheetTexts, s: SheetSettings, measure: MeasureText): BlocksAt {
  const { k } = head;
  const { stats } = texts;
  return (w, legend, step, adjacent = false) => {
    const probe: Ctx = { k, measure, items: [], symbols: {} };
    // The legend first: when it continues in the next column, its entries there stand level with
    // its heading, not beside the scale bar above it.
    const blocks: FlowBlock[] = [];
    if (legend.length) {
      const { head: h, rows } = legendRows(probe, w, legend);
      blocks.push({ name: 'legend', head: h, rows });
    }
    blocks.push({ name: 'scale', head: scaleBlock(probe, 0, 0, w, 10000), rows: [] });
    if (adjacent) blocks.push({ name: 'adjacent', head: adjacentBlock(probe, 0, 0, w, PROBE_AROUND, 9), rows: [] });
    if (stats.length === 1) blocks.push({ name: 'stats', head: statsBlockCommune(probe, 0, 0, w, stats[0]), rows: [] });
    else if (stats.length > 1) blocks.push({ name: 'stats', head: statsBlockCommunes(probe, 0, 0, w, stats), rows: [] });
    blocks.push({ name: 'notes', head: notesBlock(probe, 0, 0, w, texts.notesFor(step)), rows: [] });
    // The inset last before the signatures: beside them in the last column, where a band has room.
    blocks.push({ name: 'inset', head: insetBlock(probe, 0, 0, w, PROBE_INSET), rows: [] });
    blocks.push({ name: 'signatures', head: signaturesBlock(probe, 0, 0, w, texts.placeDate, texts.sigs), rows: [] });
    // A block the user has placed is drawn where they put it, outside the flow.
    return blocks.filter((b) => !s.layout[b.name]);
  };
}

function arrange(head: Head, area: Area, blocksAt: (w: number) => FlowBlock[]): Arrangement {
  const { page, m, k } = head;
  const space: LayoutSpace = {
    page,
    margin: m,
    bodyTop: head.top + head.subtitleH,
    gw: head.gw,
    gh: head.gh,
    colW: Math.min(95 * k, page.w * 0.34),
    gap: 4 * k,
    areaW: area.extent[2] - area.extent[0],
    areaH: area.extent[3] - area.extent[1],
  };
  const plans = arrangements(space, blocksAt);
  if (!plans.length) throw bad('Khổ giấy quá nhỏ cho khung bản đồ và các khối chú giải với lề này.', 'The paper is too small for a map frame and the furniture with these margins.');
  return plans[0];
}

// ── scale and series: the frame's ground extent ──

interface SheetFrame {
  frame: Frame;
  seriesScale: number;
  series: Series;
  sheet: number;
  warnings: Warning[];
}

function sheetFrame(input: PrintInput, area: Area, s: SheetSettings, a: Arrangement): SheetFrame {
  const { x: fx, y: fy, w: fw, h: fh } = a.frame;
  const areaW = area.extent[2] - area.extent[0];
  const areaH = area.extent[3] - area.extent[1];
  const warnings: Warning[] = [];
  const fit = () => fitRoundScale(areaW, areaH, fw, fh);
  let scale: number;
  if (s.scale === 'fit') {
    const f = fit();
    if (f === null) warnings.push({ vi: 'Vùng in không vừa một tờ ở tỷ lệ 1:1.000.000: in thành nhiều tờ.', en: 'The area does not fit one sheet at 1:1,000,000: printed as a series.' });
    scale = f ?? MAX_SCALE;
  } else scale = s.scale;
  const series = seriesOf(input, area, fw, fh, scale, s.overlapMm, s.paper);
  const sheets = series.cells.length;
  if (sheets === 0) throw bad('Vùng in trống.', 'The print area is empty.');
  if (s.sheet !== undefined && s.sheet > sheets)
    throw bad(`Tờ ${s.sheet} không có: vùng in chỉ cần ${sheets} tờ.`, `There is no sheet ${s.sheet}: the area needs ${sheets} sheets.`);
  const sheet = s.sheet ?? 1;
  if (!s.index) {
    if (sheets > 1) warnings.push(sheetOfSeriesWarning(sheets, sheet));
    return { frame: { x: fx, y: fy, w: fw, h: fh, extent: series.cells[sheet - 1], scale }, seriesScale: scale, series, sheet, warnings };
  }
  // The index sheet: the whole area at the scale that fits, the series' frames drawn over it.
  const iscale = fit() ?? MAX_SCALE;
  const cx = (area.extent[0] + area.extent[2]) / 2;
  const cy = (area.extent[1] + area.extent[3]) / 2;
  const [w2, h2] = [(fw * iscale) / 2000, (fh * iscale) / 2000];
  return { frame: { x: fx, y: fy, w: fw, h: fh, extent: [cx - w2, cy - h2, cx + w2, cy + h2], scale: iscale }, seriesScale: scale, series, sheet, warnings };
}

// ── the plan ──

export interface SheetPlan {
  settings: SheetSettings;
  /** The date whose units the sheet shows (map-date.ts). */
  at: { date: string; historical: boolean };
  mark: ReviewMark;
  area: Area;
  head: Head;
  arrangement: Arrangement;
  frame: Frame;
  seriesScale: number;
  series: Series;
  sheet: number;
  drawn: DrawnFeature[];
  legend: SheetLegendEntry[];
  warnings: Warning[];
  /** The furniture packed with the plan's texts (the sheet repacks with its own). */
  pieces: Piece[] | null;
  /** A sheet of a series: the adjacent-sheet diagram is among the blocks. */
  adjacent: boolean;
}

function parseSettings(settingsIn: SheetSettingsInput): SheetSettings {
  const parsed = SheetSettingsSchema.safeParse(settingsIn);
  if (parsed.success) return parsed.data;
  // A typed scale out of range is said as such (the CLI and saved layouts reach here unchecked).
  if (parsed.error.issues.some((i) => i.path[0] === 'scale'))
    throw bad(
      `Tỷ lệ 1:${String(settingsIn.scale)} không in được: hãy chọn "vừa khổ giấy" hoặc một tỷ lệ từ ${formatScale(MIN_SCALE)} đến ${formatScale(MAX_SCALE)}.`,
      `Scale 1:${String(settingsIn.scale)} cannot be printed: choose "fit" or a scale from 1:${MIN_SCALE} to 1:${MAX_SCALE}.`,
      parsed.error.issues,
    );
  throw bad('Thiết lập tờ in không hợp lệ.', 'Invalid sheet settings.', parsed.error.issues);
}

/** The legend of what is drawn, the veiled neighbours explained when a neighbouring commune shows. */
function legendOfDrawn(drawn: DrawnFeature[], area: Area, s: SheetSettings, st: SymbologySettings): SheetLegendEntry[] {
  const present = new Map<string, Set<DrawnFeature['form']>>();
  for (const d of drawn) {
    let forms = present.get(d.legendKey);
    if (!forms) present.set(d.legendKey, (forms = new Set()));
    forms.add(d.form);
  }
  const codes = new Set(area.communes.map((c) => String(c.props.code ?? '')));
  const neighbour = drawn.some((d) => d.f.table === 'admin_units' && d.f.props.level === 'commune' && !d.former && !codes.has(String(d.f.props.code ?? '')));
  return sheetLegend(present, st, s.maskOpacity > 0 && area.kind !== 'extent' && neighbour ? s.maskOpacity : null);
}

/**
 * Everything a sheet's drawing depends on, without drawing it. `baseMapNames`: the base maps the
 * sheet will print (named in the notes; the room is planned for all of them).
 */
export function planSheet(input: PrintInput, settingsIn: SheetSettingsInput, measure: MeasureText = approxMeasure, o: { baseMapNames?: string[] } = {}): SheetPlan {
  const s = parseSettings(settingsIn);
  const area = resolveArea(input, s);
  // A historical sheet shows the units in force on its date (map-date.ts).
  const at = sheetMapDate(input, s, area.communes);
  input = inputOn(input, at.date);
  const texts = sheetTexts(input, s, area, o.baseMapNames ?? input.baseMap?.names ?? [], at);
  const head = sheetHead(s, texts, measure);
  const blocksAt = furnitureBlocks(head, texts, s, measure);
  const st = input.settings;
  const veil = s.maskOpacity > 0 && area.kind !== 'extent' && input.communes.length > area.communes.length ? s.maskOpacity : null;
  // The legend is known only once the frame is: the furniture is planned for the classes of what
  // lies in the area; when the frame shows more than that plan holds, for every class of the
  // project (which no sheet's legend can outgrow).
  const attempt = (forAll: boolean): SheetPlan | null => {
    const classes = new Set<string>();
    for (const f of input.features) if (forAll || extentsIntersect(f.extent ?? geometryExtent(f.geometry), area.extent)) classes.add(classKeyOf(f.table, f.props, texts.mapDate));
    // The notes' grid step is not known yet: plan with the longest wording ("500 m").
    const planned = legendForClasses(classes, st, veil);
    let arrangement = arrange(head, area, (w) => blocksAt(w, planned, 500));
    // A sheet of a series carries the adjacent-sheet diagram: planned again with it (the frame
    // shrinks, so the series is counted again; kept without it if the series then needs one
    // sheet). Counted as sheet 1 first: the sheet asked for is one of the final series. The index
    // sheet is planned alike (without drawing the diagram), so it numbers the same frames.
    let adjacent = false;
    const count = (a: Arrangement) => sheetFrame(input, area, { ...s, sheet: undefined, index: false }, a).series.cells.length;
    if (count(arrangement) > 1) {
      const a2 = arrange(head, area, (w) => blocksAt(w, planned, 500, true));
      if (count(a2) > 1) [arrangement, adjacent] = [a2, !s.index];
    }
    const sf = sheetFrame(input, area, s, arrangement);
    const drawn = selectDrawn(input.features, sf.frame.extent, sf.frame.scale, texts.mapDate, st);
    const legend = legendOfDrawn(drawn, area, s, st);
    const a = arrangement;
    const pieces = pack(blocksAt(a.colW, legend, s.gridStepM ?? gridStepFor(sf.frame.scale), adjacent), a.cols, a.bottom - a.top, a.gap);
    if (!pieces && !forAll) return null;
    return { settings: s, at, mark: texts.mark, area, head, arrangement, ...sf, drawn, legend, pieces, adjacent };
  };
  return attempt(false) ?? attempt(true)!;
}

// ── drawing ──

/** The map frame: base maps, features, the veil, the grid, labels and (index) the series' frames. */
function drawMap(input: PrintInput, p: SheetPlan, items: DisplayItem[], symbols: Record<string, SymbolDef>, measure: MeasureText) {
  const { frame, head, area, settings: s } = p;
  const { k } = head;
  const { x: fx, y: fy, w: fw, h: fh } = frame;
  const fpath = rectPath(fx, fy, fw, fh);
  items.push({ kind: 'path', subpaths: [fpath], closed: true, fill: { color: '#ffffff' }, role: 'map' });
  items.push({ kind: 'clip-begin', subpaths: [fpath] });
  // Base maps first, inside the clip: under every feature, the mask and the grid.
  for (const im of input.baseMap?.images ?? []) items.push({ kind: 'image', format: 'jpeg', ...im, role: 'map' });
  if (p.mark?.kind === 'draft') items.push(draftWatermark({ k, measure }, frame));
  const symbolAt = new Map<PrintFeature, [number, number]>();
  const taken = drawFeatures(items, symbols, frame, p.drawn, k, symbolAt);
  // Veil what lies outside the chosen area (the frame is a rectangle, the area is not).
  if (s.maskOpacity > 0) {
    const clipBox: BoxMm = [fx - 3 * k, fy - 3 * k, fx + fw + 3 * k, fy + fh + 3 * k];
    const rings = area.polys.flat().map((r) => pathOnPaper(frame, r, 0.1, true, clipBox)).filter((x) => x.length);
    items.push({ kind: 'path', subpaths: [fpath, ...rings], closed: true, fillRule: 'evenodd', fill: { color: '#ffffff', opacity: s.maskOpacity }, role: 'mask' });
  }
  const step = s.gridStepM ?? gridStepFor(frame.scale);
  const corners = cornerCoordinates(frame, input.crs.proj4, head.gridPt * 0.8, measure, k);
  const grid = composeGrid(frame, step, head.gridPt, measure, k, s.gridLabelStyle, corners.boxes);
  const inside = (i: DisplayItem) => i.kind === 'path' && i.subpaths.length > 0 && i.subpaths[0][1] >= fy && i.subpaths[0][0] >= fx && i.subpaths[0][3] <= fy + fh && i.subpaths[0][2] <= fx + fw;
  items.push(...grid.items.filter(inside));
  for (const g of grid.labels) taken.add(g.box);
  const droppedLabels = drawLabels(items, frame, area, p.drawn, taken, measure, symbolAt);
  if (s.index) drawIndexFrames(items, p, measure);
  items.push({ kind: 'clip-end' });
  items.push({ kind: 'path', subpaths: [fpath], closed: true, strokes: [{ color: '#000000', widthMm: 0.4 * k }], role: 'frame' });
  items.push(...grid.items.filter((i) => i.kind === 'path' && i.subpaths.length && !inside(i)));
  items.push(...grid.labels, ...corners.items);
  return { step, droppedLabels, droppedGridLabels: grid.dropped };
}

function drawIndexFrames(items: DisplayItem[], p: SheetPlan, measure: MeasureText): void {
  const { frame, head } = p;
  const { k } = head;
  p.series.cells.forEach((c, i) => {
    const [x0, y0] = [frame.x + ((c[0] - frame.extent[0]) * 1000) / frame.scale, frame.y + ((frame.extent[3] - c[3]) * 1000) / frame.scale];
    const [w, h] = [((c[2] - c[0]) * 1000) / frame.scale, ((c[3] - c[1]) * 1000) / frame.scale];
    items.push({ kind: 'path', subpaths: [rectPath(x0, y0, w, h)], closed: true, strokes: [{ color: '#c00000', widthMm: 0.5 * k }], role: 'decoration' });
    items.push(textItem(x0 + w / 2, y0 + h / 2, String(i + 1), { sizePt: 28 * k, bold: true, color: '#c00000', align: 'center', baseline: 'middle', role: 'decoration', halo: { color: '#ffffff', widthMm: 0.8 } }, measure));
  });
}

/** Title and subtitle (which sheet of how many, or the index sheet's caption). */
function drawTitle(items: DisplayItem[], p: SheetPlan, measure: MeasureText): void {
  const { head, settings: s, series, sheet, frame } = p;
  items.push(...head.titleItems);
  const sheets = series.cells.length;
  const subtitle =
    s.texts.subtitle ??
    (s.index ? `Sơ đồ chia tờ: ${sheets} tờ tỷ lệ ${formatScale(p.seriesScale)}` : sheets > 1 ? `Tờ ${sheet}/${sheets} (tỷ lệ ${formatScale(frame.scale)})` : '');
  if (subtitle) items.push(textItem(head.page.w / 2, head.top + head.subtitleH * 0.7, subtitle, { sizePt: 10 * head.k, bold: true, align: 'center', role: 'title' }, measure));
}

type Box = { x: number; y: number; w: number; h: number };

/** The furniture where the plan put it (repacked with the sheet's own notes), and the user's placed blocks. */
function drawFurniture(input: PrintInput, p: SheetPlan, texts: SheetTexts, step: number, ctx: Ctx, blocksAt: BlocksAt, warnings: Warning[]) {
  const { arrangement: plan, legend, settings: s, head } = p;
  const { stats } = texts;
  const notes = texts.notesFor(step);
  const scale = p.frame.scale;
  const repacked = pack(blocksAt(plan.colW, legend, step, p.adjacent), plan.cols, plan.bottom - plan.top, plan.gap);
  const inset = insetData(input.features, input.communes, p.area, p.frame.extent, p.at.date);
  // The series' cells are spaced by the frame less the overlap (series.ts).
  const ov = Math.min(s.overlapMm, Math.min(p.frame.w, p.frame.h) / 3);
  const around = adjacentSheets(p.series.cells, p.sheet, ((p.frame.w - ov) * scale) / 1000, ((p.frame.h - ov) * scale) / 1000);
  const pieces = repacked ?? p.pieces ?? plan.pieces;
  const blocks: ComposeReport['blocks'] = {};
  const parts: NonNullable<ComposeReport['parts']> = [];
  const draw = (name: BlockName, x: number, y: number, w: number, from?: number, to?: number, heading?: boolean): number => {
    switch (name) {
      case 'scale':
        return scaleBlock(ctx, x, y, w, scale);
      case 'legend':
        return legendBlock(ctx, x, y, w, legend, from, to, heading);
      case 'stats':
        return stats.length === 1 ? statsBlockCommune(ctx, x, y, w, stats[0]) : statsBlockCommunes(ctx, x, y, w, stats);
      case 'notes':
        return notesBlock(ctx, x, y, w, notes);
      case 'signatures':
        return signaturesBlock(ctx, x, y, w, texts.placeDate, texts.sigs);
      case 'inset':
        return insetBlock(ctx, x, y, w, inset);
      case 'adjacent':
        return adjacentBlock(ctx, x, y, w, around, p.series.cells.length);
    }
  };
  for (const piece of pieces) {
    const b = pieceBox(plan, piece);
    const h = draw(piece.name, b.x, b.y, b.w, piece.from, piece.to, piece.heading);
    parts.push({ block: piece.name, x: b.x, y: b.y, w: b.w, h });
    blocks[piece.name] ??= { x: b.x, y: b.y, w: b.w, h };
  }
  for (const name of BLOCK_NAMES) {
    const at = s.layout[name];
    if (!at || (name === 'legend' && !legend.length) || (name === 'stats' && !stats.length) || (name === 'adjacent' && !p.adjacent)) continue;
    const h = draw(name, at.x, at.y, plan.colW);
    parts.push({ block: name, x: at.x, y: at.y, w: plan.colW, h });
    blocks[name] = { x: at.x, y: at.y, w: plan.colW, h };
  }
  // What the sheet must never have: a block over another, over the map and its grid labels, or
  // past the margins (a block the user dragged there included).
  const f = p.frame;
  const { page, m, gw, gh } = head;
  const mapBox: BoxMm = [f.x - gw, f.y - gh, f.x + f.w + gw, f.y + f.h + gh];
  const boxOf = (b: Box): BoxMm => [b.x, b.y, b.x + b.w, b.y + b.h];
  const clash = parts.some((a, i) => boxesOverlap(boxOf(a), mapBox) || parts.some((b, j) => j > i && boxesOverlap(boxOf(a), boxOf(b))));
  const outside = parts.some((a) => a.x < m - 0.01 || a.y < m - 0.01 || a.x + a.w > page.w - m + 0.01 || a.y + a.h > page.h - m + 0.01);
  if (clash || outside || !repacked)
    warnings.push({
      vi: 'Các khối chú giải, bảng thống kê, ghi chú, chữ ký chồng lên nhau hoặc lên bản đồ, hay ra ngoài lề: hãy dời khối hoặc chọn khổ giấy lớn hơn.',
      en: 'Furniture blocks overlap each other or the map, or run past the margins: move the blocks or choose a larger paper.',
    });
  return { blocks, parts };
}

/**
 * One sheet as a display list. With `plan` (from planSheet with the same settings), the sheet is
 * drawn as planned: main plans first to warp the base maps into the frame.
 */
export function compose(input: PrintInput, settingsIn: SheetSettingsInput, measure: MeasureText = approxMeasure, plan?: SheetPlan): ComposeResult {
  const p = plan ?? planSheet(input, settingsIn, measure);
  const s = p.settings;
  input = inputOn(input, p.at.date);
  // The sheet's own texts: the notes name the base maps that reached its frame.
  const texts = sheetTexts(input, s, p.area, input.baseMap?.names ?? [], p.at);
  const items: DisplayItem[] = [];
  const symbols: Record<string, SymbolDef> = {};
  const warnings: Warning[] = [...p.warnings];
  drawTitle(items, p, measure);
  const map = drawMap(input, p, items, symbols, measure);
  // The neat line around everything.
  const { page, m, k } = p.head;
  items.push({ kind: 'path', subpaths: [rectPath(m * 0.6, m * 0.6, page.w - 1.2 * m, page.h - 1.2 * m)], closed: true, strokes: [{ color: '#000000', widthMm: 0.6 * k }], role: 'decoration' });
  const ctx: Ctx = { k, measure, items, symbols };
  const { blocks, parts } = drawFurniture(input, p, texts, map.step, ctx, furnitureBlocks(p.head, texts, s, measure), warnings);
  if (map.droppedLabels.length)
    warnings.push({ vi: `${map.droppedLabels.length} nhãn không đặt được (chồng lấn) đã bỏ.`, en: `${map.droppedLabels.length} labels could not be placed without overlap and were dropped.` });
  return {
    list: { page: { widthMm: page.w, heightMm: page.h }, items, symbols },
    report: {
      scale: p.frame.scale,
      gridStepM: map.step,
      sheet: p.sheet,
      sheets: p.series.cells.length,
      grid: [p.series.nx, p.series.ny],
      title: texts.title,
      legend: p.legend.map((e) => e.key),
      droppedLabels: map.droppedLabels,
      droppedGridLabels: map.droppedGridLabels,
      stats: texts.stats,
      mismatches: mismatchesOf(texts.stats),
      warnings,
      frame: p.frame,
      blocks,
      parts,
      layout: p.arrangement.mode,
      areaSize: [p.area.extent[2] - p.area.extent[0], p.area.extent[3] - p.area.extent[1]],
    },
  };
}
