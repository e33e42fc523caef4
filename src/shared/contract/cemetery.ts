// Contract of the cemetery register (issue 19): the plan inside a cemetery (plots generated as a
// grid, the gate), the register imported from a spreadsheet, the lookup across every cemetery, and
// the locator sheet. Handlers live in src/main/services/cemetery.ts.
import { z } from 'zod';
import { ExtentSchema, UuidSchema } from '../model';
import { REGISTER_COLUMNS, type RegisterColumn } from '../cemetery/columns';
import { MAX_GRID_PLOTS } from '../cemetery/grid';
import { FileNameSchema } from './common';
import { method } from './method';

const Metres = z.number().finite();

export const PlotGridSchema = z.object({
  origin: z.tuple([Metres, Metres]),
  azimuthDeg: z.number().finite().min(-360).max(720),
  rows: z.number().int().min(1).max(MAX_GRID_PLOTS),
  plotsPerRow: z.number().int().min(1).max(MAX_GRID_PLOTS),
  plotWidth: z.number().positive().max(50),
  plotDepth: z.number().positive().max(50),
  plotGap: z.number().min(0).max(100),
  rowGap: z.number().min(0).max(100),
  side: z.enum(['right', 'left']).optional(),
  section: z.string().trim().max(40).optional(),
  firstRow: z.number().int().min(0).max(100_000).optional(),
  firstPlot: z.number().int().min(0).max(100_000).optional(),
  numbering: z.enum(['per_row', 'continuous']).optional(),
});

export { REGISTER_COLUMNS, type RegisterColumn };

/** Register column → the sheet's header naming it (absent: not in the sheet). */
export const ColumnMapSchema = z.partialRecord(z.enum(REGISTER_COLUMNS), z.string().max(200));
export type ColumnMap = z.infer<typeof ColumnMapSchema>;

/** A file of the imports folder, checked at the edge like exchange's and basemaps' (name-rules.ts). */
const FileName = FileNameSchema;
const Msg = z.object({ vi: z.string(), en: z.string() });

export const UnmatchedRowSchema = z.object({
  /** The row's number in the sheet (as the spreadsheet shows it). */
  row: z.number().int(),
  name: z.string(),
  place: z.string(),
  reason: Msg,
});
export type UnmatchedRow = z.infer<typeof UnmatchedRowSchema>;

export const CandidateSchema = z.object({
  martyrId: UuidSchema,
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  hometown: z.string(),
  unit: z.string(),
  deathDate: z.string(),
  cemeteryId: UuidSchema.nullable(),
  cemeteryName: z.string(),
  plotId: UuidSchema.nullable(),
  /** "Khu A – Hàng 3 – Mộ số 12", or empty when the martyr is linked to the cemetery only. */
  place: z.string(),
  extent: ExtentSchema.nullable(),
  matched: z.number().int(),
  of: z.number().int(),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const cemeteryMethods = {
  'cemetery.generatePlots': method(
    z.object({ cemeteryId: UuidSchema, grid: PlotGridSchema }),
    z.object({ editId: z.number().int(), count: z.number().int() }),
    'Lay out rows × plots inside a cemetery from an origin, a direction and spacings, numbered by section, row and plot: one audited edit.',
  ),
  'cemetery.setGate': method(
    z.object({ cemeteryId: UuidSchema, point: z.tuple([Metres, Metres]) }),
    z.object({ editId: z.number().int(), id: UuidSchema }),
    'Place (or move) the gate of a cemetery’s plan: where the locator sheet’s path starts.',
  ),
  'cemetery.registerColumns': method(
    z.object({ file: FileName, sheet: z.string().max(200).optional() }),
    z.object({ sheets: z.array(z.string()), sheet: z.string(), headers: z.array(z.string()), rows: z.number().int(), guess: ColumnMapSchema }),
    'The headers of a register spreadsheet in the imports folder and the columns they are guessed to be.',
  ),
  'cemetery.importRegister': method(
    z.object({
      cemeteryId: UuidSchema,
      file: FileName,
      sheet: z.string().max(200).optional(),
      columns: ColumnMapSchema,
      /** Rows whose plot is not found are imported linked to the cemetery only (default: nothing is written while one is unmatched). */
      keepUnmatched: z.boolean().default(false),
      /** Report only: nothing is written. */
      dryRun: z.boolean().default(false),
    }),
    z.object({
      editId: z.number().int().nullable(),
      rows: z.number().int(),
      matched: z.number().int(),
      unknown: z.number().int(),
      unmatched: z.array(UnmatchedRowSchema),
    }),
    'Import a cemetery’s register (.xlsx/.ods/.csv): one martyr record per row linked to its plot by section, row and number, all rows in one edit or none; unmatched rows listed.',
  ),
  'cemetery.search': method(
    z.object({ query: z.string().max(300), cemeteryId: UuidSchema.nullable().optional(), limit: z.number().int().min(1).max(200).default(20) }),
    z.object({ candidates: z.array(CandidateSchema), tookMs: z.number() }),
    'Find a martyr in the registers of one cemetery or all by name (with or without diacritics), home town, unit or year, best first.',
  ),
  'cemetery.locator': method(
    z.object({ martyrId: UuidSchema, fileName: z.string().max(200).optional() }),
    z.object({ path: z.string(), fileName: z.string(), url: z.string() }),
    'Print the A4 locator sheet of a martyr’s grave (details, plan with the plot and the path from the gate, coordinates) to PDF.',
  ),
} as const;
