// The user guide (issue 20): a PDF in Vietnamese with English beside it, made from the app itself.
// `npm run guide` first runs the practice e2e (tests/e2e/training.spec.ts), which does every lesson
// in the running app and leaves one screenshot per lesson (and the practice's form and refusal) in
// test-results/guide-shots; this script then lays them out with jsPDF and the sheets' embedded Noto
// Sans: a cover, a page of quick help per panel, and one page per lesson (its screenshot, task and
// steps). Run alone (`npx tsx scripts/guide/build-guide.ts`) it rebuilds the PDF from the last shots.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsPDF } from 'jspdf';
import { FONT_FILES, sheetFont } from '../../src/main/print/fonts';
import { HOW_TOS } from '../../src/shared/training/help';
import { LESSONS, type PracticeSetup, type Text } from '../../src/shared/training/lessons';
import { TOOL_BUTTONS } from '../../src/renderer/drafting/Toolbar';
import { dText } from '../../src/renderer/drafting/dict';

export const DEFAULT_SHOTS = 'test-results/guide-shots';
export const DEFAULT_OUT = 'docs/guide/huong-dan.pdf';
const W = 297;
const H = 210;
const M = 12;
const INK: [number, number, number] = [20, 30, 45];
const GREY: [number, number, number] = [95, 105, 120];
const ACCENT: [number, number, number] = [31, 78, 121];

function newDoc(): jsPDF {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'landscape', compress: true });
  for (const [style, face] of [['normal', 'NotoSans-Regular'], ['bold', 'NotoSans-Bold'], ['italic', 'NotoSans-Italic']] as const) {
    doc.addFileToVFS(FONT_FILES[style], sheetFont(style));
    doc.addFont(FONT_FILES[style], face, 'normal', 'Identity-H');
  }
  doc.setFont('NotoSans-Regular', 'normal');
  return doc;
}

/** Writes wrapped text at (x, y) within `width`; answers the y below it. */
function para(doc: jsPDF, text: string, x: number, y: number, width: number, o: { size?: number; face?: string; color?: [number, number, number]; gap?: number } = {}): number {
  const size = o.size ?? 10;
  doc.setFont(o.face ?? 'NotoSans-Regular', 'normal');
  doc.setFontSize(size);
  doc.setTextColor(...(o.color ?? INK));
  const lines = doc.splitTextToSize(text, width) as string[];
  const lh = size * 0.3528 * 1.3;
  lines.forEach((l, i) => doc.text(l, x, y + i * lh, { baseline: 'top' }));
  return y + lines.length * lh + (o.gap ?? 1.5);
}

/** A Vietnamese sentence with its English beneath, smaller and grey. */
function both(doc: jsPDF, t: Text, x: number, y: number, width: number, size = 10): number {
  const y2 = para(doc, t.vi, x, y, width, { size, gap: 0.4 });
  return para(doc, t.en, x, y2, width, { size: size - 1.5, face: 'NotoSans-Italic', color: GREY, gap: 2.2 });
}

function footer(doc: jsPDF, n: number) {
  doc.setDrawColor(...ACCENT);
  doc.setLineWidth(0.3);
  doc.line(M, H - 10, W - M, H - 10);
  para(doc, `QuyTap — Hướng dẫn sử dụng · User guide — trang ${n}`, M, H - 8.5, 200, { size: 8, color: GREY });
}

