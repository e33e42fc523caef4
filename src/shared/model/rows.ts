// Rows as they cross the contract: every table (features and records) shares the same envelope.
import { z } from 'zod';
import { GeometrySchema } from './geometry';
import { isTableName, type TableName } from './tables';

export const TableNameSchema = z.string().refine(isTableName, { message: 'unknown table' }) as unknown as z.ZodType<TableName>;
export const UuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a UUID');

export const PropValueSchema = z.union([z.string().max(100_000), z.number().finite(), z.boolean(), z.null()]);
export type PropValue = z.infer<typeof PropValueSchema>;
export const PropsSchema = z.record(z.string().max(64), PropValueSchema);
export type Props = Record<string, PropValue>;

export const RowMetaSchema = z.object({
  version: z.number().int().min(1),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  deleted: z.boolean(),
});
export type RowMeta = z.infer<typeof RowMetaSchema>;

export const RowSchema = z.object({
  table: TableNameSchema,
  id: UuidSchema,
  geometry: GeometrySchema.nullable(),
  props: PropsSchema,
  meta: RowMetaSchema,
});
export type Row = z.infer<typeof RowSchema>;

export * from './validate-props';
