// What every feature's handlers get from the services: the open project, who is editing, jobs,
// events. Feature handler files (drafting.ts, print.ts, exchange.ts, review.ts) take this.
import type { MethodName } from '../../shared/api';
import type { Operator } from '../../shared/api';
import type { TableName } from '../../shared/model';
import type { JobRegistry } from '../jobs';
import type { Handler } from '../rpc/dispatch';
import type { Emit } from '../rpc/events';
import type { ProjectStore } from '../store';
import type { ProjectPaths } from './projects';

export interface ServiceContext {
  /** The open project, or ApiError('no_project'). */
  need(): ProjectStore;
  /** The open project's file path, or ApiError('no_project'). */
  projectPath(): string;
  /** Who is editing (recorded with every change). */
  author(): string;
  operator(): Operator | null;
  jobs: JobRegistry;
  paths: ProjectPaths;
  emit: Emit;
  /** Tell renderers that rows of these tables changed. */
  changed(tables: TableName[], editId: number | null): void;
}

/** Handlers for one feature's slice of the contract. */
export type HandlersFor<T> = { [M in keyof T & MethodName]: Handler<M> };
