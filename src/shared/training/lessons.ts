// The practice lessons as data: what the learner is asked (plain Vietnamese first), which control to
// use (a CSS selector the lesson panel outlines), and a check over the practice project's rows that
// answers ok or a sentence naming what is wrong. Checks are pure: main runs them on the practice
// copy (src/main/services/training.ts), the unit tests on rows made by hand. They judge the result
// in the data, never the clicks: a grave placed by any means within 5 m of the form passes.
import type { Geometry, Position, Row } from '../model';
import type { ReviewState } from '../review/state';
import { contains, distance, distanceToBoundary } from './geometry';

export const LESSON_IDS = ['commune', 'area', 'grave', 'form', 'import', 'review', 'print', 'submit'] as const;
export type LessonId = (typeof LESSON_IDS)[number];
export const isLessonId = (x: string): x is LessonId => (LESSON_IDS as readonly string[]).includes(x);

export interface Text {
  vi: string;
  en: string;
}

/** What the practice prepared once the commune was chosen: the form's grave, the GPS file, a flaw to find. */
export interface PracticeSetup {
  communeCode: string;
  communeName: string;
  /** The grave's position on the paper form, working CRS (x = easting, y = northing), whole metres. */
  form: Position;
  formNumber: string;
  /** The practice GPS file's name (in the imports folder) and its waypoints in the working CRS. */
  gpsFile: string;
  gps: Position[];
  /** Two graves placed 1 m apart: the review finds them, the learner fixes it. */
  seeded: [string, string];
}

export interface PrintedSheet {
  fileName: string;
  /** Page size in mm as the PDF states it (landscape or portrait). */
  widthMm: number;
  heightMm: number;
}

/** Everything a check may look at: the learner's rows (made since the practice began) and a few facts. */
export interface LessonData {
  communes: { code: string; name: string }[];
  /** The commune the learner's workspace is focused on (null: none). */
  focus: string | null;
  setup: PracticeSetup | null;
  /** The chosen commune's boundary (working CRS). */
  boundary: Geometry | null;
  /** Live rows (not deleted) created since the practice began, by table; `seededGraves` holds the flaw's rows as they are now. */
  rows: { search_areas: Row[]; graves: Row[]; martyrs: Row[]; links: Row[]; points: Row[] };
  /** The two seeded graves as they are now (a deleted one is missing). */
  seededGraves: Row[];
  prints: PrintedSheet[];
  minGraveDistance: number;
  /** Review state of the chosen commune's map. */
  state: ReviewState;
}

export type LessonResult = { ok: true } | ({ ok: false } & Text);

export interface Lesson {
  id: LessonId;
  title: Text;
  /** The task in a sentence; may quote the practice's own values (the form's X/Y). */
  task: (setup: PracticeSetup | null) => Text;
  /** Short steps, as the guide prints them. */
  steps: Text[];
  /** The control to use: outlined in the app while the lesson is open. */
  target: string;
  check: (d: LessonData) => LessonResult;
}

export const GRAVE_TOLERANCE_M = 5;
/** A vertex this close to the commune boundary counts as drawn along it. */
export const BOUNDARY_TOLERANCE_M = 3;
export const GPS_TOLERANCE_M = 5;

const ok: LessonResult = { ok: true };
const no = (vi: string, en: string): LessonResult => ({ ok: false, vi, en });
const fmt = (n: number) => Math.round(n).toLocaleString('vi-VN');
const fmtEn = (n: number) => Math.round(n).toLocaleString('en-US');
/** Written as Vietnamese surveyors do: X is the northing, Y the easting. */
export const formXY = (p: Position): Text => ({ vi: `X = ${Math.round(p[1]!)}, Y = ${Math.round(p[0]!)}`, en: `X = ${Math.round(p[1]!)}, Y = ${Math.round(p[0]!)}` });

const needCommune = no('Chưa chọn xã: hãy làm bài 1 (chọn xã của mình) trước.', 'No commune chosen: do lesson 1 (choose your commune) first.');

