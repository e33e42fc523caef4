// Practice mode (issue 20): each learner gets a private copy of the demo in the practice folder
// (projects folder/luyen-tap/practice-<name>.gpkg), never the real project; the lessons' checks
// (src/shared/training/lessons.ts) run here on that copy's rows, and the progress is kept in the
// copy itself (its review settings, audited), so it survives a restart. A hall server launched on a
// practice copy (`quytap serve --hall luyen-tap/practice-….gpkg`) trains a whole room: each logged-in
// account keeps its own progress in the copy and only its own rows count for its lessons.
import { existsSync, mkdirSync, openSync, readSync, closeSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import proj4 from 'proj4';
import { ApiError } from '../../shared/api-error';
import type { Output, ProjectInfo } from '../../shared/api';
import { findCrs } from '../../shared/crs/catalogue';
import { foldKey } from '../../shared/text/fold';
import type { trainingMethods } from '../../shared/contract/training';
import { TrainingProgressSchema, type TrainingProgress } from '../../shared/contract/training';
import type { Position, Row, TableName } from '../../shared/model';
import { contains, interiorPoint } from '../../shared/training/geometry';
import { LESSON_IDS, lessonById, type LessonData, type LessonId, type PracticeSetup, type PrintedSheet } from '../../shared/training/lessons';
import { DEFAULT_MIN_GRAVE_DISTANCE } from '../review/check-data';
import type { ProjectStore } from '../store';
import type { HandlersFor, ServiceContext } from './context';
import { createDemoProject } from './demo-project';
import { PRINT_FOLDER } from './print';
import { minGraveDistance } from './review';
import { safeFileName, writePathIn } from './safe-names';
import { importsDir } from './user-folders';

export const PRACTICE_FOLDER = 'luyen-tap';
const PROGRESS_KEY = 'training_progress';
const TRAINER = 'Bài luyện tập';

/** A name folded to plain letters, word by word (the fold drops spaces; a file name keeps them as dashes). */
function slugOf(learner: string): string {
  const slug = learner
    .split(/[^\p{L}\p{N}]+/u)
    .map(foldKey)
    .filter(Boolean)
    .join('-')
    .slice(0, 60);
  if (!slug) throw new ApiError('validation', 'Tên người học cần ít nhất một chữ cái hoặc chữ số.', 'The learner’s name needs at least one letter or digit.');
  return slug;
}

/** practice-<name>.gpkg: every file system takes it. */
export function practiceFileName(learner: string): string {
  return safeFileName(`practice-${slugOf(learner)}.gpkg`);
}

/** The copy's own learner's progress, or (hall) an account's, kept under its name. */
const progressKey = (account: string | null) => (account === null ? PROGRESS_KEY : `${PROGRESS_KEY}:${account}`);

export function readProgress(store: ProjectStore, account: string | null = null): TrainingProgress | null {
  const raw = store.review().config(progressKey(account));
  if (raw === null) return null;
  try {
    const p = TrainingProgressSchema.safeParse(JSON.parse(raw));
    return p.success ? p.data : null;
  } catch {
    return null;
  }
}

function saveProgress(store: ProjectStore, p: TrainingProgress, author: string, account: string | null = null): void {
  store.review().setConfig(progressKey(account), JSON.stringify(p), author);
}

function notPractice(): ApiError {
  return new ApiError(
    'forbidden',
    'Dự án đang mở không phải bản luyện tập: bài luyện tập chỉ chạy trên bản sao riêng. Hãy bấm "Luyện tập" ở màn hình bắt đầu.',
    'The open project is not a practice copy: lessons run only on a private copy. Press "Practice" on the start screen.',
  );
}

/**
 * Live rows of a table created since the practice began (the learner's own work and the seeded
 * flaw); in the hall only those the account wrote, so one learner's grave never passes another's lesson.
 */
function newRows(store: ProjectStore, table: TableName, since: string, account: string | null): Row[] {
  return store.query(table, { limit: 50_000 }).rows.filter((r) => !r.meta.deleted && r.meta.createdAt >= since && (account === null || r.meta.createdBy === account));
}

/** Page size of a PDF's first page (jsPDF writes its MediaBox in plain text near the start). */
function pdfPageMm(path: string): { widthMm: number; heightMm: number } | null {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const m = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(buf.subarray(0, n).toString('latin1'));
    if (!m) return null;
    const pt = (a: string, b: string) => ((Number(b) - Number(a)) * 25.4) / 72;
    return { widthMm: pt(m[1]!, m[3]!), heightMm: pt(m[2]!, m[4]!) };
  } finally {
    closeSync(fd);
  }
}

