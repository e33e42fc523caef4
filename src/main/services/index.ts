// The main-side services behind the contract: one open project, the CRS catalogue, jobs.
// Electron (src/main/electron), the HTTP adapter (src/main/http) and the CLI all use this.
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { Operator, Output } from '../../shared/api';
import { CATALOGUE, defaultCrsForProvince } from '../../shared/crs/catalogue';
import { geometryExtent, ProjectSettingsSchema, type EditResult, type Extent, type TableName } from '../../shared/model';
import type { Handler, Handlers } from '../rpc/dispatch';
import { jsonText } from '../rpc/json-text';
import { MAP_READ_WHOLE_UP_TO } from '../../shared/contract/map-layer';
import type { Emit } from '../rpc/events';
import { createJobRegistry, jobHandlers } from '../jobs';
import { ProjectStore } from '../store';
import { backupDirOf } from '../store/backup';
import type { ServiceContext } from './context';
import { crsForStore } from './crs';
import { draftingHandlers } from './drafting';
import { basemapBinary, basemapHandlers } from './basemap';
import { cemeteryHandlers } from './cemetery';
import { exchangeHandlers, exportDownload } from './exchange';
import { printDownload, printHandlers } from './print';
import { CHECKPOINT_IDLE_MS, handoverHandler, idleCheckpointer } from './handover';
import { reviewHandlers } from './review';
import { verificationHandlers } from './verification';
import { rollupHandlers } from './rollup';
import { accountHandlers, hallAccounts } from './accounts';
import { campaignHandlers } from './campaign';
import { changeOf } from './live-rows';
import { createPresence, presenceHandlers } from './presence';
import { trainingHandlers } from './training';
import { loadGeos, type Geos } from '../review/geos';
import { installWriteRules } from '../review/write-rules';
import { createDemoProject, DEMO_FILE_NAME } from './demo-project';
import { ProjectPaths } from './projects';
import { writePathIn } from './safe-names';

export interface ServicesOptions {
  mode: 'electron' | 'browser';
  projectsDir: string;
  emit: Emit;
  demoDataDir?: string;
  /** Idle after the last write before the WAL is checkpointed into the project file (default 2 s). */
  checkpointIdleMs?: number;
}

export type Services = Awaited<ReturnType<typeof createServices>>;

// Started when this module loads, so that the ~150 ms of compiling GEOS's WebAssembly overlap
// Electron's own start (app.whenReady) instead of adding to it.
const geosLoading: Promise<Geos> = loadGeos();
geosLoading.catch(() => undefined); // awaited (and reported) by createServices

