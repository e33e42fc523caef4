// The main-side services behind the contract: one open project, the CRS catalogue, jobs.
// Electron (src/main/electron), the HTTP adapter (src/main/http) and the CLI all use this.
// createServices only wires the pieces: the open project (open-project.ts), its own methods
// (core-handlers.ts), each feature's handlers, the wrappers (wrap-handlers.ts) and what the
// adapters get back (services-api.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';
import type { Operator } from '../../shared/api';
import type { TableName } from '../../shared/model';
import type { Handlers } from '../rpc/dispatch';
import type { Emit } from '../rpc/events';
import { createJobRegistry, jobHandlers } from '../jobs';
import type { ProjectStore } from '../store';
import type { ServiceContext } from './context';
import { draftingHandlers } from './drafting';
import { basemapHandlers } from './basemap';
import { cemeteryHandlers } from './cemetery';
import { exchangeHandlers } from './exchange';
import { printHandlers } from './print';
import { CHECKPOINT_IDLE_MS, idleCheckpointer } from './handover';
import { reviewHandlers } from './review';
import { verificationHandlers } from './verification';
import { rollupHandlers } from './rollup';
import { accountHandlers } from './accounts';
import { campaignHandlers } from './campaign';
import { createPresence, presenceHandlers } from './presence';
import { trainingHandlers } from './training';
import { loadGeos, type Geos } from '../review/geos';
import { ProjectPaths } from './projects';
import { appHandlers, projectHandlers, rowHandlers, type CoreDeps } from './core-handlers';
import { OpenProject } from './open-project';
import { openDemoProject, servicesApi } from './services-api';
import { asCaller, pokeAfterEach } from './wrap-handlers';

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
  let project: OpenProject | null = null;
  // The account of the call being served (hall server), through every await and job it starts.
  const caller = new AsyncLocalStorage<Operator & { accountId: string }>();
  const { jobs, idle } = jobsAndIdle(opts, caller, () => project?.store ?? null);
  let operator: Operator | null = null;
  const currentOperator = (): Operator | null => caller.getStore() ?? operator;
  // GEOS finds each written feature's commune (write-rules.ts): no project opens without it.
  const geos = await geosLoading;
  const open = new OpenProject({ paths, operator: currentOperator, geos, cancelIdle: () => idle.cancel() });
  project = open;

  const author = () => currentOperator()?.name ?? userInfo().username ?? 'unknown';
  const openDemo = () => openDemoProject(open, { jobs, paths, author, demoDataDir: opts.demoDataDir });
  const changed = (tables: TableName[], editId: number | null) => opts.emit('project.changed', { tables, editId });
  const presence = createPresence({ emit: opts.emit });
  const ctx: ServiceContext = {
    need: () => open.need(),
    projectPath: () => {
      open.need();
      return open.path!;
    },
    author,
    operator: currentOperator,
    jobs,
    paths,
    emit: opts.emit,
    changed,
  };
  const core: CoreDeps = { ctx, project: open, mode: opts.mode, version: APP_VERSION, setOperator: (op) => (operator = op), openDemo };

  const handlers: Handlers = {
    ...appHandlers(core),
    ...projectHandlers(core),
    ...rowHandlers(ctx, opts.emit),
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
    ...trainingHandlers(ctx, { openPath: (path) => open.open(path), demoDataDir: opts.demoDataDir, account: () => caller.getStore()?.name ?? null }),
    ...cemeteryHandlers(ctx),
    ...campaignHandlers(ctx),
  };
  pokeAfterEach(handlers, () => idle.poke());
  asCaller(handlers, caller);

  return servicesApi({ handlers, jobs, paths, project: open, ctx, openDemo });
}

/** The job registry and the idle checkpoint, which watch each other: a running job holds the checkpoint off. */
function jobsAndIdle(
  opts: ServicesOptions,
  caller: AsyncLocalStorage<Operator & { accountId: string }>,
  store: () => ProjectStore | null,
) {
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
    store,
    busy: () => jobs.runningCount > 0,
  });
  return { jobs, idle };
}

export const APP_VERSION = '0.1.0';
