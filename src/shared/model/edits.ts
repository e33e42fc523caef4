// An edit is data: rows put (insert or update) and rows removed (tombstoned), applied in one
// transaction with one audit entry per row. Undo applies the stored inverse edit.
import { z } from 'zod';
import { GeometryInputSchema } from './geometry';
import { PropsSchema, TableNameSchema, UuidSchema } from './rows';

export const PutSchema = z.object({
  table: TableNameSchema,
  /** Client-chosen UUID for an insert (so a retried request cannot insert twice); omitted = new. */
  id: UuidSchema.optional(),
  /**
   * Required when updating: the version the user saw. A mismatch is a conflict, never an overwrite.
   * Optional here only because an insert may name its id too; the store refuses a put on an existing
   * row that omits it.
   */
  baseVersion: z.number().int().min(1).optional(),
  /** Absent = unchanged (update) / none (record insert). */
  geometry: GeometryInputSchema.nullable().optional(),
  /** A patch: fields absent keep their value, null clears. */
  props: PropsSchema.default({}),
  /**
   * Updates only: set the tombstone together with the content, in one change (merging another copy of
   * the project): false brings a deleted row back with this content (refused for a live row), true
   * deletes a live row leaving this content in its tombstone (refused for a deleted row).
   */
  deleted: z.boolean().optional(),
});
export type Put = z.input<typeof PutSchema>;

export const RemoveSchema = z.object({
  table: TableNameSchema,
  id: UuidSchema,
  /** The version the user saw: a row someone changed since is not deleted (a conflict) but shown again. */
  baseVersion: z.number().int().min(1),
});
export type Remove = z.infer<typeof RemoveSchema>;

export const EditSchema = z
  .object({
    label: z.string().max(200).default(''),
    put: z.array(PutSchema).max(100_000).default([]),
    remove: z.array(RemoveSchema).max(100_000).default([]),
  })
  .refine((e) => e.put.length + e.remove.length > 0, 'an edit must put or remove at least one row');
export type EditInput = z.input<typeof EditSchema>;
export type Edit = z.output<typeof EditSchema>;

export const EditResultSchema = z.object({
  editId: z.number().int(),
  rows: z.array(z.object({ table: TableNameSchema, id: UuidSchema, version: z.number().int(), deleted: z.boolean() })),
});
export type EditResult = z.infer<typeof EditResultSchema>;

export const UndoStateSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type UndoState = z.infer<typeof UndoStateSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  author: z.string(),
  table: TableNameSchema,
  id: UuidSchema,
  action: z.enum(['insert', 'update', 'delete', 'restore']),
  editId: z.number().int().nullable(),
  label: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
