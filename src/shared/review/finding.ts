// What a check reports. Crosses the contract (review.run, review.overview) and is printed by the CLI.
import { z } from 'zod';
import { ExtentSchema, TableNameSchema, UuidSchema } from '../model';

export const SeveritySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  rule: z.string(),
  /** error blocks submission; warning does not. */
  severity: SeveritySchema,
  table: TableNameSchema.nullable(),
  id: UuidSchema.nullable(),
  /** The commune the finding belongs to (null: the whole project). */
  communeCode: z.string().nullable(),
  vi: z.string(),
  en: z.string(),
  /** Where to zoom, in the working CRS. */
  extent: ExtentSchema.nullable(),
  /** The other row involved (the overlapping area, the nearby grave…). */
  otherTable: TableNameSchema.nullable().default(null),
  otherId: UuidSchema.nullable().default(null),
});
export type Finding = z.infer<typeof FindingSchema>;
export type FindingInput = z.input<typeof FindingSchema>;

/** Errors first, then by commune, rule and feature: a stable order for the CLI and the UI. */
export function sortFindings(fs: Finding[]): Finding[] {
  const sev = (s: Severity) => (s === 'error' ? 0 : 1);
  return [...fs].sort(
    (a, b) =>
      sev(a.severity) - sev(b.severity) ||
      (a.communeCode ?? '').localeCompare(b.communeCode ?? '') ||
      a.rule.localeCompare(b.rule) ||
      (a.id ?? '').localeCompare(b.id ?? ''),
  );
}
