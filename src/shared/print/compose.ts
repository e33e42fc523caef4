// The layout composer: (project data, sheet settings) → display list in paper millimetres, plus a
// report of what was decided (scale, sheets) and what could not be shown (dropped labels,
// statistics that disagree). Pure: no DOM, no Node; the PDF and the preview only draw its output.
import { ApiError } from '../api';
import { foldVietnamese } from '../crs/foldVietnamese';
import { geometryExtent, type Extent, type Position } from '../model/geometry';
import { classKeyOf, formatScale, styleFor, visibleAtScale, type LegendEntry } from '../symbology';
import { approxMeasure, boxesOverlap, type BoxMm, type DisplayItem, type DisplayList, type MeasureText, type StrokePaint, type SymbolDef } from './display-list';
import { BoxIndex } from './collisions';
import { anchorOf, placeLabels, type DroppedLabel, type LabelCandidate } from './feature-labels';
import {
  legendBlock,
  legendFor,
  legendRows,
  notesBlock,
  draftWatermark,
  reviewMark,
  scaleBlock,
  signaturesBlock,
  titleBand,
  statsBlockCommune,
  statsBlockCommunes,
  type Ctx,
} from './furniture';
import { extentsIntersect, extentTouchesPolygons, flatPathOnPaper, linesOf, pathOnPaper, pointInPolygons, polygonsOf, rectPath, type Frame } from './geom';
import { composeGrid } from './grid';
import type { PrintFeature, PrintInput } from './input';
import { fitScale, furnitureFactor, gridStepFor, pageSizeMm, STANDARD_SCALES } from './paper';
import { BLOCK_NAMES, SheetSettingsSchema, type BlockName, type SheetSettings, type SheetSettingsInput } from './settings';
import { arrangements, pack, pieceBox, type FlowBlock, type LayoutSpace } from './layout';
import { mismatchesOf, sheetStatistics, type CommuneStats, type Mismatch } from './statistics';
import { symbolDef } from './symbols';
import { crsNote } from './crs-note';
import { textItem, vnDate } from './text';
import { inputOn, sheetMapDate, sheetTitle } from './map-date';
import { DEFAULT_SIGNATURES } from '../model/settings';

export const MAX_SHEETS = 100;

const touchMemos = new WeakMap<PrintInput, Map<string, boolean>>();
function touchMemo(input: PrintInput): Map<string, boolean> {
  let m = touchMemos.get(input);
  if (!m) touchMemos.set(input, (m = new Map()));
  return m;
}

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
}

export interface ComposeResult {
  list: DisplayList;
  report: ComposeReport;
}

const bad = (vi: string, en: string, details?: unknown) => new ApiError('validation', vi, en, details);

interface Area {
  polys: Position[][][];
  extent: Extent;
  communes: PrintFeature[];
  kind: SheetSettings['area']['kind'];
}

function resolveArea(input: PrintInput, s: SheetSettings): Area {
  const projectCodes = new Set(input.settings.communes.map((c) => c.code).filter(Boolean));
  const own = input.communes.filter((c) => projectCodes.size === 0 || projectCodes.has(String(c.props.code ?? '')));
  let chosen: PrintFeature[];
  if (s.area.kind === 'communes') {
    chosen = s.area.communes.map((want) => {
      const w = foldVietnamese(want.replace(/^(xã|phường|thị trấn)\s+/i, ''));
      const hit =
        input.communes.find((c) => String(c.props.code ?? '') === want) ??
        input.communes.find((c) => foldVietnamese(String(c.props.name ?? '')) === w);
      if (!hit) throw new ApiError('not_found', `Không có xã "${want}" trong dự án.`, `No commune "${want}" in the project.`, { commune: want });
      return hit;
    });
  } else if (s.area.kind === 'all') {
    chosen = own;
  } else {
    const e = s.area.extent;
    if (e[2] - e[0] < 1 || e[3] - e[1] < 1) throw bad('Vùng in trống (chiều rộng hoặc chiều cao bằng 0).', 'The print area is empty (zero width or height).');
    const ring = [
      [e[0], e[1]],
      [e[2], e[1]],
      [e[2], e[3]],
      [e[0], e[3]],
      [e[0], e[1]],
    ];
    return { polys: [[ring]], extent: e, communes: own.filter((c) => extentsIntersect(geometryExtent(c.geometry), e)), kind: 'extent' };
  }
  const polys = chosen.flatMap((c) => polygonsOf(c.geometry));
  if (!polys.length) throw bad('Vùng in trống: dự án chưa có ranh giới xã nào.', 'The print area is empty: the project has no commune boundary.');
  const boxes = chosen.map((c) => geometryExtent(c.geometry));
  const extent: Extent = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  return { polys, extent, communes: chosen, kind: s.area.kind };
}