function cover(doc: jsPDF, practice: { setup: PracticeSetup } | null) {
  doc.setFillColor(...ACCENT);
  doc.rect(0, 0, W, 34, 'F');
  doc.setFont('NotoSans-Bold', 'normal');
  doc.setFontSize(22);
  doc.setTextColor(255, 255, 255);
  doc.text('QuyTap — Hướng dẫn sử dụng', M, 15, { baseline: 'middle' });
  doc.setFont('NotoSans-Italic', 'normal');
  doc.setFontSize(12);
  doc.text('User guide: eight practice lessons for commune military staff', M, 25, { baseline: 'middle' });
  let y = 44;
  y = both(
    doc,
    {
      vi: 'Tài liệu này dành cho cán bộ quân sự xã mới dùng QuyTap. Mỗi trang là một bài luyện tập, với ảnh chụp màn hình lấy từ chính chương trình (tài liệu được dựng lại bằng lệnh "npm run guide", nên luôn khớp với phiên bản đang dùng).',
      en: 'For commune military staff new to QuyTap. Each page is one practice lesson with a screenshot taken from the app itself (the guide is rebuilt by "npm run guide", so it always matches the version in use).',
    },
    M,
    y,
    W - 2 * M,
    12,
  );
  y = para(doc, 'Bắt đầu luyện tập · Starting the practice', M, y + 2, 200, { size: 13, face: 'NotoSans-Bold', color: ACCENT });
  const start: Text[] = [
    { vi: '1. Ở màn hình bắt đầu, bấm "Luyện tập", gõ họ tên của mình rồi bấm "Bắt đầu luyện tập".', en: 'On the start screen press "Practice", type your full name and press "Start practising".' },
    { vi: '2. Chương trình mở một bản sao riêng của dự án mẫu cho mình: làm sai không ảnh hưởng gì đến dữ liệu thật.', en: 'The app opens your own private copy of the demo project: mistakes never touch real data.' },
    { vi: '3. Bảng "Luyện tập" ở góc dưới bên trái nêu việc cần làm; nút cần dùng nhấp nháy viền cam. Làm xong bấm "Kiểm tra bài": chương trình xem dữ liệu và nói chỗ nào chưa đúng.', en: 'The "Practice" panel (bottom left) says what to do; the control to use has a pulsing orange outline. When done press "Check": the app looks at the data and says what is wrong.' },
    { vi: '4. Kết quả được lưu trong bản luyện tập: tắt máy rồi mở lại vẫn làm tiếp được. Trong hội trường, cán bộ hướng dẫn thấy bài và kết quả của từng học viên.', en: 'Progress is kept in the practice copy, across restarts. In the district hall the trainer sees each learner\'s lesson and result.' },
    { vi: '5. Cần trợ giúp lúc nào cũng được: bấm "?" trên thanh trên cùng hoặc phím F1.', en: 'Help at any time: press "?" in the top bar or F1.' },
  ];
  for (const s of start) y = both(doc, s, M + 2, y, W - 2 * M - 4, 11);
  y = para(doc, 'Các bài · The lessons', M, y + 2, 200, { size: 13, face: 'NotoSans-Bold', color: ACCENT });
  LESSONS.forEach((l, i) => {
    para(doc, `${i + 1}. ${l.title.vi}`, M + 2 + (i % 2) * 140, y + Math.floor(i / 2) * 6, 135, { size: 10.5 });
  });
  if (practice) para(doc, `Ảnh chụp từ bản luyện tập của xã ${practice.setup.communeName}.`, M, H - 16, 200, { size: 8, color: GREY });
  footer(doc, 1);
}

function helpPage(doc: jsPDF, n: number) {
  doc.addPage();
  let y = para(doc, 'Trợ giúp nhanh · Quick help', M, M, 200, { size: 16, face: 'NotoSans-Bold', color: ACCENT, gap: 3 });
  const col = (W - 3 * M) / 2;
  const names: Record<keyof typeof HOW_TOS, string> = { drafting: 'Vẽ bản đồ · Drafting', import: 'Nhập dữ liệu · Import', print: 'In bản đồ · Print', review: 'Thẩm định · Review' };
  const keys = Object.keys(HOW_TOS) as (keyof typeof HOW_TOS)[];
  let left = y;
  let right = y;
  for (const [i, k] of keys.entries()) {
    const x = i % 2 === 0 ? M : 2 * M + col;
    let yy = i % 2 === 0 ? left : right;
    yy = para(doc, names[k], x, yy, col, { size: 11.5, face: 'NotoSans-Bold', gap: 1 });
    for (const h of HOW_TOS[k]) yy = both(doc, h, x + 2, yy, col - 2, 8.5);
    if (i % 2 === 0) left = yy + 2;
    else right = yy + 2;
  }
  y = Math.max(left, right);
  y = para(doc, 'Công cụ vẽ và phím tắt · Drawing tools and keys', M, y, 200, { size: 11.5, face: 'NotoSans-Bold', gap: 1 });
  const per = Math.ceil(TOOL_BUTTONS.length / 2);
  TOOL_BUTTONS.forEach((b, i) => {
    const x = M + 2 + Math.floor(i / per) * (col + M);
    const name = dText(b.key, 'vi').replace(/\s*\([^)]*\).*$/, '');
    para(doc, `${b.shortcut.padEnd(8)} ${name}`, x, y + (i % per) * 4.6, col, { size: 8.5 });
  });
  footer(doc, n);
}

function image(doc: jsPDF, path: string, x: number, y: number, w: number, h: number) {
  if (existsSync(path)) {
    doc.addImage(readFileSync(path).toString('base64'), 'JPEG', x, y, w, h);
    doc.setDrawColor(180, 188, 198);
    doc.rect(x, y, w, h);
  } else {
    para(doc, `(Chưa có ảnh chụp: chạy "npm run guide".)`, x, y + 4, w, { color: GREY });
  }
}