function vertices(g: Geometry | null): Position[] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates.flat();
  if (g.type === 'MultiPolygon') return g.coordinates.flat(2);
  return [];
}
const pointOf = (r: Row): Position | null => (r.geometry?.type === 'Point' ? r.geometry.coordinates : null);
/** The learner's graves, seeded ones left out. */
const ownGraves = (d: LessonData) => d.rows.graves.filter((g) => !d.setup?.seeded.includes(g.id));
/** The learner's grave nearest the form's position. */
export function formGrave(d: LessonData): { row: Row; off: number } | null {
  if (!d.setup) return null;
  let best: { row: Row; off: number } | null = null;
  for (const g of ownGraves(d)) {
    const p = pointOf(g);
    if (p && (!best || distance(p, d.setup.form) < best.off)) best = { row: g, off: distance(p, d.setup.form) };
  }
  return best;
}

function checkCommune(d: LessonData): LessonResult {
  if (!d.focus) return no('Chưa chọn xã: mở ô "Xã đang vẽ" trên thanh công cụ và chọn xã của mình.', 'No commune chosen: open "Commune" on the toolbar and choose yours.');
  if (!d.communes.some((c) => c.code === d.focus)) return no(`Mã xã ${d.focus} không thuộc dự án luyện tập: hãy chọn lại trong danh sách.`, `Commune ${d.focus} is not in the practice project: choose again from the list.`);
  return ok;
}

function checkArea(d: LessonData): LessonResult {
  if (!d.setup) return needCommune;
  const areas = d.rows.search_areas;
  if (areas.length === 0) return no('Chưa có khu vực tìm kiếm mới nào: chọn công cụ "Vẽ khu vực tìm kiếm" (P), nhấp từng đỉnh, nhấp đúp để kết thúc.', 'No new search area yet: choose "Draw a search area" (P), click each vertex, double-click to finish.');
  let outside = 0;
  for (const a of areas) {
    const vs = vertices(a.geometry);
    // A vertex settled onto the boundary sits just inside or on it: only one clearly outside counts.
    const out = vs.filter((p) => !contains(d.boundary, p) && distanceToBoundary(d.boundary, p) > BOUNDARY_TOLERANCE_M);
    if (out.length > 0) {
      outside++;
      continue;
    }
    const along = vs.filter((p) => distanceToBoundary(d.boundary, p) <= BOUNDARY_TOLERANCE_M).length;
    if (along >= 2) return ok;
  }
  if (outside === areas.length)
    return no(`Khu vực vừa vẽ nằm ra ngoài xã ${d.setup.communeName}: hãy vẽ bên trong ranh giới xã (bật "Cắt theo ranh giới xã").`, `The area drawn lies outside ${d.setup.communeName}: draw inside the commune boundary (tick "Clip to the commune boundary").`);
  return no(
    `Khu vực chưa bám theo ranh giới xã ${d.setup.communeName}: bật bắt điểm (S) và vẽ bám cạnh (B), nhấp lên ranh giới rồi đi dọc theo nó (ít nhất hai đỉnh nằm trên ranh giới, cách không quá ${BOUNDARY_TOLERANCE_M} m).`,
    `The area does not follow the boundary of ${d.setup.communeName}: turn on snapping (S) and tracing (B), click on the boundary and follow it (at least two vertices on the boundary, within ${BOUNDARY_TOLERANCE_M} m).`,
  );
}

function checkGrave(d: LessonData): LessonResult {
  if (!d.setup) return needCommune;
  const g = formGrave(d);
  const xy = formXY(d.setup.form);
  if (!g) return no(`Chưa có mộ mới nào: bấm "Đặt điểm theo tọa độ" (K) và nhập ${xy.vi} như trên phiếu.`, `No new grave yet: press "Place a point by coordinates" (K) and type ${xy.en} as on the form.`);
  if (g.off > GRAVE_TOLERANCE_M) {
    return no(
      `Mộ đang cách vị trí ghi trên phiếu ${fmt(g.off)} m (cho phép ${GRAVE_TOLERANCE_M} m): kiểm tra lại số đã nhập, X là tọa độ Bắc (7 chữ số), Y là tọa độ Đông; phiếu ghi ${xy.vi}.`,
      `The grave is ${fmtEn(g.off)} m from the position on the form (${GRAVE_TOLERANCE_M} m allowed): check the figures typed, X is the northing (7 digits), Y the easting; the form says ${xy.en}.`,
    );
  }
  return ok;
}

