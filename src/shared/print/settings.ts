// What a sheet is asked to be: paper, area, scale, texts and block positions. Saved per project.
import { z } from 'zod';
import { ExtentSchema } from '../model/geometry';
import { BLOCK_NAMES, PAPER_NAMES, type BlockName, type PaperName } from './paper';
import { MAX_SCALE, MIN_SCALE } from './scale';

const pos = z.object({ x: z.number().min(0).max(1200), y: z.number().min(0).max(1200) });

export const SheetAreaSchema = z.discriminatedUnion('kind', [
  /** One or several communes, by code or by name. */
  z.object({ kind: z.literal('communes'), communes: z.array(z.string().trim().min(1).max(200)).min(1).max(1000) }),
  /** Every commune of the project (the district sheet). */
  z.object({ kind: z.literal('all') }),
  /** A drawn extent in the working CRS. */
  z.object({ kind: z.literal('extent'), extent: ExtentSchema }),
]);
export type SheetArea = z.infer<typeof SheetAreaSchema>;

export { BLOCK_NAMES, type BlockName };

export const SheetSettingsSchema = z.object({
  paper: z.enum(PAPER_NAMES as [PaperName, ...PaperName[]]).default('A3'),
  orientation: z.enum(['portrait', 'landscape']).default('landscape'),
  /** Paper margin in mm; default by paper size. */
  marginMm: z.number().min(3).max(60).optional(),
  area: SheetAreaSchema.default({ kind: 'all' }),
  /** 1:N, any N typed in the range, or 'fit' = the largest round scale at which the area fits one sheet (scale.ts). */
  scale: z.union([z.literal('fit'), z.number().int().min(MIN_SCALE).max(MAX_SCALE)]).default('fit'),
  /** The date whose boundaries, names and titles are shown (YYYY-MM-DD); default the project's boundary date, else today. */
  mapDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** The date printed on the place and date line (YYYY-MM-DD); default the project's sheet date. */
  sheetDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Sheet of a series (1-based) when the area needs several sheets. */
  sheet: z.number().int().min(1).max(1000).optional(),
  /** The series' index sheet (the whole area, every sheet's frame numbered) instead of a sheet. */
  index: z.boolean().default(false),
    /** Overlap between the sheets of a series, mm on paper. */
  overlapMm: z.number().min(0).max(100).default(10),
  texts: z
    .object({
      title: z.string().max(400),
      subtitle: z.string().max(400),
      crsNote: z.string().max(400),
      dataSources: z.string().max(2000),
      agency: z.string().max(400),
      placeDate: z.string().max(300),
      /** The issuing organisation's header, one line each (top left). */
      organisation: z.string().max(800),
      reviewingOrganisation: z.string().max(300),
    })
    .partial()
    .default({}),
  /** Signature blocks; default the project's. */
  signatures: z
    .array(
      z.object({
        title: z.string().max(200),
        name: z.string().max(200).default(''),
        role: z.enum(['drawn_by', 'checked_by', 'approved_by']).optional(),
        /** Empty = by role ("(Ký, đóng dấu)" for the approving authority). */
        note: z.string().max(200).default(''),
      }),
    )
    .max(6)
    .optional(),
  /** Top-left corners of the furniture blocks, mm on the page; absent = automatic. */
  layout: z.object({ legend: pos, stats: pos, scale: pos, notes: pos, signatures: pos, inset: pos, adjacent: pos }).partial().default({}),
  /** Grid labels as Vietnamese topographic sheets print them (km, last two digits large) or in full metres. */
  gridLabelStyle: z.enum(['km', 'm']).default('km'),
  /** Grid interval in metres; absent = by scale (the smallest round step at least 60 mm apart, paper.ts). */
  gridStepM: z.number().int().min(100).max(100000).optional(),
  /** Greyed veil over what lies outside the chosen area (0 = none). */
  maskOpacity: z.number().min(0).max(1).default(0.6),
  /** Raster base maps printed under the map, by id, bottom first; absent = those visible in the project's layer list, [] = none. */
  baseMaps: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
});
export type SheetSettings = z.infer<typeof SheetSettingsSchema>;
export type SheetSettingsInput = z.input<typeof SheetSettingsSchema>;