/** The base maps printed, named after the data sources (unless the text names them already). */
function baseMapNote(input: PrintInput, sources: string): string {
  const names = (input.baseMap?.names ?? []).filter((n) => !sources.includes(n));
  if (!names.length) return '';
  return `${/[.!?]\s*$/.test(sources) ? ' Bản đồ nền' : '; bản đồ nền'}: ${names.join(', ')}`;
}

const DEFAULT_MARGIN = { A0: 15, A1: 13, A2: 12, A3: 10, A4: 8 } as const;

export function compose(input: PrintInput, settingsIn: SheetSettingsInput, measure: MeasureText = approxMeasure): ComposeResult {
  // Planned first for the classes of the area itself; when what the frame shows around it makes the
  // legend too long for that plan, planned again for every class of the project (always enough).
  return composeOnce(input, settingsIn, measure, false) ?? composeOnce(input, settingsIn, measure, true)!;
}

function composeOnce(input: PrintInput, settingsIn: SheetSettingsInput, measure: MeasureText, planForAll: boolean): ComposeResult | null {
  const parsed = SheetSettingsSchema.safeParse(settingsIn);
  if (!parsed.success) throw bad('Thiết lập tờ in không hợp lệ.', 'Invalid sheet settings.', parsed.error.issues);
  const s = parsed.data;
  const area = resolveArea(input, s);
  // A historical sheet shows the units in force on its date (map-date.ts).
  const at = sheetMapDate(input, s, area.communes);
  input = inputOn(input, at.date);
  const page = pageSizeMm(s.paper, s.orientation);
  const k = furnitureFactor(s.paper);
  const m = s.marginMm ?? DEFAULT_MARGIN[s.paper];
  const items: DisplayItem[] = [];
  const symbols: Record<string, SymbolDef> = {};
  const warnings: ComposeReport['warnings'] = [];

  // ── title band: organisation header, title, draft mark or approval line ──
  const title = (s.texts.title ?? sheetTitle(input, area.kind, area.communes, area.extent, at)).normalize('NFC');
  const mark = reviewMark(input.reviews, area.communes.map((c) => String(c.props.code ?? '')), s.texts.reviewingOrganisation ?? input.settings.reviewingOrganisation);
  const organisation = s.texts.organisation !== undefined ? s.texts.organisation.split('\n') : input.settings.organisation;
  const { items: titleItems, top } = titleBand({ k, measure }, page, m, title, organisation, mark);

  // ── frame geometry: the map takes what the furniture leaves (layout.ts) ──
  const gridPt = 7 * k;
  const gw = measure('0000000', gridPt, false) + 3.5 * k;
  const gh = gridPt * 0.3528 * 1.3 + 3 * k;
  const subtitleH = 7 * k;
  const bodyTop = top + subtitleH;
  const areaW = area.extent[2] - area.extent[0];
  const areaH = area.extent[3] - area.extent[1];
  const mapDate = at.date;
  const st = input.settings;
  const stats = sheetStatistics(
    area.communes.map((c) => ({ code: String(c.props.code ?? ''), name: String(c.props.name ?? '') })),
    input,
  );
  const notesFor = (step: number) => [
    s.texts.crsNote ?? crsNote(input.crs),
    `Lưới km: ${step >= 1000 ? `${String(step / 1000).replace('.', ',')} km` : `${step} m`}; tọa độ lưới ghi theo mét (X: Bắc, Y: Đông).`,
    `Nguồn dữ liệu: ${s.texts.dataSources ?? (st.dataSources || '…')}${baseMapNote(input, s.texts.dataSources ?? st.dataSources)}`,
    `Đơn vị thành lập: ${s.texts.agency ?? (st.producingAgency || '…')}`,
    at.historical ? `Địa giới, địa danh hành chính theo ${vnDate(mapDate)}.` : '',
  ];
  const sheetDate = s.sheetDate ?? st.sheetDate;
  const placeDate = s.texts.placeDate ?? `${st.place || '…'}, ${sheetDate ? vnDate(sheetDate) : `ngày …… tháng …… năm ${(input.today ?? new Date().toISOString()).slice(0, 4)}`}`;
  // An official sheet is signed: a project with no blocks set prints the usual three.
  const sigs = s.signatures ?? (st.signatures.length ? st.signatures : DEFAULT_SIGNATURES).map((x) => ({ title: x.title, name: x.name ?? '', role: x.role, note: x.note ?? '' }));
  // The legend is known only once the map is drawn: the layout is planned for the classes of what
  // lies in the area (or of the whole project, which no sheet's legend can outgrow).
  const allClasses = new Set<string>();
  for (const f of input.features) if (planForAll || extentsIntersect(f.extent ?? geometryExtent(f.geometry), area.extent)) allClasses.add(classKeyOf(f.table, f.props, mapDate));
  const furniture = (w: number, legend: LegendEntry[], step: number): FlowBlock[] => {
    const probe: Ctx = { k, measure, items: [], symbols: {} };
    const blocks: FlowBlock[] = [{ name: 'scale', head: scaleBlock(probe, 0, 0, w, 10000), rows: [] }];
    if (legend.length) blocks.push({ name: 'legend', ...legendRows(probe, w, legend) });
    if (stats.length === 1) blocks.push({ name: 'stats', head: statsBlockCommune(probe, 0, 0, w, stats[0]), rows: [] });
    else if (stats.length > 1) blocks.push({ name: 'stats', head: statsBlockCommunes(probe, 0, 0, w, stats), rows: [] });
    blocks.push({ name: 'notes', head: notesBlock(probe, 0, 0, w, notesFor(step)), rows: [] });
    blocks.push({ name: 'signatures', head: signaturesBlock(probe, 0, 0, w, placeDate, sigs), rows: [] });
    // A block the user has placed is drawn where they put it, outside the flow.
    return blocks.filter((b) => !s.layout[b.name]);
  };
  const space: LayoutSpace = { page, margin: m, bodyTop, gw, gh, colW: Math.min(95 * k, page.w * 0.34), gap: 4 * k, areaW, areaH };
  // The notes' grid step is not known yet: plan with the longest wording ("500 m").
  const plans = arrangements(space, (w) => furniture(w, legendFor(allClasses, st), 500));
  if (!plans.length) throw bad('Khổ giấy quá nhỏ cho khung bản đồ và các khối chú giải với lề này.', 'The paper is too small for a map frame and the furniture with these margins.');
  const plan = plans[0];
  const { x: fx, y: fy, w: fw, h: fh } = plan.frame;

  let scale: number;
  if (s.scale === 'fit') {
    const fit = fitScale(areaW, areaH, fw, fh);
    if (fit === null) {
      scale = STANDARD_SCALES[STANDARD_SCALES.length - 1];
      warnings.push({ vi: 'Vùng in không vừa một tờ ở tỷ lệ 1:250.000: in thành nhiều tờ.', en: 'The area does not fit one sheet at 1:250,000: printed as a series.' });
    } else scale = fit;
  } else scale = s.scale;

  // ── series: how many sheets the area needs at this scale ──
  const ov = Math.min(s.overlapMm, Math.min(fw, fh) / 3);
  const tooMany = (n: number) =>
    bad(
      `Ở tỷ lệ ${formatScale(scale)} vùng in cần ${n} tờ ${s.paper} (tối đa ${MAX_SHEETS}). Hãy chọn tỷ lệ nhỏ hơn hoặc khổ giấy lớn hơn.`,
      `At 1:${scale} the area needs ${n} ${s.paper} sheets (at most ${MAX_SHEETS}). Choose a smaller scale or a larger paper.`,
      { sheets: n, scale },
    );
  const need = (ground: number, frame: number) => Math.max(1, Math.ceil(((ground * 1000) / scale - ov) / (frame - ov) - 1e-9));
  const nx = need(areaW, fw);
  const ny = need(areaH, fh);
  if (nx * ny > MAX_SHEETS * 4) throw tooMany(nx * ny);
  const gwM = (fw * scale) / 1000;
  const ghM = (fh * scale) / 1000;
  // The series: a grid of overlapping frames centred on the area; frames that hold none of the
  // area are left out, the others numbered row by row from the top left.
  const cells: Extent[] = [];
  if (nx * ny === 1) {
    const cx = (area.extent[0] + area.extent[2]) / 2;
    const cy = (area.extent[1] + area.extent[3]) / 2;
    cells.push([cx - gwM / 2, cy - ghM / 2, cx + gwM / 2, cy + ghM / 2]);
  } else {
    const stepE = ((fw - ov) * scale) / 1000;
    const stepN = ((fh - ov) * scale) / 1000;
    const spareE = nx * stepE + (ov * scale) / 1000 - areaW;
    const spareN = ny * stepN + (ov * scale) / 1000 - areaH;
    for (let row = 0; row < ny; row++)
      for (let col = 0; col < nx; col++) {
        const e0 = area.extent[0] - spareE / 2 + col * stepE;
        const n1 = area.extent[3] + spareN / 2 - row * stepN;
        const cell: Extent = [e0, n1 - ghM, e0 + gwM, n1];
        // What only the overlap margin holds is on a neighbour already: test the cell's own part.
        const h = (ov * scale) / 2000;
        const own: Extent = [cell[0] + h, cell[1] + h, cell[2] - h, cell[3] - h];
        // Every sheet of a series asks the same question of the same (long) boundaries: answered once.
        const memo = touchMemo(input);
        const mk = `${area.kind}|${area.extent.join(',')}|${area.communes.map((c) => c.id).join(',')}|${own.join(',')}`;
        let touches = memo.get(mk);
        if (touches === undefined) memo.set(mk, (touches = extentTouchesPolygons(own, area.polys)));
        if (touches) cells.push(cell);
      }
  }
  const sheets = cells.length;
  if (sheets > MAX_SHEETS) throw tooMany(sheets);
  if (sheets === 0) throw bad('Vùng in trống.', 'The print area is empty.');
  if (s.sheet !== undefined && s.sheet > sheets)
    throw bad(`Tờ ${s.sheet} không có: vùng in chỉ cần ${sheets} tờ.`, `There is no sheet ${s.sheet}: the area needs ${sheets} sheets.`);
  const sheet = s.sheet ?? 1;
  let extent = cells[sheet - 1];
  const seriesScale = scale;
  if (s.index) {
    // The index sheet: the whole area at the scale that fits, the series' frames drawn over it.
    scale = fitScale(areaW, areaH, fw, fh) ?? STANDARD_SCALES[STANDARD_SCALES.length - 1];
    const cx = (area.extent[0] + area.extent[2]) / 2;
    const cy = (area.extent[1] + area.extent[3]) / 2;
    const w2 = (fw * scale) / 2000;
    const h2 = (fh * scale) / 2000;
    extent = [cx - w2, cy - h2, cx + w2, cy + h2];
  } else if (sheets > 1) warnings.push({ vi: `Vùng in cần ${sheets} tờ; đây là tờ ${sheet}.`, en: `The area needs ${sheets} sheets; this is sheet ${sheet}.` });
  const frame: Frame = { x: fx, y: fy, w: fw, h: fh, extent, scale };
  items.push(...titleItems);
  const subtitle =
    s.texts.subtitle ??
    (s.index ? `Sơ đồ chia tờ: ${sheets} tờ tỷ lệ ${formatScale(seriesScale)}` : sheets > 1 ? `Tờ ${sheet}/${sheets} (tỷ lệ ${formatScale(scale)})` : '');
  if (subtitle) items.push(textItem(page.w / 2, top + subtitleH * 0.7, subtitle, { sizePt: 10 * k, bold: true, align: 'center', role: 'title' }, measure));

  // ── the map ──
  const fpath = rectPath(fx, fy, fw, fh);
  items.push({ kind: 'path', subpaths: [fpath], closed: true, fill: { color: '#ffffff' }, role: 'map' });
  items.push({ kind: 'clip-begin', subpaths: [fpath] });
  // Base maps first, inside the clip: under every feature, the mask and the grid.
  for (const im of input.baseMap?.images ?? []) items.push({ kind: 'image', format: 'jpeg', ...im, role: 'map' });
  if (mark?.kind === 'draft') items.push(draftWatermark({ k, measure }, frame));
  const tol = 0.1;
  const present = new Set<string>();
  const drawn: { f: PrintFeature; style: ReturnType<typeof styleFor>; key: string }[] = [];
  for (const f of input.features) {
    if (!extentsIntersect(f.extent ?? geometryExtent(f.geometry), extent)) continue;
    const key = classKeyOf(f.table, f.props, mapDate);
    const style = styleFor(f.table, f.props, input.settings, scale, mapDate);
    if (!visibleAtScale(style.maxScaleDenominator, scale)) continue;
    drawn.push({ f, style, key });
  }
  drawn.sort((a, b) => a.style.zIndex - b.style.zIndex);
  const symbolBoxes = new BoxIndex(10);
  const symbolItems: DisplayItem[] = [];
  // Paths are cut to what the frame's clip can show, with room for the widest stroke.
  const clipBox: BoxMm = [fx - 3 * k, fy - 3 * k, fx + fw + 3 * k, fy + fh + 3 * k];
  // One strokes list per class, shared by its paths (10,000s of paths, a handful of classes).
  const strokesByKey = new Map<string, StrokePaint[]>();
  for (const { f, style, key } of drawn) {
    const flat = f.flatGeometry?.();
    const g = flat ? null : f.geometry;
    const type = flat ? flat.type : g!.type;
    const partsOnPaper = (closed: boolean): number[][] => {
      if (flat) {
        const out: number[][] = [];
        for (let i = 1; i < flat.bounds.length; i++) out.push(flatPathOnPaper(frame, flat.xy, flat.bounds[i - 1], flat.bounds[i], tol, closed, clipBox));
        return out;
      }
      return (closed ? polygonsOf(g!).flat() : linesOf(g!)).map((r) => pathOnPaper(frame, r, tol, closed, clipBox));
    };
    const former = key === 'admin_units:former';
    let strokes = strokesByKey.get(former ? key : style.classKey);
    if (!strokes) {
      strokes = (former ? [{ color: '#9a8aa0', widthMm: 0.3, opacity: 0.8, dashMm: [1.2, 1.2] }] : style.strokes).map((st) => ({
        color: st.color,
        widthMm: st.widthMm,
        ...(st.dashMm ? { dashMm: st.dashMm } : {}),
        ...('lineCap' in st && st.lineCap ? { cap: st.lineCap } : {}),
        ...('lineJoin' in st && st.lineJoin ? { join: st.lineJoin } : {}),
        ...(st.opacity !== undefined ? { opacity: st.opacity } : {}),
      }));
      strokesByKey.set(former ? key : style.classKey, strokes);
    }
    if (type === 'Point') {
      if (!style.symbol) continue;
      symbols[style.symbol.id] ??= symbolDef(style.symbol);
      const [px, py] = flat ? [flat.xy[2 * flat.bounds[0]], flat.xy[2 * flat.bounds[0] + 1]] : (g as { coordinates: number[] }).coordinates;
      const [x, y] = [fx + ((px - extent[0]) * 1000) / scale, fy + ((extent[3] - py) * 1000) / scale];
      symbolItems.push({ kind: 'symbol', symbol: style.symbol.id, x, y, role: 'symbol' });
      const b = symbols[style.symbol.id].box;
      symbolBoxes.add([x + b[0], y + b[1], x + b[2], y + b[3]]);
      present.add(former ? 'admin_units:former' : style.classKey);
    } else if (type === 'Polygon' || type === 'MultiPolygon') {
      const subpaths = partsOnPaper(true).filter((p) => p.length);
      if (!subpaths.length) continue;
      items.push({
        kind: 'path',
        subpaths,
        closed: true,
        fillRule: 'evenodd',
        ...(style.fill && !former ? { fill: { color: style.fill.color, opacity: style.fill.opacity } } : {}),
        strokes,
        role: 'map',
      });
      present.add(former ? 'admin_units:former' : style.classKey);
    } else {
      const subpaths = partsOnPaper(false).filter((p) => p.length >= 4);
      if (!subpaths.length) continue;
      items.push({ kind: 'path', subpaths, closed: false, strokes, role: 'map' });
      present.add(style.classKey);
    }
  }
  items.push(...symbolItems);

  // Veil what lies outside the chosen area (the frame is a rectangle, the area is not).
  if (s.maskOpacity > 0) {
    const rings = area.polys.flat().map((r) => pathOnPaper(frame, r, tol, true, clipBox)).filter((p) => p.length);
    items.push({ kind: 'path', subpaths: [fpath, ...rings], closed: true, fillRule: 'evenodd', fill: { color: '#ffffff', opacity: s.maskOpacity }, role: 'mask' });
  }
  const step = gridStepFor(scale);
  const grid = composeGrid(frame, step, gridPt, measure, k);
  items.push(...grid.items.filter((i) => i.kind === 'path' && i.subpaths.length && i.subpaths[0][1] >= fy && i.subpaths[0][0] >= fx && i.subpaths[0][3] <= fy + fh && i.subpaths[0][2] <= fx + fw));

  // ── labels ──
  const taken = symbolBoxes;
  for (const g of grid.labels) taken.add(g.box);
  const chosenCodes = new Set(area.communes.map((c) => String(c.props.code ?? '')));
  const candidates: LabelCandidate[] = [];
  for (const { f, style, key } of drawn) {
    if (!style.label || !style.labelText || key === 'admin_units:former') continue;
    if (f.table === 'admin_units' && f.props.level === 'commune' && area.kind !== 'extent' && !chosenCodes.has(String(f.props.code ?? ''))) continue;
    if (f.table === 'admin_units' && f.props.level !== 'commune' && f.props.level !== 'village') continue;
    const a = anchorOf(frame, f, style.label.placement);
    if (!a) continue;
    const wx = extent[0] + ((a.anchor[0] - fx) * scale) / 1000;
    const wy = extent[3] - ((a.anchor[1] - fy) * scale) / 1000;
    if (!pointInPolygons(wx, wy, area.polys)) continue;
    candidates.push({ feature: f, rule: style.label, text: style.labelText, anchor: a.anchor, angleDeg: a.angleDeg });
  }
  const labels = placeLabels(frame, candidates, taken, measure);
  items.push(...labels.placed);
  if (s.index) {
    cells.forEach((c, i) => {
      const [x0, y0] = [fx + ((c[0] - extent[0]) * 1000) / scale, fy + ((extent[3] - c[3]) * 1000) / scale];
      const [w, h] = [((c[2] - c[0]) * 1000) / scale, ((c[3] - c[1]) * 1000) / scale];
      items.push({ kind: 'path', subpaths: [rectPath(x0, y0, w, h)], closed: true, strokes: [{ color: '#c00000', widthMm: 0.5 * k }], role: 'decoration' });
      items.push(textItem(x0 + w / 2, y0 + h / 2, String(i + 1), { sizePt: 28 * k, bold: true, color: '#c00000', align: 'center', baseline: 'middle', role: 'decoration', halo: { color: '#ffffff', widthMm: 0.8 } }, measure));
    });
  }
  items.push({ kind: 'clip-end' });
  items.push({ kind: 'path', subpaths: [fpath], closed: true, strokes: [{ color: '#000000', widthMm: 0.4 * k }], role: 'frame' });
  items.push(...grid.items.filter((i) => i.kind === 'path' && i.subpaths.length && !(i.subpaths[0][1] >= fy && i.subpaths[0][0] >= fx && i.subpaths[0][3] <= fy + fh && i.subpaths[0][2] <= fx + fw)));
  items.push(...grid.labels);
  // The neat line around everything.
  items.push({ kind: 'path', subpaths: [rectPath(m * 0.6, m * 0.6, page.w - 1.2 * m, page.h - 1.2 * m)], closed: true, strokes: [{ color: '#000000', widthMm: 0.6 * k }], role: 'decoration' });

  // ── furniture, where the plan put it (re-packed with the sheet's own legend and grid step) ──
  const ctx: Ctx = { k, measure, items, symbols };
  const legend: LegendEntry[] = legendFor(present, st);
  const notes = notesFor(step);
  const flow = furniture(plan.colW, legend, step);
  const repacked = pack(flow, plan.cols, plan.bottom - plan.top, plan.gap);
  if (!repacked && !planForAll) return null;
  const pieces = repacked ?? plan.pieces;
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
        return signaturesBlock(ctx, x, y, w, placeDate, sigs);
    }
  };
  for (const p of pieces) {
    const b = pieceBox(plan, p);
    const h = draw(p.name, b.x, b.y, b.w, p.from, p.to, p.heading);
    parts.push({ block: p.name, x: b.x, y: b.y, w: b.w, h });
    blocks[p.name] ??= { x: b.x, y: b.y, w: b.w, h };
  }
  for (const name of BLOCK_NAMES) {
    const at = s.layout[name];
    if (!at || (name === 'legend' && !legend.length) || (name === 'stats' && !stats.length)) continue;
    const h = draw(name, at.x, at.y, plan.colW);
    parts.push({ block: name, x: at.x, y: at.y, w: plan.colW, h });
    blocks[name] = { x: at.x, y: at.y, w: plan.colW, h };
  }
  // What the sheet must never have: a block over another, over the map and its grid labels, or
  // past the margins (a block the user dragged there included).
  const mapBox: BoxMm = [fx - gw, fy - gh, fx + fw + gw, fy + fh + gh];
  const boxOf = (b: { x: number; y: number; w: number; h: number }): BoxMm => [b.x, b.y, b.x + b.w, b.y + b.h];
  const clash = parts.some(
    (p, i) => boxesOverlap(boxOf(p), mapBox) || parts.some((q, j) => j > i && boxesOverlap(boxOf(p), boxOf(q))),
  );
  const outside = parts.some((p) => p.x < m - 0.01 || p.y < m - 0.01 || p.x + p.w > page.w - m + 0.01 || p.y + p.h > page.h - m + 0.01);
  if (clash || outside || pieces === plan.pieces)
    warnings.push({
      vi: 'Các khối chú giải, bảng thống kê, ghi chú, chữ ký chồng lên nhau hoặc lên bản đồ, hay ra ngoài lề: hãy dời khối hoặc chọn khổ giấy lớn hơn.',
      en: 'Furniture blocks overlap each other or the map, or run past the margins: move the blocks or choose a larger paper.',
    });
  if (labels.dropped.length)
    warnings.push({ vi: `${labels.dropped.length} nhãn không đặt được (chồng lấn) đã bỏ.`, en: `${labels.dropped.length} labels could not be placed without overlap and were dropped.` });

  const mismatches = mismatchesOf(stats);
  return {
    list: { page: { widthMm: page.w, heightMm: page.h }, items, symbols },
    report: {
      scale,
      gridStepM: step,
      sheet,
      sheets,
      grid: [nx, ny],
      title,
      legend: legend.map((e) => e.classKey),
      droppedLabels: labels.dropped,
      droppedGridLabels: grid.dropped,
      stats,
      mismatches,
      warnings,
      frame,
      blocks,
      parts,
      layout: plan.mode,
    },
  };
}
