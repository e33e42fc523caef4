// What createServices (index.ts) hands to its adapters (Electron, the HTTP servers, the CLI):
// opening at start, the demo, downloads, closing. Built here so that createServices stays a
// short list of the pieces it wires together.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { Output } from '../../shared/api';
import type { JobRegistry } from '../jobs';
import type { Handlers } from '../rpc/dispatch';
import { hallAccounts } from './accounts';
import { basemapBinary } from './basemap';
import type { ServiceContext } from './context';
import { createDemoProject, DEMO_FILE_NAME } from './demo-project';
import { exportDownload } from './exchange';
import type { OpenProject } from './open-project';
import { printDownload } from './print';
import type { ProjectPaths } from './projects';

/** Opens the demo project, building it first (a job, so its progress shows) when it is not there. */
export async function openDemoProject(
  project: OpenProject,
  d: { jobs: JobRegistry; paths: ProjectPaths; author: () => string; demoDataDir?: string },
): Promise<Output<'project.info'>> {
  const path = d.paths.inDir(DEMO_FILE_NAME);
  if (!existsSync(path)) {
    const job = d.jobs.start('demo.build', (progress, signal) =>
      createDemoProject(path, { author: d.author(), dataDir: d.demoDataDir, onProgress: progress, signal }),
    );
    await d.jobs.wait(job.id);
  }
  return project.open(path);
}

export interface ServicesParts {
  handlers: Handlers;
  jobs: JobRegistry;
  paths: ProjectPaths;
  project: OpenProject;
  ctx: ServiceContext;
  openDemo: () => Promise<Output<'project.info'>>;
}

/** The object createServices returns (its type is `Services`). */
export function servicesApi(p: ServicesParts) {
  const { project, ctx } = p;
  const openPath = (path: string) => project.open(path);
  return {
    handlers: p.handlers,
    jobs: p.jobs,
    paths: p.paths,
    openPath,
    openDemo: p.openDemo,
    /** Who is editing, for the adapters' CallContext. */
    operatorName: ctx.author,
    currentOperator: ctx.author,
    /**
     * Start-up: the last project that still exists, else (a first launch) the demo. If the last
     * project cannot be opened, nothing else is: the page's first project.info answers why, then
     * the start screen shows (this does not throw for it, so the app and `serve` start as usual).
     */
    async openLastOrDemo(): Promise<void> {
      const last = p.paths.recent().find((path) => existsSync(path));
      if (!last) {
        await p.openDemo();
        return;
      }
      try {
        openPath(last);
      } catch (e) {
        console.error(`Could not open the last project ${last}:`, e);
        project.startupError = e instanceof ApiError ? e : couldNotOpen(last);
      }
    },
    /** The open project and its file (the hall's rolling snapshots, services/hall-snapshots.ts). */
    openProject: () => (project.store?.isOpen ? { store: project.store, path: project.path! } : null),
    /** The hall server's log-in checks against the open project's accounts. */
    hallAccounts: hallAccounts(ctx.need),
    binaryResponder: async (path: string, range: string | undefined) => exportDownload(ctx, path) ?? printDownload(ctx, path) ?? (await basemapBinary(ctx, path, range)) ?? ({
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: Buffer.from('not found'),
    }),
    /** Quit (Electron) and shutdown (`serve`): every edit ends up in the project file itself. */
    close(): void {
      project.close();
    },
  };
}

function couldNotOpen(path: string): ApiError {
  return new ApiError(
    'internal',
    `Không mở được dự án mở lần trước "${basename(path)}". Tệp được giữ nguyên; hãy chọn dự án trên màn hình bắt đầu.`,
    `Could not open the project opened last, "${basename(path)}". The file was kept as it is; choose a project on the start screen.`,
    { path },
  );
}
