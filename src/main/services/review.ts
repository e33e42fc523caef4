// Handlers of the review methods (src/shared/contract/review.ts). Who may write which commune is
// not here: the store runs those rules on every write (src/main/review/write-rules.ts).
import { ApiError } from '../../shared/api-error';
import type { Output } from '../../shared/api';
import type { reviewMethods } from '../../shared/contract/review';
import { geometryExtent, type Row, type TableName } from '../../shared/model';
import { statisticsCsv } from '../../shared/review/csv';
import type { Finding } from '../../shared/review/finding';
import { actRefusal, isReviewer, stateRefusal, TRANSITIONS, ACT_LABELS, type ReviewState } from '../../shared/review/state';
import { communeStatistics, districtTotals } from '../../shared/review/statistics';
import { DEFAULT_MIN_GRAVE_DISTANCE, zoomExtent } from '../review/check-data';
import { loadAllRows, runChecks } from '../review/run-checks';
import { statisticsPdf } from '../review/statistics-pdf';
import type { ProjectStore } from '../store';
import type { HandlersFor, ServiceContext } from './context';

type CheckRun = Output<'review.run'>;
interface Tally {
  errors: number;
  warnings: number;
  at: string;
}

const MIN_DISTANCE_KEY = 'min_grave_distance';
const lastRuns = new WeakMap<ProjectStore, CheckRun>();
const tallies = new WeakMap<ProjectStore, Map<string, Tally>>();

export function minGraveDistance(store: ProjectStore): number {
  const v = Number(store.review().config(MIN_DISTANCE_KEY));
  return store.review().config(MIN_DISTANCE_KEY) !== null && Number.isFinite(v) ? v : DEFAULT_MIN_GRAVE_DISTANCE;
}

function forbidden(r: { vi: string; en: string }, details?: unknown): ApiError {
  return new ApiError('forbidden', r.vi, r.en, details);
}