export async function createServices(opts: ServicesOptions) {
  const paths = new ProjectPaths(opts.projectsDir);
  let store: ProjectStore | null = null;
  // The account of the call being served (hall server), through every await and job it starts.
  const caller = new AsyncLocalStorage<Operator & { accountId: string }>();
  const jobs = createJobRegistry({
    // A job started by a hall account may be cancelled only by it or an administrator.
    owner: () => {
      const c = caller.getStore();
      return c ? { accountId: c.accountId, name: c.name } : null;
    },
    emit: (event, payload) => {
      opts.emit(event, payload);
      // A job (import, merge) writes after its method answered: its progress and end count too.
      idle.poke();
    },
  });
  const idle = idleCheckpointer({
    delayMs: opts.checkpointIdleMs ?? (Number(process.env.QUYTAP_CHECKPOINT_IDLE_MS) || CHECKPOINT_IDLE_MS),
    store: () => store,
    busy: () => jobs.runningCount > 0,
  });
  let storePath: string | null = null;
  let disposeRules: (() => void) | null = null;
  let operator: Operator | null = null;
  const currentOperator = (): Operator | null => caller.getStore() ?? operator;
  // GEOS finds each written feature's commune (write-rules.ts): no project opens without it.
  const geos = await geosLoading;

  const author = () => currentOperator()?.name ?? userInfo().username ?? 'unknown';
  /**
   * Why the project opened last could not be opened at start: told to the first project.info (the
   * page's first request, so the page shows it), then the start screen as usual. Never replaced by
   * opening another project (the demo, a backup) on the user's behalf.
   */
  let startupError: ApiError | null = null;
  const need = (): ProjectStore => {
    if (!store) throw new ApiError('no_project', 'Chưa mở dự án nào.', 'No project is open.');
    return store;
  };

  function projectInfo(): Output<'project.info'> {
    const s = need();
    const info = s.info();
    const def = CATALOGUE.find((c) => c.code === info.crs.code);
    return {
      path: storePath!,
      fileName: basename(storePath!),
      schemaVersion: info.schemaVersion,
      crs: {
        code: info.crs.code,
        name: def?.name ?? info.crs.name,
        nameEn: def?.nameEn ?? info.crs.name,
        proj4: def?.proj4 ?? '',
        kind: 'projected',
      },
      settings: info.settings,
      layers: info.layers,
      extent: workingExtent(s) ?? info.extent,
      readOnly: s.readOnly,
    };
  }

  /** Where the work is: the project's communes (a province outline would make them specks). */
  function workingExtent(s: ProjectStore): Extent | null {
    const codes = s.getSettings().communes.map((c) => c.code).filter(Boolean);
    if (codes.length === 0) return null;
    const rows = s.query('admin_units', { filter: { level: 'commune', code: codes }, limit: 1000 }).rows;
    const boxes = rows.filter((r) => r.geometry).map((r) => geometryExtent(r.geometry!));
    if (boxes.length === 0) return null;
    return [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ];
  }

  function openPath(path: string): Output<'project.info'> {
    const next = ProjectStore.open(path);
    // The one place the rules on writes are attached: every write path reaches the store's writer.
    const dispose = installWriteRules(next, { operator: currentOperator, geos });
    closeStore(); // the project left behind is whole in its own file
    disposeRules = dispose;
    store = next;
    storePath = path;
    paths.remember(path);
    const info = projectInfo();
    prepareMapReads(next, info.layers);
    return info;
  }

  /**
   * The map's whole-table reads, prepared while the page starts (the store keeps them until the
   * next write, the JSON text with them): the largest first, one table per turn of the event loop
   * so that requests arriving meanwhile are answered between them.
   */
  function prepareMapReads(s: ProjectStore, layers: readonly { table: TableName; count: number }[]) {
    const tables = layers
      .filter((l) => l.count > 0 && l.count <= MAP_READ_WHOLE_UP_TO)
      .sort((a, b) => b.count - a.count)
      .map((l) => l.table);
    const next = () => {
      const table = tables.shift();
      if (!table || store !== s) return;
      try {
        jsonText(s.mapLayer(table));
      } catch {
        return; // the page's own read will say what is wrong
      }
      setImmediate(next);
    };
    setImmediate(next);
  }

  /** Closes the open project: ProjectStore.close checkpoints the WAL into the file and releases it. */
  function closeStore(): void {
    idle.cancel();
    store?.close();
    store = null;
    storePath = null;
    disposeRules?.();
    disposeRules = null;
  }

  async function openDemo(): Promise<Output<'project.info'>> {
    const path = paths.inDir(DEMO_FILE_NAME);
    if (!existsSync(path)) {
      const job = jobs.start('demo.build', (progress, signal) =>
        createDemoProject(path, { author: author(), dataDir: opts.demoDataDir, onProgress: progress, signal }),
      );
      await jobs.wait(job.id);
    }
    return openPath(path);
  }

  const changed = (tables: TableName[], editId: number | null) => opts.emit('project.changed', { tables, editId });
  /** An edit's event names its rows and their extents: every client redraws only those. */
  const edited = (s: ProjectStore, r: EditResult) => opts.emit('project.changed', changeOf(s, r, author()));
  const presence = createPresence({ emit: opts.emit });
  const ctx: ServiceContext = {
    need,
    projectPath: () => {
      need();
      return storePath!;
    },
    author,
    operator: currentOperator,
    jobs,
    paths,
    emit: opts.emit,
    changed,
  };

  const handlers: Handlers = {
    'app.info': () => {
      const op = currentOperator();
      // Only the contract's fields: the account's id stays on the server.
      return { version: APP_VERSION, mode: opts.mode, operator: op && { name: op.name, role: op.role, communeCode: op.communeCode } };
    },
    'session.setOperator': (op) => {
      operator = op;
      return op;
    },
    'crs.list': () => CATALOGUE.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn, proj4: c.proj4, kind: c.kind })),

    'project.list': () => paths.list().map((p) => ({ ...p, ...ProjectStore.peek(p.path) })),
    'project.create': (input) => {
      const path = writePathIn(paths.dir, input.fileName);
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
      ProjectStore.create(path, crsForStore(code).store, settings, author()).close();
      return openPath(path);
    },
    'project.open': (input) => openPath(paths.assertAllowed(input.path)),
    'project.openDemo': () => openDemo(),
    'project.info': () => {
      const e = startupError;
      startupError = null;
      if (e && !store) throw e;
      return projectInfo();
    },
    'project.updateSettings': (patch) => {
      const s = need().updateSettings(patch, author());
      changed([], null);
      return s;
    },
    'project.close': () => {
      const was = store !== null;
      closeStore();
      return { closed: was };
    },
    'project.handover': handoverHandler(ctx),
    'project.backup': async () => {
      const s = need();
      const dir = backupDirOf(storePath!);
      return { path: await s.backup(dir, s.getSettings().backupKeep) };
    },

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
    ...jobHandlers(jobs),
    ...draftingHandlers(ctx),
    ...presenceHandlers(presence, () => author(), () => caller.getStore()?.name ?? null),
    ...printHandlers(ctx),
    ...exchangeHandlers(ctx),
    ...basemapHandlers(ctx),
    ...reviewHandlers(ctx),
    ...verificationHandlers(ctx),
    ...rollupHandlers(ctx),
    ...accountHandlers(ctx),
    ...trainingHandlers(ctx, { openPath, demoDataDir: opts.demoDataDir, account: () => caller.getStore()?.name ?? null }),
    ...cemeteryHandlers(ctx),
    ...campaignHandlers(ctx),
  };
  pokeAfterEach(handlers, () => idle.poke());
  asCaller(handlers, caller);

  return {
    handlers,
    jobs,
    paths,
    openPath,
    openDemo,
    /** Who is editing, for the adapters' CallContext. */
    operatorName: author,
    currentOperator: author,
    /**
     * Start-up: the last project that still exists, else (a first launch) the demo. If the last
     * project cannot be opened, nothing else is: the page's first project.info answers why, then
     * the start screen shows (this does not throw for it, so the app and `serve` start as usual).
     */
    async openLastOrDemo(): Promise<void> {
      const last = paths.recent().find((p) => existsSync(p));
      if (!last) {
        await openDemo();
        return;
      }
      try {
        openPath(last);
      } catch (e) {
        console.error(`Could not open the last project ${last}:`, e);
        startupError = e instanceof ApiError ? e : couldNotOpen(last);
      }
    },
    /** The open project and its file (the hall's rolling snapshots, services/hall-snapshots.ts). */
    openProject: () => (store?.isOpen ? { store, path: storePath! } : null),
    /** The hall server's log-in checks against the open project's accounts. */
    hallAccounts: hallAccounts(need),
    binaryResponder: async (path: string, range: string | undefined) => exportDownload(ctx, path) ?? printDownload(ctx, path) ?? (await basemapBinary(ctx, path, range)) ?? ({
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: Buffer.from('not found'),
    }),
    /** Quit (Electron) and shutdown (`serve`): every edit ends up in the project file itself. */
    close(): void {
      closeStore();
    },
  };
}

