// Review comments: pinned to a point of the map or to a feature, with replies and a resolved flag.
import { z } from 'zod';
import { TableNameSchema, UuidSchema } from '../model';

export const ReviewCommentSchema = z.object({
  id: UuidSchema,
  communeCode: z.string(),
  /** A reply names the comment it answers; replies carry no pin of their own. */
  parentId: UuidSchema.nullable(),
  table: TableNameSchema.nullable(),
  featureId: UuidSchema.nullable(),
  /** The pin, in the working CRS. */
  x: z.number().nullable(),
  y: z.number().nullable(),
  text: z.string(),
  author: z.string(),
  role: z.string(),
  createdAt: z.string(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const NewCommentSchema = z
  .object({
    communeCode: z.string().min(1).max(32),
    parentId: UuidSchema.nullable().default(null),
    table: TableNameSchema.nullable().default(null),
    featureId: UuidSchema.nullable().default(null),
    x: z.number().finite().nullable().default(null),
    y: z.number().finite().nullable().default(null),
    text: z.string().trim().min(1, 'nội dung góp ý trống / empty comment').max(4000),
  })
  .refine((c) => (c.x === null) === (c.y === null), 'x and y go together')
  .refine((c) => (c.table === null) === (c.featureId === null), 'table and featureId go together');
export type NewComment = z.output<typeof NewCommentSchema>;
