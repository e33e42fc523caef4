// Hand-made rows and data for the check tests: small squares and points in metres.
import { randomUUID } from 'node:crypto';
import type { Geometry, Props, Row, TableName } from '../../../src/shared/model';
import { ProjectSettingsSchema } from '../../../src/shared/model';
import type { CheckData } from '../../../src/main/review/check-data';
import { runChecks } from '../../../src/main/review/run-checks';

export function row(table: TableName, props: Props, geometry: Geometry | null = null, id = randomUUID()): Row {
  const at = '2026-01-01T00:00:00.000Z';
  return { table, id, geometry, props, meta: { version: 1, createdAt: at, createdBy: 't', updatedAt: at, updatedBy: 't', deleted: false } };
}

export const square = (x0: number, y0: number, x1: number, y1: number): Geometry => ({
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  ],
});
export const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });

export const commune = (code: string, g: Geometry) => row('admin_units', { code, name: `Xã ${code}`, level: 'commune' }, g);
export const area = (code: string, g: Geometry, extra: Props = {}) => row('search_areas', { status: 'not_started', commune_code: code, ...extra }, g);
export const grave = (code: string, x: number, y: number, extra: Props = {}) =>
  row('graves', { kind: 'newly_found', verification: 'not_verified', commune_code: code, ...extra }, point(x, y));
export const form = (code: string) => row('info_forms', { number: '01', informant_name: 'Ông A', verification: 'not_verified', commune_code: code });
export const link = (a: Row, b: Row, role = 'source') => row('links', { from_table: a.table, from_id: a.id, to_table: b.table, to_id: b.id, role });

/** Two communes side by side: A = [0,1000]², B = [1000,2000]×[0,1000]. */
export const communeA = () => commune('A', square(0, 0, 1000, 1000));
export const communeB = () => commune('B', square(1000, 0, 2000, 1000));

export function data(rows: Row[], minGraveDistance = 20, communes = ['A', 'B']): CheckData {
  const m = new Map<TableName, Row[]>();
  for (const r of rows) m.set(r.table, [...(m.get(r.table) ?? []), r]);
  const settings = ProjectSettingsSchema.parse({ title: 't', province: { name: 'P' }, communes: communes.map((c) => ({ code: c, name: `Xã ${c}` })) });
  return { rows: m, settings, minGraveDistance };
}

/** Findings as `rule id` strings, sorted: easy to compare exactly. */
export async function found(rows: Row[], opts: { distance?: number; rules?: string[] } = {}) {
  const fs = await runChecks(data(rows, opts.distance ?? 20));
  return fs.filter((f) => !opts.rules || opts.rules.includes(f.rule));
}

/** A grave with the form it rests on (so links.no_source stays quiet). */
export function sourcedGrave(code: string, x: number, y: number, extra: Props = {}): Row[] {
  const g = grave(code, x, y, extra);
  const f = form(code);
  return [g, f, link(g, f)];
}
export function sourcedArea(code: string, g: Geometry, extra: Props = {}): Row[] {
  const a = area(code, g, extra);
  const f = form(code);
  return [a, f, link(a, f)];
}