/** After every method (answered or refused), `poke` checks whether it wrote: the idle checkpoint's clock. */
function pokeAfterEach(handlers: Handlers, poke: () => void): void {
  const table = handlers as unknown as Record<string, Handler<never>>;
  for (const name of Object.keys(table)) {
    const h = table[name]!;
    table[name] = (input, callCtx) => {
      let out: ReturnType<typeof h>;
      try {
        out = h(input, callCtx);
      } catch (e) {
        poke();
        throw e;
      }
      if (out instanceof Promise) return out.finally(poke) as ReturnType<typeof h>;
      poke();
      return out;
    };
  }
}

/** A call that names its account (CallContext.caller) runs as that account: author, write rules, jobs it starts. */
function asCaller(handlers: Handlers, als: AsyncLocalStorage<Operator & { accountId: string }>): void {
  const table = handlers as unknown as Record<string, Handler<never>>;
  for (const name of Object.keys(table)) {
    const h = table[name]!;
    table[name] = (input, callCtx) => (callCtx.caller ? als.run(callCtx.caller, () => h(input, callCtx)) : h(input, callCtx));
  }
}

function couldNotOpen(path: string): ApiError {
  return new ApiError(
    'internal',
    `Không mở được dự án mở lần trước "${basename(path)}". Tệp được giữ nguyên; hãy chọn dự án trên màn hình bắt đầu.`,
    `Could not open the project opened last, "${basename(path)}". The file was kept as it is; choose a project on the start screen.`,
    { path },
  );
}

export const APP_VERSION = '0.1.0';
