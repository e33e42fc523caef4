// Runs every check over the open project (or over data a test hands in) and returns the findings,
// optionally only those of some communes. The cross-commune checks always see the whole district.
import { TABLE_NAMES, type Row, type TableName } from '../../shared/model';
import { FindingSchema, sortFindings, type Finding } from '../../shared/review/finding';
import type { ProjectStore } from '../store';
import { buildEnv, disposeEnv, type CheckData } from './check-data';
import { CHECKS } from './checks';
import { loadGeos } from './geos';

export interface RunOptions {
  communes?: readonly string[] | null;
  onProgress?: (done: number, total: number, message: string) => void;
  signal?: AbortSignal;
}

const PAGE = 200_000;

export function loadAllRows(store: ProjectStore): Map<TableName, Row[]> {
  const rows = new Map<TableName, Row[]>();
  for (const t of TABLE_NAMES) {
    const all: Row[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const r = store.query(t, { limit: PAGE, offset });
      all.push(...r.rows);
      if (!r.truncated) break;
    }
    rows.set(t, all);
  }
  return rows;
}

export async function runChecks(data: CheckData, opts: RunOptions = {}): Promise<Finding[]> {
  const geos = await loadGeos();
  const env = buildEnv(data, geos);
  const found: Finding[] = [];
  try {
    for (const [i, step] of CHECKS.entries()) {
      if (opts.signal?.aborted) throw new Error('cancelled');
      opts.onProgress?.(i, CHECKS.length, step.vi);
      for (const f of step.run(env)) found.push(FindingSchema.parse(f));
      // Let progress events and a cancel request through between steps.
      await new Promise((r) => setImmediate(r));
    }
    opts.onProgress?.(CHECKS.length, CHECKS.length, 'Xong');
  } finally {
    disposeEnv(env);
  }
  const wanted = opts.communes?.length ? new Set(opts.communes) : null;
  return sortFindings(wanted ? found.filter((f) => f.communeCode !== null && wanted.has(f.communeCode)) : found);
}
