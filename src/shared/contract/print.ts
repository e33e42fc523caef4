// Contract methods of the print feature. Spread into `api` in src/shared/api.ts; handlers live in
// src/main/services/print.ts.
import { z } from 'zod';
import { method } from './method';
import { fileNameCheck, JobSchema } from './common';
import { BLOCK_NAMES, SheetSettingsSchema } from '../print/settings';
import type { DisplayItem, SymbolDef } from '../print/display-list';
import { STATISTICS } from '../model/enums';

const Msg = z.object({ vi: z.string(), en: z.string() });
const Box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
const StatValues = z.object(Object.fromEntries(STATISTICS.map((k) => [k, z.number().nullable()])) as Record<(typeof STATISTICS)[number], z.ZodNullable<z.ZodNumber>>);

export const ComposeReportSchema = z.object({
  scale: z.number(),
  gridStepM: z.number(),
  sheet: z.number().int(),
  sheets: z.number().int(),
  grid: z.tuple([z.number().int(), z.number().int()]),
  title: z.string(),
  legend: z.array(z.string()),
  droppedLabels: z.array(z.object({ table: z.string(), id: z.string(), text: z.string(), classKey: z.string() })),
  droppedGridLabels: z.array(z.string()),
  stats: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      source: z.enum(['district', 'commune', 'village', 'none']),
      conclusion: StatValues.nullable(),
      conclusionDate: z.string().nullable(),
      map: StatValues,
      mismatches: z.array(z.enum(STATISTICS)),
    }),
  ),
  mismatches: z.array(z.object({ commune: z.string(), statistic: z.enum(STATISTICS), conclusion: z.number(), map: z.number() })),
  warnings: z.array(Msg),
  frame: Box.extend({ extent: z.tuple([z.number(), z.number(), z.number(), z.number()]), scale: z.number() }),
  blocks: z.object({ legend: Box, stats: Box, scale: Box, notes: Box, signatures: Box, inset: Box, adjacent: Box }).partial(),
  parts: z.array(Box.extend({ block: z.enum(BLOCK_NAMES) })).optional(),
  layout: z.enum(['right', 'bottom']).optional(),
  areaSize: z.tuple([z.number(), z.number()]).optional(),
});

// Drawn by main's own composer: checked for shape only (a district sheet holds 100,000s of items).
const DisplayListSchema = z.object({
  page: z.object({ widthMm: z.number(), heightMm: z.number() }),
  items: z.array(z.custom<DisplayItem>((v) => typeof v === 'object' && v !== null && 'kind' in v)),
  symbols: z.record(z.string(), z.custom<SymbolDef>((v) => typeof v === 'object' && v !== null && 'parts' in v)),
});

export const PrintLayoutSchema = z.object({
  id: z.string(),
  name: z.string(),
  settings: SheetSettingsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/** The PDF's name without ".pdf" (main adds it, and "-2", "-3"… rather than replace a file). */
const FileName = z.string().trim().min(1).max(120).superRefine(fileNameCheck);

export const printMethods = {
  'print.compose': method(
    z.object({ settings: SheetSettingsSchema }),
    z.object({ list: DisplayListSchema, report: ComposeReportSchema }),
    'Compose a sheet (display list in paper mm) for the preview; the PDF is drawn from the same list.',
  ),
  'print.pdf': method(
    z.object({ settings: SheetSettingsSchema, series: z.boolean().default(false), fileName: FileName.optional() }),
    z.object({ job: JobSchema, path: z.string(), fileName: z.string(), url: z.string() }),
    'Print to a vector PDF in the project’s "ban-in" folder, as a job (progress, cancel); named by commune, paper, scale and sheet, downloadable at `url` once done. Never overwrites a file.',
  ),
  'print.layouts.list': method(z.object({}).strict().default({}), z.array(PrintLayoutSchema), 'Saved sheet layouts of the project.'),
  'print.layouts.save': method(
    z.object({ id: z.string().uuid().optional(), name: z.string().trim().min(1).max(200), settings: SheetSettingsSchema }),
    PrintLayoutSchema,
    'Save a sheet layout (paper, area, scale, texts, block positions) in the project (audited).',
  ),
  'print.layouts.delete': method(z.object({ id: z.string().uuid() }), z.object({ ok: z.literal(true) }), 'Delete a saved sheet layout (audited).'),
} as const;
