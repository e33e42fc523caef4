// Contract methods of the drafting feature. Spread into `api` in src/shared/api.ts; handlers live in
// src/main/services/drafting.ts.
import { z } from 'zod';
import { TableNameSchema, UuidSchema } from '../model';
import { ATTACHMENT_MAX_BYTES } from './limits';
import { method } from './method';
import { MapLayerQuerySchema, MapLayerSchema } from './map-layer';

export { ATTACHMENT_MAX_BYTES };

const MAX_BASE64 = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;

export const draftingMethods = {
  'features.map': method(
    MapLayerQuerySchema,
    MapLayerSchema,
    'The map’s read of a feature table: live rows by extent, column-wise with flat coordinates (see contract/map-layer.ts).',
  ),
  'attachments.upload': method(
    z.object({
      ownerTable: TableNameSchema,
      ownerId: UuidSchema,
      filename: z.string().trim().min(1).max(255),
      mime: z.string().max(100).regex(/^[\w.+-]+\/[\w.+-]+$/, 'a MIME type such as image/jpeg'),
      caption: z.string().max(1000).optional(),
      /** The file's bytes, base64 (JSON carries the contract in both shells). */
      dataBase64: z.string().min(1).max(MAX_BASE64 + 4, `at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`),
    }),
    z.object({ id: UuidSchema, editId: z.number().int(), size: z.number().int(), sha256: z.string() }),
    'Attach a photo or scan to a feature or record: one audited edit (the row) plus its bytes.',
  ),
  'attachments.download': method(
    z.object({ id: UuidSchema }),
    z.object({ filename: z.string(), mime: z.string(), dataBase64: z.string() }),
    'The bytes of an attachment (for viewing or saving).',
  ),
} as const;