function printsSince(projectPath: string, since: string): PrintedSheet[] {
  const dir = join(dirname(projectPath), PRINT_FOLDER);
  if (!existsSync(dir)) return [];
  const t = Date.parse(since);
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .map((f) => ({ f, st: statSync(join(dir, f)) }))
    .filter(({ st }) => st.isFile() && st.mtimeMs >= t)
    .sort((a, b) => a.st.mtimeMs - b.st.mtimeMs)
    .flatMap(({ f }) => {
      const size = pdfPageMm(join(dir, f));
      return size ? [{ fileName: f, ...size }] : [];
    });
}

function communeBoundary(store: ProjectStore, code: string) {
  return store.query('admin_units', { filter: { level: 'commune', code: [code] }, limit: 10 }).rows.find((r) => r.geometry)?.geometry ?? null;
}

/** The facts a lesson's check reads, from the practice copy. */
export function lessonData(store: ProjectStore, projectPath: string, p: TrainingProgress, focus: string | null, account: string | null = null): LessonData {
  const since = p.startedAt;
  const code = p.setup?.communeCode ?? focus;
  const seeded = p.setup ? p.setup.seeded.map((id) => store.get('graves', id)).filter((r): r is Row => !!r && !r.meta.deleted) : [];
  return {
    communes: store.getSettings().communes.map((c) => ({ code: c.code, name: c.name })),
    focus,
    setup: p.setup,
    boundary: code ? communeBoundary(store, code) : null,
    rows: {
      search_areas: newRows(store, 'search_areas', since, account),
      graves: newRows(store, 'graves', since, account),
      martyrs: newRows(store, 'martyrs', since, account),
      // A link to an old martyr is new; the martyrs themselves come with the demo.
      links: newRows(store, 'links', since, account),
      points: newRows(store, 'info_points', since, account),
    },
    seededGraves: seeded,
    prints: printsSince(projectPath, since),
    minGraveDistance: minGraveDistance(store) || DEFAULT_MIN_GRAVE_DISTANCE,
    state: code ? (store.review().states().find((s) => s.communeCode === code)?.state ?? 'draft') : 'draft',
  };
}

/** First of `offsets` (metres from `p`) that lies inside the commune, at least `margin` from its boundary. */
function insideAt(area: LessonData['boundary'], p: Position, offsets: Position[]): Position {
  for (const o of offsets) {
    const q = [Math.round(p[0]! + o[0]!), Math.round(p[1]! + o[1]!)];
    if (contains(area, q)) return q;
  }
  return p;
}

