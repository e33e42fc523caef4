// The contract methods the services answer themselves (the app, the session, the CRS list, the
// open project, its rows and edits); each feature's own methods live in its own file (print.ts,
// review.ts, ...). Split out of createServices (index.ts) so that no one function holds them all.
import { existsSync } from 'node:fs';
import { ApiError } from '../../shared/api-error';
import type { Operator, Output } from '../../shared/api';
import { CATALOGUE, defaultCrsForProvince } from '../../shared/crs/catalogue';
import { ProjectSettingsSchema, type EditResult } from '../../shared/model';
import type { HandlerInput, Handlers } from '../rpc/dispatch';
import type { Emit } from '../rpc/events';
import { ProjectStore } from '../store';
import { backupDirOf } from '../store/backup';
import type { ServiceContext } from './context';
import { crsForStore } from './crs';
import { handoverHandler } from './handover';
import { changeOf } from './live-rows';
import type { OpenProject } from './open-project';
import { writePathIn } from './safe-names';

export interface CoreDeps {
  ctx: ServiceContext;
  project: OpenProject;
  mode: 'electron' | 'browser';
  version: string;
  /** Sets the operator of calls that name no account (Electron, the CLI). */
  setOperator: (op: Operator) => void;
  openDemo: () => Promise<Output<'project.info'>>;
}

type Methods<K extends keyof Handlers> = Pick<Handlers, K>;
type ProjectMethods = 'project.list' | 'project.create' | 'project.open' | 'project.openDemo' | 'project.info'
  | 'project.updateSettings' | 'project.close' | 'project.handover' | 'project.backup';
type RowMethods = 'features.query' | 'rows.get' | 'records.query' | 'links.of'
  | 'edits.apply' | 'edits.undo' | 'edits.redo' | 'edits.state' | 'history.of';

/** app.info, session.setOperator, crs.list. */
export function appHandlers(d: CoreDeps): Methods<'app.info' | 'session.setOperator' | 'crs.list'> {
  return {
    'app.info': () => {
      const op = d.ctx.operator();
      // Only the contract's fields: the account's id stays on the server.
      return { version: d.version, mode: d.mode, operator: op && { name: op.name, role: op.role, communeCode: op.communeCode } };
    },
    'session.setOperator': (op) => {
      d.setOperator(op);
      return op;
    },
    'crs.list': () => CATALOGUE.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, proj4: c.proj4, kind: c.kind })),
  };
}

/** project.*: list, create, open, the demo, info, settings, close, handover, backup. */
export function projectHandlers(d: CoreDeps): Methods<ProjectMethods> {
  const { ctx, project } = d;
  return {
    'project.list': () => ctx.paths.list().map((p) => ({ ...p, ...ProjectStore.peek(p.path) })),
    'project.create': (input) => createProject(d, input),
    'project.open': (input) => project.open(ctx.paths.assertAllowed(input.path)),
    'project.openDemo': () => d.openDemo(),
    'project.info': () => {
      const e = project.startupError;
      project.startupError = null;
      if (e && !project.store) throw e;
      return project.info();
    },
    'project.updateSettings': (patch) => {
      const s = ctx.need().updateSettings(patch, ctx.author());
      ctx.changed([], null);
      return s;
    },
    'project.close': () => {
      const was = project.store !== null;
      project.close();
      return { closed: was };
    },
    'project.handover': handoverHandler(ctx),
    'project.backup': async () => {
      const s = ctx.need();
      const dir = backupDirOf(project.path!);
      return { path: await s.backup(dir, s.getSettings().backupKeep) };
    },
  };
}

function createProject(d: CoreDeps, input: HandlerInput<'project.create'>): Output<'project.info'> {
  const path = writePathIn(d.ctx.paths.dir, input.fileName);
  if (existsSync(path)) {
    throw new ApiError('conflict', `Đã có tệp dự án tên ${input.fileName}.`, `A project named ${input.fileName} already exists.`);
  }
  const code = input.crsCode ?? defaultCrsForProvince(input.settings.province?.name ?? '')?.code;
  if (!code) {
    throw new ApiError('validation', 'Hãy chọn hệ tọa độ làm việc (VN-2000, múi chiếu 3° của tỉnh).', 'Choose the working CRS (the province’s VN-2000 TM-3 zone).');
  }
  // The sheet's title names the province, so a project cannot be made without one.
  if (!input.settings.province?.name?.trim()) {
    throw new ApiError('validation', 'Hãy nhập tên tỉnh của dự án (tên tỉnh in trên tiêu đề bản đồ).', 'Enter the project’s province (its name is printed in the map title).');
  }
  const settings = ProjectSettingsSchema.parse(input.settings);
  ProjectStore.create(path, crsForStore(code).store, settings, d.ctx.author()).close();
  return d.project.open(path);
}

/** Reads of rows (features, records, links, history) and the edits with their undo and redo. */
export function rowHandlers(ctx: ServiceContext, emit: Emit): Methods<RowMethods> {
  const { need, author } = ctx;
  /** An edit's event names its rows and their extents: every client redraws only those. */
  const edited = (s: ProjectStore, r: EditResult) => emit('project.changed', changeOf(s, r, author()));
  return {
    'features.query': (q) => need().query(q.table, q),
    'rows.get': (q) => {
      const row = need().get(q.table, q.id);
      if (!row) throw new ApiError('not_found', 'Không tìm thấy đối tượng.', 'Row not found.', q);
      return row;
    },
    'records.query': (q) => need().searchRecords(q.table, q.search ?? '', q.filter ?? {}, q.limit, q.offset, q.includeDeleted),
    'links.of': (q) => need().linksOf(q.table, q.id),
    'edits.apply': (edit) => {
      const s = need();
      const r = s.applyEdit(edit, author());
      edited(s, r);
      return r;
    },
    'edits.undo': () => {
      const s = need();
      const result = s.undo(author());
      if (result) edited(s, result);
      return { result, state: s.undoState(author()) };
    },
    'edits.redo': () => {
      const s = need();
      const result = s.redo(author());
      if (result) edited(s, result);
      return { result, state: s.undoState(author()) };
    },
    'edits.state': () => need().undoState(author()),
    'history.of': (q) => need().history(q.table, q.id),
  };
}