async function run(ctx: ServiceContext, communes: string[] | null): Promise<CheckRun> {
  const store = ctx.need();
  const job = ctx.jobs.start('review.check', async (progress, signal) => {
    progress(0, 1, 'Đọc dữ liệu');
    const data = { rows: loadAllRows(store), settings: store.getSettings(), minGraveDistance: minGraveDistance(store), domain: store.domain };
    return runChecks(data, { communes, signal, onProgress: progress });
  });
  const findings = (await job.result) as Finding[];
  const at = new Date().toISOString();
  const result: CheckRun = {
    jobId: job.id,
    at,
    communes,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
  lastRuns.set(store, result);
  const t = tallies.get(store) ?? new Map<string, Tally>();
  tallies.set(store, t);
  const codes = communes ?? [...new Set([...store.getSettings().communes.map((c) => c.code), ...findings.map((f) => f.communeCode).filter((c): c is string => !!c)])];
  for (const c of codes) {
    const mine = findings.filter((f) => f.communeCode === c);
    t.set(c, { errors: mine.filter((f) => f.severity === 'error').length, warnings: mine.filter((f) => f.severity === 'warning').length, at });
  }
  return result;
}

/**
 * The district statistics: the one shared function (shared/review/statistics.ts) over the whole
 * project, so the panel, the CSV, the PDF, `check` and the sheet show the same figures.
 */
function statistics(store: ProjectStore) {
  const communes = store.getSettings().communes;
  const q = (t: TableName) => loadTable(store, t);
  const states = new Map(store.review().states().map((s) => [s.communeCode, s.state]));
  const rows = communeStatistics(communes, { conclusions: q('conclusions'), graves: q('graves'), search_areas: q('search_areas') }).map((r) => ({
    ...r,
    state: (states.get(r.communeCode) ?? 'draft') as ReviewState,
  }));
  return { rows, ...districtTotals(rows) };
}

/** The rows of a commune written since its map was last submitted, latest write first. */
function changesSince(store: ProjectStore, communeCode: string): Output<'review.changesSince'> {
  const sub = store.review().lastSubmission(communeCode);
  if (!sub) return { submittedAt: null, submittedBy: null, changes: [] };
  const byRow = new Map<string, Output<'review.changesSince'>['changes'][number]>();
  for (const c of store.review().changesAfter(communeCode, sub.seq)) {
    const k = `${c.table}/${c.id}`;
    const prev = byRow.get(k);
    byRow.delete(k); // re-inserted last: the map ends ordered by latest write
    byRow.set(k, { table: c.table, id: c.id, name: null, deleted: false, writes: (prev?.writes ?? 0) + 1, lastAt: c.at, lastBy: c.author, lastLabel: c.label, extent: null });
  }
  const changes = [...byRow.values()].reverse();
  for (const c of changes) {
    const row = store.get(c.table, c.id);
    if (!row) continue;
    const p = row.props;
    const name = [p.code, p.name, p.number, p.full_name, p.unit_name].find((v) => typeof v === 'string' && v !== '');
    c.name = typeof name === 'string' ? name : null;
    c.deleted = row.meta.deleted;
    c.extent = zoomExtent(row.geometry);
  }
  return { submittedAt: sub.at, submittedBy: sub.author, changes };
}

function loadTable(store: ProjectStore, t: TableName): Row[] {
  const out: Row[] = [];
  for (let offset = 0; ; offset += 200_000) {
    const r = store.query(t, { limit: 200_000, offset });
    out.push(...r.rows);
    if (!r.truncated) return out;
  }
}

export function reviewHandlers(ctx: ServiceContext): HandlersFor<typeof reviewMethods> {
  return {
    'review.run': (input) => run(ctx, input.communes?.length ? input.communes : null),
    'review.lastRun': () => lastRuns.get(ctx.need()) ?? null,
    'review.overview': () => {
      const store = ctx.need();
      const settings = store.getSettings();
      const states = new Map(store.review().states().map((s) => [s.communeCode, s]));
      const open = store.review().comments({ openOnly: true });
      const boundaries = new Map(
        loadTable(store, 'admin_units')
          .filter((r) => r.props.level === 'commune' && r.geometry)
          .map((r) => [String(r.props.code), geometryExtent(r.geometry!)] as const),
      );
      // Areas by status and graves by kind: the map counts of the one statistics function.
      const figures = new Map(
        communeStatistics(settings.communes, { conclusions: [], graves: loadTable(store, 'graves'), search_areas: loadTable(store, 'search_areas') }).map((r) => [r.communeCode, r.map]),
      );
      const cemeteries = loadTable(store, 'cemeteries');
      const infoPoints = loadTable(store, 'info_points');
      const t = tallies.get(store);
      return {
        minGraveDistance: minGraveDistance(store),
        communes: settings.communes.map((c) => {
          const s = states.get(c.code);
          const mine = (rows: Row[]) => rows.filter((r) => r.props.commune_code === c.code);
          const { areasByStatus, gravesByKind } = figures.get(c.code)!;
          return {
            communeCode: c.code,
            name: c.name,
            state: s?.state ?? 'draft',
            updatedAt: s?.updatedAt ?? null,
            updatedBy: s?.updatedBy ?? null,
            note: s?.note ?? '',
            hasBoundary: boundaries.has(c.code),
            extent: boundaries.get(c.code) ?? null,
            counts: { areasByStatus, gravesByKind, cemeteries: mine(cemeteries).length, infoPoints: mine(infoPoints).length },
            openComments: open.filter((o) => o.communeCode === c.code && o.parentId === null).length,
            findings: t?.get(c.code) ?? null,
          };
        }),
      };
    },
    'review.act': async ({ communeCode, act, note }) => {
      const store = ctx.need();
      const op = ctx.operator();
      const who = actRefusal(op, act, communeCode);
      if (who) throw forbidden(who, { act, communeCode });
      if (!store.getSettings().communes.some((c) => c.code === communeCode))
        throw new ApiError('not_found', `Dự án không có xã mã ${communeCode}.`, `The project has no commune with code ${communeCode}.`);
      const current = store.review().stateOf(communeCode).state;
      const bad = stateRefusal(current, act);
      if (bad) throw new ApiError('conflict', bad.vi, bad.en, { state: current, act });
      if (act === 'return' && !note && store.review().comments({ communeCode, openOnly: true }).length === 0)
        throw new ApiError('validation', 'Trả lại bản đồ cần có góp ý: hãy ghi lý do hoặc ghim góp ý lên bản đồ.', 'Returning a map needs comments: write a reason or pin comments on the map.');
      if (act === 'unlock' && !note) throw new ApiError('validation', 'Mở khóa bản đồ đã phê duyệt cần ghi lý do.', 'Unlocking an approved map needs a reason.');
      if (act === 'submit' || act === 'approve') {
        const checked = await run(ctx, [communeCode]);
        if (checked.errors > 0)
          throw new ApiError(
            'validation',
            `Bản đồ xã còn ${checked.errors} lỗi (kiểm tra tự động): sửa hết lỗi rồi mới ${ACT_LABELS[act].vi.toLowerCase()}. Cảnh báo không chặn.`,
            `The commune map still has ${checked.errors} errors (automatic checks): fix them before you ${act}. Warnings do not block.`,
            { findings: checked.findings.filter((f) => f.severity === 'error').slice(0, 50) },
          );
      }
      const t = TRANSITIONS[act];
      const label = `${ACT_LABELS[act].vi} bản đồ xã ${communeCode}`;
      const r = store.review().transition(communeCode, t.from, t.to, ctx.author(), label, note);
      if ('refused' in r) {
        const again = stateRefusal(r.refused, act)!;
        throw new ApiError('conflict', again.vi, again.en, { state: r.refused, act });
      }
      ctx.changed([], null);
      return r;
    },
    'review.changesSince': ({ communeCode }) => changesSince(ctx.need(), communeCode),
    'review.history': ({ communeCode }) => ctx.need().review().acts(communeCode),
    'review.comments': ({ communeCode, openOnly }) => ctx.need().review().comments({ communeCode, openOnly }),
    'review.comment.add': (c) => {
      const store = ctx.need();
      const op = ctx.operator();
      if (!op) throw forbidden({ vi: 'Hãy chọn tên và vai trò người dùng trước khi góp ý.', en: 'Choose your name and role before commenting.' });
      if (op.role === 'commune_staff' && op.communeCode && op.communeCode !== c.communeCode)
        throw forbidden({ vi: 'Cán bộ xã chỉ góp ý, trả lời trên bản đồ của xã mình.', en: 'Commune staff comment only on their own commune’s map.' });
      if (c.parentId) {
        const parent = store.review().getComment(c.parentId);
        if (!parent) throw new ApiError('not_found', 'Không tìm thấy góp ý cần trả lời.', 'The comment to reply to does not exist.');
        if (parent.communeCode !== c.communeCode) throw new ApiError('validation', 'Câu trả lời phải cùng xã với góp ý.', 'A reply belongs to the commune of its comment.');
      } else if (!c.featureId && c.x === null) {
        throw new ApiError('validation', 'Góp ý cần ghim vào một điểm trên bản đồ hoặc một đối tượng.', 'A comment is pinned to a point of the map or to a feature.');
      }
      if (c.table && c.featureId && !store.get(c.table, c.featureId))
        throw new ApiError('not_found', 'Không tìm thấy đối tượng được góp ý.', 'The commented feature does not exist.');
      const saved = store.review().addComment(c, ctx.author(), op.role);
      ctx.changed([], null);
      return saved;
    },
    'review.comment.resolve': ({ id, resolved }) => {
      const store = ctx.need();
      const op = ctx.operator();
      const existing = store.review().getComment(id);
      if (!existing) throw new ApiError('not_found', 'Không tìm thấy góp ý.', 'Comment not found.');
      if (!op) throw forbidden({ vi: 'Hãy chọn tên và vai trò người dùng trước.', en: 'Choose your name and role first.' });
      // The reviewer judges whether a comment was answered: staff reply to it, they do not close it.
      if (!isReviewer(op))
        throw forbidden({
          vi: 'Chỉ cán bộ thẩm định (hoặc quản trị) mới đánh dấu góp ý đã xử lý. Cán bộ xã hãy trả lời góp ý để báo đã sửa.',
          en: 'Only a reviewer (or an administrator) marks a comment resolved. Commune staff reply to the comment to say it was fixed.',
        });
      const r = store.review().setResolved(id, resolved, ctx.author());
      ctx.changed([], null);
      return r;
    },
    'review.statistics': () => statistics(ctx.need()),
    'review.statisticsCsv': () => {
      const store = ctx.need();
      const s = statistics(store);
      const day = new Date().toISOString().slice(0, 10);
      return { fileName: `thong-ke-quy-tap-${day}.csv`, csv: statisticsCsv(s.rows, s) };
    },
    'review.statisticsPdf': () => {
      const store = ctx.need();
      const s = statistics(store);
      const settings = store.getSettings();
      const pdf = statisticsPdf({
        title: settings.title,
        organisation: settings.reviewingOrganisation || settings.producingAgency,
        place: settings.place,
        rows: s.rows,
        totals: s,
        date: new Date(),
      });
      return { fileName: `bao-cao-thong-ke-quy-tap-${new Date().toISOString().slice(0, 10)}.pdf`, base64: Buffer.from(pdf).toString('base64') };
    },
    'review.config': ({ minGraveDistance: d }) => {
      const store = ctx.need();
      if (d !== undefined) {
        if (!isReviewer(ctx.operator()))
          throw forbidden({ vi: 'Chỉ cán bộ thẩm định hoặc quản trị được đổi thiết lập kiểm tra.', en: 'Only a reviewer or an administrator may change the check settings.' });
        store.review().setConfig(MIN_DISTANCE_KEY, String(d), ctx.author());
      }
      return { minGraveDistance: minGraveDistance(store) };
    },
  };
}
