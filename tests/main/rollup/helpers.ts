// Shared by the roll-up tests: the demo with a district and some approved communes, and what the
// database holds, read back plainly.
import { copyFileSync } from 'node:fs';
import type pg from 'pg';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';
import { PUBLISHED_TABLES, type PublishedTable } from '../../../src/main/rollup/pg-schema';
import { communeOf } from '../../../src/main/rollup/project-rows';

export const AUTHOR = 'ci';

let demoCache: string | null = null;

/** The demo as a district's project: district set, the first `approved` communes approved. */
export async function districtProject(path: string, district: { code: string; name: string } | null, approved: number, cacheDir: string): Promise<string[]> {
  if (!demoCache) {
    demoCache = `${cacheDir}/demo-original.gpkg`;
    await createDemoProject(demoCache, { author: AUTHOR });
  }
  copyFileSync(demoCache, path);
  const s = ProjectStore.open(path);
  try {
    if (district) s.updateSettings({ district }, AUTHOR);
    const codes = s.getSettings().communes.map((c) => c.code).slice(0, approved);
    for (const c of codes) s.review().transition(c, ['draft'], 'approved', AUTHOR, 'duyệt', '');
    return codes;
  } finally {
    s.close();
  }
}

/** uuid → version of the project's live rows in the approved communes, per table. */
export function approvedRows(store: ProjectStore, approved: readonly string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const t of PUBLISHED_TABLES) {
    out[t] = {};
    for (const r of store.query(t, { limit: 100_000 }).rows) {
      const c = communeOf(t, r.props);
      if (c && approved.includes(c)) out[t][r.id] = r.meta.version;
    }
  }
  return out;
}

/** uuid → version of the database's live rows of one district, per table. */
export async function liveRows(c: pg.Client, district: string): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const t of PUBLISHED_TABLES) {
    const r = await c.query<{ uuid: string; version: number }>(`SELECT uuid::text, version FROM quytap."${t}" WHERE district_code = $1 AND NOT deleted`, [district]);
    out[t] = Object.fromEntries(r.rows.map((x) => [x.uuid, x.version]));
  }
  return out;
}

/** Everything the schema holds, as one text: equal before and after = nothing changed. */
export async function snapshot(c: pg.Client): Promise<string> {
  const parts: string[] = [];
  const tables = [...PUBLISHED_TABLES, 'qt_districts', 'qt_communes', 'qt_publish_log'] as (PublishedTable | string)[];
  for (const t of tables) {
    const exists = (await c.query(`SELECT to_regclass('quytap."${t}"') AS r`)).rows[0].r;
    if (!exists) {
      parts.push(`${t}: none`);
      continue;
    }
    const r = await c.query(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h, count(*) AS n FROM quytap."${t}" x`);
    parts.push(`${t}: ${r.rows[0].n} ${r.rows[0].h}`);
  }
  return parts.join('\n');
}