function checkForm(d: LessonData): LessonResult {
  if (!d.setup) return needCommune;
  const g = formGrave(d);
  if (!g || g.off > GRAVE_TOLERANCE_M) return no('Chưa có mộ đúng vị trí trên phiếu: hãy làm bài 3 trước.', 'No grave at the form’s position yet: do lesson 3 first.');
  const name = String(g.row.props.name ?? '').trim();
  if (!name) return no('Mộ chưa có tên: chọn mộ, điền ô "Tên" trong phiếu thuộc tính rồi bấm Lưu.', 'The grave has no name: select it, fill "Name" in its attribute form and press Save.');
  const linked = d.rows.links.some(
    (l) =>
      (l.props.from_table === 'graves' && l.props.from_id === g.row.id && l.props.to_table === 'martyrs') ||
      (l.props.to_table === 'graves' && l.props.to_id === g.row.id && l.props.from_table === 'martyrs'),
  );
  if (!linked) return no('Mộ chưa liên kết với liệt sĩ nào: mở thẻ "Liên kết", chọn bảng Liệt sĩ, tìm tên rồi bấm Liên kết.', 'The grave is not linked to a martyr: open the "Links" tab, choose Martyrs, search the name and press Link.');
  return ok;
}

function checkImport(d: LessonData): LessonResult {
  if (!d.setup) return needCommune;
  const pts = d.rows.points.map(pointOf).filter((p): p is Position => !!p);
  const found = d.setup.gps.filter((w) => pts.some((p) => distance(p, w) <= GPS_TOLERANCE_M)).length;
  const total = d.setup.gps.length;
  if (found === total) return ok;
  if (found === 0)
    return no(
      `Chưa thấy điểm GPS nào được nhập: bấm "Nhập / Xuất", chọn tệp ${d.setup.gpsFile}, đặt lớp đích là Điểm thông tin rồi bấm Nhập.`,
      `No GPS point imported yet: press "Import/Export", choose ${d.setup.gpsFile}, set the target layer to Information points and press Import.`,
    );
  return no(`Mới nhập được ${found} trên ${total} điểm GPS của tệp ${d.setup.gpsFile}: hãy nhập cả tệp (không lọc bớt điểm).`, `Only ${found} of the ${total} GPS points of ${d.setup.gpsFile} were imported: import the whole file.`);
}

function checkReview(d: LessonData): LessonResult {
  if (!d.setup) return needCommune;
  const [a, b] = d.setup.seeded.map((id) => d.seededGraves.find((g) => g.id === id));
  const pa = a && pointOf(a);
  const pb = b && pointOf(b);
  if (pa && pb && distance(pa, pb) < d.minGraveDistance) {
    return no(
      `Hai mộ "${String(a.props.name ?? '')}" và "${String(b.props.name ?? '')}" vẫn chỉ cách nhau ${distance(pa, pb).toFixed(1)} m (kiểm tra báo "Hai mộ quá gần nhau"): mở Thẩm định, chọn xã, bấm "Kiểm tra tất cả", nhấp vào phát hiện rồi xóa mộ ghi trùng.`,
      `The graves "${String(a.props.name ?? '')}" and "${String(b.props.name ?? '')}" are still only ${distance(pa, pb).toFixed(1)} m apart (the check says "Two graves too close"): open Review, choose the commune, press "Check all", click the finding and delete the duplicate.`,
    );
  }
  return ok;
}

/** A3 is 297 × 420 mm; a PDF rounds its points, so 2 mm of slack. */
export const isA3 = (s: PrintedSheet) => {
  const [a, b] = [Math.min(s.widthMm, s.heightMm), Math.max(s.widthMm, s.heightMm)];
  return Math.abs(a - 297) <= 2 && Math.abs(b - 420) <= 2;
};

function checkPrint(d: LessonData): LessonResult {
  if (d.prints.length === 0) return no('Chưa in tờ bản đồ nào: bấm "In bản đồ", chọn khổ A3 rồi bấm Xuất PDF.', 'No sheet printed yet: press "Print", choose A3 and press Export PDF.');
  if (!d.prints.some(isA3)) {
    const s = d.prints[d.prints.length - 1]!;
    return no(
      `Tờ "${s.fileName}" in khổ ${Math.round(s.widthMm)} × ${Math.round(s.heightMm)} mm, chưa phải A3 (297 × 420 mm): chọn lại khổ giấy A3 rồi in lại.`,
      `"${s.fileName}" is ${Math.round(s.widthMm)} × ${Math.round(s.heightMm)} mm, not A3 (297 × 420 mm): choose A3 paper and print again.`,
    );
  }
  return ok;
}