function trainerPage(doc: jsPDF, shots: string, n: number) {
  doc.addPage();
  let y = para(doc, 'Dành cho cán bộ hướng dẫn · For the trainer', M, M, W - 2 * M, { size: 16, face: 'NotoSans-Bold', color: ACCENT, gap: 2 });
  const notes: Text[] = [
    {
      vi: 'Buổi học trong hội trường: chạy máy chủ hội trường trên một bản luyện tập (quytap serve --hall --bind <địa chỉ> --project <thư mục dự án>/luyen-tap/practice-….gpkg; tài khoản tạo như mọi dự án hội trường, xem docs/HALL.md). Mỗi học viên đăng nhập tài khoản của mình; tiến độ và dữ liệu của từng người được tính riêng.',
      en: 'A session in the district hall: run the hall server on a practice copy (quytap serve --hall --bind <address> --project <projects folder>/luyen-tap/practice-….gpkg; accounts as for any hall project, see docs/HALL.md). Each learner logs in with their own account; each one\'s progress and rows count separately.',
    },
    {
      vi: 'Giao cho mỗi học viên một xã khác nhau. Tài khoản thẩm định hoặc quản trị thấy bảng "Học viên đang luyện tập": tên, xã, bài đang làm và kết quả lần kiểm tra gần nhất (câu báo lỗi nếu chưa đúng).',
      en: 'Give each learner a different commune. A reviewer or administrator account sees "Learners practising": name, commune, the lesson open and its last check (the message when it is wrong).',
    },
  ];
  for (const t of notes) y = both(doc, t, M, y, W - 2 * M, 10.5);
  image(doc, join(shots, 'trainer.jpg'), M, y + 1, 200, 125);
  footer(doc, n);
}

function lessonPage(doc: jsPDF, shots: string, i: number, n: number, practice: { setup: PracticeSetup; refusal: string } | null) {
  const l = LESSONS[i]!;
  doc.addPage();
  let y = para(doc, `Bài ${i + 1}/${LESSONS.length}: ${l.title.vi}`, M, M, W - 2 * M, { size: 16, face: 'NotoSans-Bold', color: ACCENT, gap: 0.5 });
  y = para(doc, `Lesson ${i + 1}: ${l.title.en}`, M, y, W - 2 * M, { size: 10, face: 'NotoSans-Italic', color: GREY, gap: 2 });
  y = both(doc, l.task(practice?.setup ?? null), M, y, W - 2 * M, 11.5);
  const imgW = 180;
  const imgH = (imgW * 900) / 1440;
  const top = y + 1;
  image(doc, join(shots, `${l.id}.jpg`), M, top, imgW, imgH);
  const x = M + imgW + 6;
  const w = W - x - M;
  let yy = para(doc, 'Cách làm · How', x, top, w, { size: 12, face: 'NotoSans-Bold', gap: 1.5 });
  l.steps.forEach((s, k) => {
    yy = both(doc, { vi: `${k + 1}. ${s.vi}`, en: s.en }, x, yy, w, 9.5);
  });
  if (l.id === 'grave' && practice?.refusal) {
    yy = para(doc, 'Nếu đặt sai · When it is wrong', x, yy + 2, w, { size: 11, face: 'NotoSans-Bold', gap: 1 });
    yy = para(doc, `Đặt mộ lệch 300 m, "Kiểm tra bài" trả lời: "${practice.refusal}"`, x, yy, w, { size: 8.5, color: [142, 27, 27] });
  }
  para(doc, 'Bấm "Kiểm tra bài" khi làm xong · Press "Check" when done.', x, Math.max(yy + 2, top + imgH - 8), w, { size: 9, face: 'NotoSans-Italic', color: GREY });
  footer(doc, n);
}

/** Builds the guide from a folder of screenshots; answers the page count and the missing shots. */
export function buildGuide(shotsDir: string, out: string): { pages: number; missing: string[] } {
  const shots = resolve(shotsDir);
  const json = join(shots, 'practice.json');
  const practice = existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as { setup: PracticeSetup; refusal: string }) : null;
  const missing = [...LESSONS.map((l) => l.id), 'trainer'].filter((id) => !existsSync(join(shots, `${id}.jpg`)));
  const doc = newDoc();
  cover(doc, practice);
  helpPage(doc, 2);
  LESSONS.forEach((_, i) => lessonPage(doc, shots, i, i + 3, practice));
  trainerPage(doc, shots, LESSONS.length + 3);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(resolve(out), Buffer.from(doc.output('arraybuffer')));
  return { pages: doc.getNumberOfPages(), missing };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const out = resolve(process.argv[2] ?? DEFAULT_OUT);
  const r = buildGuide(process.env.QUYTAP_GUIDE_SHOTS ?? DEFAULT_SHOTS, out);
  if (r.missing.length) console.warn(`Thiếu ảnh chụp / missing screenshots: ${r.missing.join(', ')} (run "npm run guide")`);
  console.log(`${out}: ${r.pages} trang / pages, ${(statSync(out).size / 1024).toFixed(0)} KB`);
}