function gpxText(points: Position[], toWgs84: (p: Position) => Position): string {
  const wpts = points
    .map((p, i) => {
      const [lon, lat] = toWgs84(p);
      return `  <wpt lat="${lat!.toFixed(8)}" lon="${lon!.toFixed(8)}"><name>GPS ${i + 1}</name></wpt>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="QuyTap luyện tập" xmlns="http://www.topografix.com/GPX/1/1">\n${wpts}\n</gpx>\n`;
}

/**
 * Once the commune is chosen: the form's grave position well inside it, five GPS waypoints in a
 * practice GPX file in the imports folder, and two graves 1 m apart for the review lesson to find.
 */
function prepare(ctx: ServiceContext, store: ProjectStore, p: TrainingProgress, code: string): PracticeSetup {
  const boundary = communeBoundary(store, code);
  const centre = interiorPoint(boundary);
  if (!boundary || !centre) {
    throw new ApiError('validation', `Không tìm thấy ranh giới của xã ${code} trong bản luyện tập: hãy chọn xã khác.`, `The boundary of commune ${code} is missing from the practice copy: choose another commune.`);
  }
  const ring = (r: number) => [[r, 0], [-r, 0], [0, r], [0, -r], [r, r], [-r, -r], [r, -r], [-r, r]];
  const form = insideAt(boundary, centre, [[37, 23], ...ring(60), [0, 0]]);
  const gps = [ring(150), ring(180), ring(210), ring(240), ring(270)].map((offsets) => insideAt(boundary, centre, offsets));
  const flaw = insideAt(boundary, centre, [...ring(400), ...ring(320), [-90, 90]]);
  const crs = findCrs(store.info().crs.code);
  if (!crs) throw new ApiError('internal', 'Hệ tọa độ của bản luyện tập không có trong danh mục.', 'The practice copy’s CRS is not in the catalogue.');
  const toWgs84 = (q: Position) => proj4(crs.proj4, 'WGS84', [q[0]!, q[1]!]) as Position;
  // The learner's own file: in the hall, a room of learners share the imports folder.
  const gpsFile = safeFileName(`gps-luyen-tap-${slugOf(p.learner)}.gpx`);
  writeFileSync(writePathIn(importsDir(ctx), gpsFile), gpxText(gps, toWgs84));
  const grave = (name: string, q: Position) => ({
    table: 'graves' as const,
    geometry: { type: 'Point' as const, coordinates: q },
    props: { kind: 'unidentified', name, verification: 'not_verified', commune_code: code },
  });
  const r = store.applyEdit({ label: 'Bài luyện tập: hai mộ ghi trùng', put: [grave('Mộ số 7 (luyện tập)', flaw), grave('Mộ số 7 (ghi trùng)', [flaw[0]! + 1, flaw[1]!])] }, TRAINER);
  const ids = r.rows.map((x) => x.id);
  ctx.changed(['graves'], r.editId);
  const communeName = store.getSettings().communes.find((c) => c.code === code)?.name ?? code;
  return { communeCode: code, communeName, form, formNumber: `LT-${code}-01`, gpsFile, gps, seeded: [ids[0]!, ids[1]!] };
}

export function trainingHandlers(
  ctx: ServiceContext,
  opts: { openPath: (path: string) => ProjectInfo; demoDataDir?: string; /** The hall account making the call (null: single-user modes). */ account?: () => string | null },
): HandlersFor<typeof trainingMethods> {
  const account = () => opts.account?.() ?? null;
  /** The caller's progress: in the hall each account's own, begun at its first lesson on this practice copy. */
  const practice = (): { store: ProjectStore; progress: TrainingProgress; account: string | null } => {
    const store = ctx.need();
    const base = readProgress(store);
    if (!base) throw notPractice();
    const who = account();
    if (who === null) return { store, progress: base, account: null };
    const own = readProgress(store, who) ?? { learner: who, startedAt: new Date().toISOString(), setup: null, current: 'commune' as const, results: {} };
    return { store, progress: own, account: who };
  };
  return {
    'training.start': async ({ learner }) => {
      const dir = join(ctx.paths.dir, PRACTICE_FOLDER);
      mkdirSync(dir, { recursive: true });
      const path = writePathIn(dir, practiceFileName(learner));
      if (!existsSync(path)) {
        const job = ctx.jobs.start('training.prepare', (progress, signal) => createDemoProject(path, { author: TRAINER, dataDir: opts.demoDataDir, onProgress: progress, signal }), {
          message: 'Chuẩn bị bản luyện tập',
        });
        await job.result;
      }
      const info = opts.openPath(path);
      const store = ctx.need();
      let progress = readProgress(store);
      if (!progress) {
        progress = { learner, startedAt: new Date().toISOString(), setup: null, current: 'commune', results: {} };
        saveProgress(store, progress, TRAINER);
      }
      return { info, progress };
    },
    'training.state': () => {
      if (!readProgress(ctx.need())) return null;
      return practice().progress;
    },
    'training.goto': ({ lesson }) => {
      const { store, progress, account: who } = practice();
      const next = { ...progress, current: lesson };
      saveProgress(store, next, ctx.author(), who);
      return next;
    },
    'training.check': ({ lesson, communeCode }): Output<'training.check'> => {
      const { store, progress, account: who } = practice();
      const focus = communeCode || null;
      const verdict = lessonById(lesson).check(lessonData(store, ctx.projectPath(), progress, focus, who));
      const at = new Date().toISOString();
      const result = verdict.ok ? { ok: true, vi: '', en: '', at } : { ok: false, vi: verdict.vi, en: verdict.en, at };
      let setup = progress.setup;
      // Choosing another commune later starts its own setup; the first choice's rows stay where they are.
      if (verdict.ok && lesson === 'commune' && focus && setup?.communeCode !== focus) setup = prepare(ctx, store, progress, focus);
      const next: TrainingProgress = { ...progress, setup, results: { ...progress.results, [lesson]: result }, current: verdict.ok ? nextLesson(lesson) : lesson };
      saveProgress(store, next, ctx.author(), who);
      return { result, progress: next };
    },
  };
}

function nextLesson(id: LessonId): LessonId {
  const i = LESSON_IDS.indexOf(id);
  return LESSON_IDS[Math.min(i + 1, LESSON_IDS.length - 1)]!;
}
