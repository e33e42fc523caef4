// THE contract: every method the renderer (or any client) may call on the main side, with its
// input and output schemas. Electron IPC, the preload bridge and the HTTP adapter are generic loops
// over this object; there is no hand-written channel anywhere else.
import { z } from 'zod';
import {
  AuditEntrySchema,
  EditResultSchema,
  EditSchema,
  ExtentSchema,
  ProjectSettingsSchema,
  ProjectSettingsPatchSchema,
  RowSchema,
  TableNameSchema,
  UndoStateSchema,
  UuidSchema,
} from './model';
import { method } from './contract/method';
import { draftingMethods } from './contract/drafting';
import { basemapMethods } from './contract/basemap';
import { exchangeMethods } from './contract/exchange';
import { printMethods } from './contract/print';
import { reviewMethods } from './contract/review';
import { accountMethods } from './contract/accounts';
import { verificationMethods } from './contract/verification';
import { rollupMethods } from './contract/rollup';
import { campaignMethods } from './contract/campaign';
import { PresenceEntrySchema, ProjectChangedSchema, presenceMethods } from './contract/presence';
import { trainingMethods } from './contract/training';
import { cemeteryMethods } from './contract/cemetery';

import {
  CrsInfoSchema,
  Empty,
  Filter,
  fileNameCheck,
  HandoverSchema,
  JobSchema,
  OperatorSchema,
  ProjectEntrySchema,
  ProjectInfoSchema,
} from './contract/common';

export * from './contract/common';



export const api = {
  'app.info': method(Empty, z.object({ version: z.string(), mode: z.enum(['electron', 'browser']), operator: OperatorSchema.nullable() }), 'Version, shell mode and the current operator.'),
  'session.setOperator': method(OperatorSchema, OperatorSchema, 'Who is editing: every edit is recorded under this name.'),
  'crs.list': method(Empty, z.array(CrsInfoSchema), 'The CRS catalogue (VN-2000 TM-3 zones, UTM, WGS 84, Indian 1960).'),

  'project.list': method(Empty, z.array(ProjectEntrySchema), 'Projects in the allowed folders (projects folder and recent files).'),
  'project.create': method(
    z.object({
      fileName: z.string().regex(/^[^/\\:*?"<>|]{1,120}\.gpkg$/i, 'a file name ending in .gpkg, without folders').superRefine(fileNameCheck),
      crsCode: z.string().max(64).optional(),
      settings: ProjectSettingsSchema.partial().extend({ title: z.string().min(1).max(300) }),
    }),
    ProjectInfoSchema,
    'Create a new project file in the projects folder and open it.',
  ),
  'project.open': method(z.object({ path: z.string().max(4096) }), ProjectInfoSchema, 'Open a project listed by project.list.'),
  'project.openDemo': method(Empty, ProjectInfoSchema, 'Open (building it first if needed) the demo project.'),
  'project.info': method(Empty, ProjectInfoSchema, 'The open project: CRS, settings, layers with counts and extents.'),
  'project.updateSettings': method(ProjectSettingsPatchSchema, ProjectSettingsSchema, 'Change project settings (audited).'),
  'project.backup': method(Empty, z.object({ path: z.string() }), 'Write a backup copy now (SQLite backup API) and rotate old ones.'),
  'project.close': method(Empty, z.object({ closed: z.boolean() }), 'Close the open project: every edit is written into the project file itself (WAL checkpoint), the file is released.'),
  'project.handover': method(
    Empty,
    HandoverSchema,
    'Hand-over copy: one consistent single-file copy of the project (commune and date in its name) in the exports folder, verified, offered as a download.',
  ),

  'features.query': method(
    z.object({
      table: TableNameSchema,
      bbox: ExtentSchema.optional(),
      filter: Filter.optional(),
      includeDeleted: z.boolean().default(false),
      limit: z.number().int().min(1).max(200_000).default(50_000),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ rows: z.array(RowSchema), truncated: z.boolean() }),
    'Rows of a feature table, by extent (R-tree) and attribute filter.',
  ),
  'rows.get': method(z.object({ table: TableNameSchema, id: UuidSchema }), RowSchema, 'One row of any table.'),
  'records.query': method(
    z.object({
      table: TableNameSchema,
      search: z.string().max(200).optional(),
      filter: Filter.optional(),
      includeDeleted: z.boolean().default(false),
      limit: z.number().int().min(1).max(10_000).default(500),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ rows: z.array(RowSchema), total: z.number().int() }),
    'Rows of a record table; search ignores Vietnamese diacritics ("dak dro" finds "Đắk Drô").',
  ),
  'links.of': method(
    z.object({ table: TableNameSchema, id: UuidSchema }),
    z.array(z.object({ link: RowSchema, other: RowSchema.nullable() })),
    'Links from or to a row, with the row at the other end.',
  ),
  'edits.apply': method(EditSchema, EditResultSchema, 'Apply an edit (rows put and removed) in one transaction.'),
  'edits.undo': method(Empty, z.object({ result: EditResultSchema.nullable(), state: UndoStateSchema }), 'Undo the calling operator’s own latest edit (each operator has their own history); refused, naming who, if someone changed its rows since.'),
  'edits.redo': method(Empty, z.object({ result: EditResultSchema.nullable(), state: UndoStateSchema }), 'Redo the calling operator’s own latest undone edit; refused, naming who, if someone changed its rows since.'),
  'edits.state': method(Empty, UndoStateSchema, 'What the calling operator’s undo and redo would do.'),
  'history.of': method(z.object({ table: TableNameSchema, id: UuidSchema }), z.array(AuditEntrySchema), 'Audit history of one row, oldest first.'),

  'jobs.list': method(Empty, z.array(JobSchema), 'Long jobs (imports, prints, exports) and their progress.'),
  'jobs.cancel': method(z.object({ id: z.string().max(64) }), JobSchema, 'Ask a running job to stop.'),

  // Each feature keeps its methods in its own file under ./contract.
  ...draftingMethods,
  ...printMethods,
  ...exchangeMethods,
  ...basemapMethods,
  ...reviewMethods,
  ...accountMethods,
  ...campaignMethods,
  ...presenceMethods,
  ...verificationMethods,
  ...rollupMethods,
  ...trainingMethods,
  ...cemeteryMethods,
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
export type Output<M extends MethodName> = z.output<Api[M]['output']>;
export const METHOD_NAMES = Object.keys(api) as MethodName[];

export function isMethodName(x: string): x is MethodName {
  return Object.prototype.hasOwnProperty.call(api, x);
}

/** Events pushed from main to the renderer (IPC send / Server-Sent Events). */
export const EventSchemas = {
  'job.progress': JobSchema,
  'project.changed': ProjectChangedSchema,
  /** Who is drafting which commune changed (a window came, left or chose another commune). */
  'presence.changed': z.array(PresenceEntrySchema),
} as const;
export type EventName = keyof typeof EventSchemas;

export * from './api-error';

/** What a renderer talks to: implemented by the preload bridge and by the HTTP client. */
export interface ApiClient {
  invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  on<E extends EventName>(event: E, handler: (payload: z.output<(typeof EventSchemas)[E]>) => void): () => void;
}