function checkSubmit(d: LessonData): LessonResult {
  if (!d.setup) return needCommune;
  if (d.state === 'submitted' || d.state === 'approved') return ok;
  return no(`Bản đồ xã ${d.setup.communeName} chưa được trình duyệt (đang ở trạng thái "${d.state === 'returned' ? 'Trả lại để sửa' : 'Đang lập'}"): mở Thẩm định, bấm "Trình duyệt".`, `The map of ${d.setup.communeName} is not submitted yet: open Review and press "Submit".`);
}

const fixed = (t: Text) => () => t;

export const LESSONS: readonly Lesson[] = [
  {
    id: 'commune',
    title: { vi: 'Chọn xã của mình', en: 'Choose your commune' },
    task: fixed({ vi: 'Chọn xã của mình trong ô "Xã đang vẽ". Bản đồ sẽ làm mờ các xã khác.', en: 'Choose your commune in "Commune". The other communes are dimmed.' }),
    steps: [
      { vi: 'Nhấp vào ô "Xã đang vẽ" ở đầu thanh công cụ.', en: 'Click "Commune" at the start of the toolbar.' },
      { vi: 'Chọn tên xã của mình; bấm "Kiểm tra bài".', en: 'Choose your commune; press "Check".' },
    ],
    target: '[data-testid="commune-select"]',
    check: checkCommune,
  },
  {
    id: 'area',
    title: { vi: 'Vẽ khu vực tìm kiếm bám ranh giới xã', en: 'Draw a search area along the boundary' },
    task: (s) => ({
      vi: `Vẽ một khu vực tìm kiếm trong xã ${s?.communeName ?? ''}, có một cạnh đi theo ranh giới xã.`,
      en: `Draw a search area in ${s?.communeName ?? ''} with one side along the commune boundary.`,
    }),
    steps: [
      { vi: 'Bấm nút "Vẽ khu vực tìm kiếm" (phím P). Bật bắt điểm (S) và vẽ bám cạnh (B).', en: 'Press "Draw a search area" (P). Turn on snapping (S) and tracing (B).' },
      { vi: 'Nhấp lên ranh giới xã, đưa chuột dọc ranh giới, nhấp tiếp; nhấp vào trong xã; nhấp đúp để kết thúc.', en: 'Click on the boundary, follow it, click again; click inside the commune; double-click to finish.' },
      { vi: 'Chọn "Tình trạng" trong phiếu rồi bấm Lưu.', en: 'Choose its "Status" in the form and press Save.' },
    ],
    target: '[data-testid="tool-polygon"]',
    check: checkArea,
  },
  {
    id: 'grave',
    title: { vi: 'Đặt mộ theo tọa độ VN-2000 trên phiếu', en: 'Place a grave by the VN-2000 X/Y of a form' },
    task: (s) => ({
      vi: `Phiếu thông tin ${s?.formNumber ?? ''} ghi vị trí mộ: ${s ? formXY(s.form).vi : ''} (VN-2000). Đặt mộ đúng vị trí đó.`,
      en: `Information form ${s?.formNumber ?? ''} gives the grave at ${s ? formXY(s.form).en : ''} (VN-2000). Place the grave there.`,
    }),
    steps: [
      { vi: 'Bấm nút "Đặt điểm theo tọa độ" (phím K).', en: 'Press "Place a point by coordinates" (K).' },
      { vi: 'Gõ X=… Y=… đúng như phiếu (X là tọa độ Bắc, 7 chữ số), "Đặt thành": Mộ liệt sĩ, bấm "Đặt điểm".', en: 'Type X=… Y=… as on the form (X is the northing, 7 digits), "Place as": Graves, press "Place".' },
      { vi: 'Chọn "Loại mộ" trong phiếu rồi bấm Lưu.', en: 'Choose the grave\'s "Kind" and press Save.' },
    ],
    target: '[data-testid="tool-coords"]',
    check: checkGrave,
  },
  {
    id: 'form',
    title: { vi: 'Điền phiếu mộ và liên kết liệt sĩ', en: 'Fill the grave’s form and link a martyr' },
    task: fixed({ vi: 'Điền tên cho mộ vừa đặt và liên kết mộ với một liệt sĩ trong danh sách.', en: 'Name the grave you placed and link it to a martyr of the list.' }),
    steps: [
      { vi: 'Chọn mộ (V rồi nhấp vào mộ). Điền ô "Tên", bấm Lưu.', en: 'Select the grave (V, then click it). Fill "Name", press Save.' },
      { vi: 'Mở thẻ "Liên kết", chọn bảng Liệt sĩ, gõ vài chữ của tên (không cần dấu), bấm Liên kết.', en: 'Open "Links", choose Martyrs, type part of the name (no diacritics needed), press Link.' },
    ],
    target: '[data-testid="feature-panel"]',
    check: checkForm,
  },
  {
    id: 'import',
    title: { vi: 'Nhập điểm GPS', en: 'Import GPS points' },
    task: (s) => ({
      vi: `Nhập các điểm đo GPS trong tệp ${s?.gpsFile ?? ''} vào lớp Điểm thông tin.`,
      en: `Import the GPS points of ${s?.gpsFile ?? ''} into Information points.`,
    }),
    steps: [
      { vi: 'Bấm "Nhập / Xuất" trên thanh trên cùng, thẻ "Nhập tệp".', en: 'Press "Import / Export" in the top bar, "Import a file" tab.' },
      { vi: 'Trong "Tệp trong thư mục nhập", bấm tên tệp GPX luyện tập; xem trước 5 điểm trên bản đồ nhỏ.', en: 'Under "Files in the imports folder", click the practice GPX file; check the 5 points on the small map.' },
      { vi: 'Lớp đích: Điểm thông tin; ô "Loại điểm" (bắt buộc) chọn giá trị cố định, vd "Nơi hy sinh, trận đánh"; bấm Nhập.', en: 'Target: Information points; for "Kind" (required) choose a fixed value, e.g. "Place of death, battle"; press Import.' },
    ],
    target: '[data-testid="exchange-button"]',
    check: checkImport,
  },
  {
    id: 'review',
    title: { vi: 'Kiểm tra và sửa lỗi', en: 'Check and fix a finding' },
    task: fixed({ vi: 'Chạy kiểm tra dữ liệu của xã, tìm lỗi "Hai mộ quá gần nhau" và sửa (xóa mộ ghi trùng).', en: 'Run the checks of your commune, find "Two graves too close" and fix it (delete the duplicate).' }),
    steps: [
      { vi: 'Bấm "Thẩm định", chọn xã của mình ở ô "Góp ý của xã", thẻ "Phát hiện", bấm "Kiểm tra tất cả" (F9).', en: 'Press "Review", choose your commune, "Findings" tab, press "Check all" (F9).' },
      { vi: 'Nhấp vào lỗi để bản đồ tới đó; chọn mộ ghi trùng, bấm Xóa (Delete).', en: 'Click the finding to go there; select the duplicate and press Delete.' },
    ],
    target: '[data-testid="review-button"]',
    check: checkReview,
  },
  {
    id: 'print',
    title: { vi: 'In tờ bản đồ A3', en: 'Print an A3 sheet' },
    task: fixed({ vi: 'In bản đồ xã ra tệp PDF khổ A3.', en: 'Print your commune\'s map to a PDF on A3.' }),
    steps: [
      { vi: 'Bấm "In bản đồ". Chọn xã, khổ giấy A3, tỷ lệ gợi ý.', en: 'Press "Print". Choose the commune, A3 paper, the suggested scale.' },
      { vi: 'Xem trước rồi bấm "Xuất PDF".', en: 'Look at the preview, then press "Export PDF".' },
    ],
    target: '[data-testid="print-button"]',
    check: checkPrint,
  },
  {
    id: 'submit',
    title: { vi: 'Trình duyệt bản đồ', en: 'Submit the map' },
    task: fixed({ vi: 'Trình bản đồ xã lên huyện để thẩm định.', en: 'Submit your commune\'s map to the district for review.' }),
    steps: [
      { vi: 'Bấm "Thẩm định", thẻ "Các xã"; ở dòng xã của mình bấm "Trình duyệt".', en: 'Press "Review", "Communes" tab; on your commune\'s row press "Submit".' },
    ],
    target: '[data-testid="review-button"]',
    check: checkSubmit,
  },
];

export const lessonById = (id: LessonId): Lesson => LESSONS.find((l) => l.id === id)!;
