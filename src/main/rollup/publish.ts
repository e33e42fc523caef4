// `quytap publish` and the app's "Gửi lên tỉnh": sends a district's approved communes into the
// province's PostgreSQL/PostGIS database, in ONE transaction (a publish cut off midway leaves the
// database as it was; a repeat simply runs again).
//
// Incremental: the database keeps, per district, the project's audit-log mark and the review states
// its last publish covered (qt_districts). A repeat reads only the rows with audit entries after the
// mark; a change of review states, of --all-states, of CRS or of project file reads every row
// instead. Either way each row is compared with the database's (version, state, commune) before
// anything is written, so publishing the same thing twice writes nothing at all. Rows leaving the
// publish (deleted, moved out, commune no longer approved) become tombstones (deleted = true).
// Two districts never touch each other's rows: every row is keyed by (district_code, uuid), and one
// district's publishes take turns on an advisory lock of their own.
import type pg from 'pg';
import { ApiError } from '../../shared/api-error';
import type { Row, TableName } from '../../shared/model';
import type { ProjectStore } from '../store';
import { connect, parseTarget, type ConnectOptions, type Target } from './connect';
import { pgError } from './errors';
import { fieldsOf, isFeature, META_COLUMNS, PG_SCHEMA_VERSION, PUBLISHED_TABLES, schemaDdl, schemaIdent, type PublishedTable } from './pg-schema';
import { communeOf, eachLiveRow, outRow, projectCommunes, type CommuneInfo, type Coercions, type OutRow } from './project-rows';

export interface PublishOptions extends ConnectOptions {
  url: string;
  /** The district's code and name; default the project's settings (required when they have none). */
  district?: { code: string; name: string } | null;
  /** Every commune whatever its review state (each row carries its state), not only approved ones. */
  allStates?: boolean;
  schema?: string;
  author: string;
  onProgress?: (p: PublishProgress) => void;
  signal?: AbortSignal;
}

export interface PublishProgress {
  phase: 'connect' | 'read' | 'send' | 'commit';
  done: number;
  total: number;
}

export interface PublishResult {
  target: string;
  district: string;
  communes: { code: string; name: string; state: string }[];
  /** Every row read (full) or only those changed since the last publish. */
  mode: 'full' | 'incremental' | 'unchanged';
  sent: number;
  tombstones: number;
  /** Field values another program left in the wrong type, sent empty. */
  coerced: number;
  auditSeq: number;
  ms: number;
}

const BATCH = 1_000;

interface DistrictMark {
  audit_seq: string;
  states: Record<string, string>;
  all_states: boolean;
  src_crs: string;
  project_fingerprint: string | null;
}

export function districtOf(store: ProjectStore, given?: { code: string; name: string } | null): { code: string; name: string } {
  const d = given ?? store.getSettings().district;
  const code = (d?.code || d?.name || '').trim();
  if (!d || !code)
    throw new ApiError(
      'validation',
      'Dự án chưa ghi huyện (hoặc đơn vị) của mình, nên tỉnh không biết các xã này thuộc đâu. Ghi huyện trong Cài đặt dự án, hoặc dùng --district MÃ:Tên.',
      "The project names no district (or unit), so the province cannot tell whose communes these are. Set the district in the project settings, or use --district CODE:Name.",
    );
  return { code, name: d.name.trim() || code };
}

/** Creates or upgrades the schema once (DDL only when the stored layout is older), under a lock all publishes share. */
async function ensureSchema(c: pg.Client, schema: string): Promise<void> {
  const s = schemaIdent(schema);
  // to_regclass, not a failing SELECT: an error inside the transaction would abort it.
  const version = async () => {
    const t = await c.query("SELECT to_regclass($1) AS t", [`${s}.qt_meta`]);
    if (!t.rows[0].t) return 0;
    const r = await c.query(`SELECT value FROM ${s}.qt_meta WHERE key = 'schema_version'`);
    return r.rows.length ? Number(r.rows[0].value) : 0;
  };
  if ((await version()) === PG_SCHEMA_VERSION) return;
  await c.query('BEGIN');
  try {
    await c.query("SELECT pg_advisory_xact_lock(hashtext('quytap:schema'))");
    const v = await version();
    if (v > PG_SCHEMA_VERSION)
      throw new ApiError(
        'conflict',
        `Cơ sở dữ liệu tỉnh đã được một phiên bản QuyTap mới hơn nâng cấp (lược đồ ${v}). Cập nhật QuyTap rồi gửi lại.`,
        `The province database was upgraded by a newer QuyTap (layout ${v}). Update QuyTap and publish again.`,
      );
    if (v < PG_SCHEMA_VERSION) {
      const ext = await c.query("SELECT 1 FROM pg_extension WHERE extname = 'postgis'");
      if (!ext.rows.length)
        await c.query('CREATE EXTENSION IF NOT EXISTS postgis').catch((e: unknown) => {
          throw new ApiError(
            'forbidden',
            'Cơ sở dữ liệu tỉnh chưa bật PostGIS và người dùng này không bật được. Người quản trị tỉnh chạy: CREATE EXTENSION postgis; (docs/ROLLUP.md).',
            "The province database has no PostGIS and this user cannot enable it. The province's admin runs: CREATE EXTENSION postgis; (docs/ROLLUP.md).",
            { message: String((e as Error)?.message ?? e) },
          );
        });
      for (const sql of schemaDdl(schema)) await c.query(sql);
      await c.query(`INSERT INTO ${s}.qt_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [String(PG_SCHEMA_VERSION)]);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

interface Plan {
  /** Per table: the rows to send (new or changed) and the ids to tombstone. */
  upserts: Map<PublishedTable, OutRow[]>;
  tombstones: Map<PublishedTable, { uuid: string; version: number | null }[]>;
}

interface DbRow {
  uuid: string;
  version: number;
  deleted: boolean;
  review_state: string;
  commune: string;
}

async function dbRows(c: pg.Client, s: string, t: PublishedTable, district: string, ids: string[] | null): Promise<Map<string, DbRow>> {
  const r = ids
    ? await c.query<DbRow>(`SELECT uuid::text, version, deleted, review_state, commune FROM ${s}."${t}" WHERE district_code = $1 AND uuid = ANY($2::uuid[])`, [district, ids])
    : await c.query<DbRow>(`SELECT uuid::text, version, deleted, review_state, commune FROM ${s}."${t}" WHERE district_code = $1`, [district]);
  return new Map(r.rows.map((x) => [x.uuid, x]));
}

/** Compares what the project wants with what the database has; only differences are written. */
function diff(t: PublishedTable, want: Map<string, OutRow>, have: Map<string, DbRow>, scope: Iterable<string>, gone: Map<string, number>, plan: Plan): void {
  const up: OutRow[] = [];
  const tomb: { uuid: string; version: number | null }[] = [];
  for (const id of scope) {
    const w = want.get(id);
    const h = have.get(id);
    if (w) {
      if (!h || h.deleted || h.version !== w.version || h.review_state !== w.review_state || h.commune !== w.commune) up.push(w);
    } else if (h && !h.deleted) tomb.push({ uuid: id, version: gone.get(id) ?? null });
  }
  if (up.length) plan.upserts.set(t, up);
  if (tomb.length) plan.tombstones.set(t, tomb);
}

async function writeRows(c: pg.Client, s: string, t: PublishedTable, district: string, rows: OutRow[], crs: string, progress: (n: number) => void): Promise<void> {
  const fields = fieldsOf(t);
  const feature = isFeature(t);
  const geomType = feature ? await geomTypeOf(c, s, t) : '';
  const multi = geomType === 'MULTIPOLYGON' || geomType === 'MULTILINESTRING';
  const g = (col: string, srid: number) => (multi ? `ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(x.${col}), ${srid}))` : `ST_SetSRID(ST_GeomFromGeoJSON(x.${col}), ${srid})`);
  const cols = ['district_code', 'uuid', 'commune', 'version', 'review_state', 'deleted', 'created_at', 'updated_at', 'updated_by', 'published_at', 'src_ord', ...fields.map((f) => `"${f.name}"`), ...(feature ? ['geom', 'src_crs', 'geom_src'] : [])];
  const vals = ['$2', 'x.uuid', 'x.commune', 'x.version', 'x.review_state', 'false', 'x.created_at', 'x.updated_at', 'x.updated_by', 'now()', 'x.src_ord', ...fields.map((f) => `x."${f.name}"`), ...(feature ? [g('g', 4326), '$3', g('gs', 0)] : [])];
  const rec = ['uuid uuid', 'commune text', 'version integer', 'review_state text', 'created_at text', 'updated_at text', 'updated_by text', 'src_ord bigint', ...fields.map((f) => `"${f.name}" ${pgTypeOf(f.type)}`), 'g text', 'gs text'];
  const sql = `INSERT INTO ${s}."${t}" (${cols.join(', ')})
SELECT ${vals.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${rec.join(', ')})
ON CONFLICT (district_code, uuid) DO UPDATE SET ${cols.filter((x) => x !== 'district_code' && x !== 'uuid').map((x) => `${x} = excluded.${x}`).join(', ')}`;
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    await c.query(sql, feature ? [JSON.stringify(part), district, crs] : [JSON.stringify(part), district]);
    progress(part.length);
  }
}

const pgTypeOf = (t: string) => ({ integer: 'bigint', real: 'double precision', boolean: 'boolean' })[t] ?? 'text';

async function geomTypeOf(c: pg.Client, s: string, t: PublishedTable): Promise<string> {
  const r = await c.query<{ type: string }>('SELECT type FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = $2 AND f_geometry_column = $3', [s.replace(/"/g, ''), t, 'geom']);
  return r.rows[0]?.type ?? 'GEOMETRY';
}

async function writeTombstones(c: pg.Client, s: string, t: PublishedTable, district: string, rows: { uuid: string; version: number | null }[], progress: (n: number) => void): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    await c.query(
      `UPDATE ${s}."${t}" AS r SET deleted = true, version = greatest(r.version, coalesce(x.version, r.version)), published_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS x(uuid uuid, version integer) WHERE r.district_code = $2 AND r.uuid = x.uuid`,
      [JSON.stringify(part), district],
    );
    progress(part.length);
  }
}

/** The mark a publish leaves: which project, which audit entry, which states. */
function statesOf(communes: Map<string, CommuneInfo>): Record<string, string> {
  return Object.fromEntries([...communes.values()].sort((a, b) => (a.code < b.code ? -1 : 1)).map((c) => [c.code, `${c.state}@${c.updatedAt ?? ''}`]));
}

const sameStates = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

export async function publish(store: ProjectStore, o: PublishOptions): Promise<PublishResult> {
  const t0 = Date.now();
  const target = parseTarget(o.url);
  const schema = o.schema ?? 'quytap';
  const s = schemaIdent(schema);
  const district = districtOf(store, o.district);
  const allStates = !!o.allStates;
  const info = store.info();
  const crs = info.crs.code;
  const source = store.publishSource();
  const report = o.onProgress ?? (() => undefined);
  report({ phase: 'connect', done: 0, total: 0 });
  const c = await connect(target, o);
  const abort = () => void c.end().catch(() => undefined); // ends the session: PostgreSQL rolls the open transaction back
  o.signal?.addEventListener('abort', abort, { once: true });
  try {
    await ensureSchema(c, schema);
    await c.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    await c.query("SELECT pg_advisory_xact_lock(hashtext('quytap:district:' || $1))", [district.code]);
    const markRow = (await c.query<DistrictMark>(`SELECT audit_seq, states, all_states, src_crs, project_fingerprint FROM ${s}.qt_districts WHERE district_code = $1`, [district.code])).rows[0];
    const communes = projectCommunes(store);
    const states = statesOf(communes);
    const fingerprint = source.fingerprint();
    const mark = markRow ? Number(markRow.audit_seq) : -1;
    // The mark is read before the rows: a change written meanwhile is compared again next time.
    const seqNow = source.auditSeq();
    const full = !markRow || markRow.all_states !== allStates || markRow.src_crs !== crs || mark > seqNow || !sameStates(markRow.states, states) || markRow.project_fingerprint !== fingerprint;
    const changes = full ? { seq: seqNow, rows: [] } : source.changesSince(mark);
    const eligible = (code: string | null): CommuneInfo | null => {
      if (code === null) return null;
      const ci = communes.get(code);
      if (allStates) return ci ?? { code, name: code, state: 'draft', updatedAt: null };
      return ci?.state === 'approved' ? ci : null;
    };
    const bad: Coercions = { count: 0 };
    const plan: Plan = { upserts: new Map(), tombstones: new Map() };
    report({ phase: 'read', done: 0, total: PUBLISHED_TABLES.length });
    let tablesRead = 0;
    for (const t of PUBLISHED_TABLES) {
      const want = new Map<string, OutRow>();
      const gone = new Map<string, number>();
      let scope: Iterable<string>;
      let have: Map<string, DbRow>;
      if (full) {
        const order = source.rowOrder(t);
        eachLiveRow(store, t, (r) => {
          const ci = eligible(communeOf(t, r.props));
          if (ci) want.set(r.id, outRow(t, r, ci.code, ci.state, order.get(r.id) ?? 0, crs, bad));
        });
        have = await dbRows(c, s, t, district.code, null);
        scope = new Set([...want.keys(), ...have.keys()]);
      } else {
        const ids = [...new Set(changes.rows.filter((x) => x.table === t).map((x) => x.id))];
        if (!ids.length) continue;
        const order = source.rowOrder(t, ids);
        for (const id of ids) {
          const r = store.get(t as TableName, id) as Row | null;
          if (!r) continue;
          const ci = r.meta.deleted ? null : eligible(communeOf(t, r.props));
          if (ci) want.set(id, outRow(t, r, ci.code, ci.state, order.get(id) ?? 0, crs, bad));
          else gone.set(id, r.meta.version);
        }
        have = await dbRows(c, s, t, district.code, ids);
        scope = ids;
      }
      diff(t, want, have, scope, gone, plan);
      report({ phase: 'read', done: ++tablesRead, total: PUBLISHED_TABLES.length });
    }
    const published = [...communes.values()].filter((ci) => eligible(ci.code));
    const sent = [...plan.upserts.values()].reduce((a, r) => a + r.length, 0);
    const tombstones = [...plan.tombstones.values()].reduce((a, r) => a + r.length, 0);
    const communesChanged = await communesDiffer(c, s, district.code, published);
    const result = (mode: PublishResult['mode']): PublishResult => ({
      target: target.display,
      district: district.code,
      communes: published.map((x) => ({ code: x.code, name: x.name, state: x.state })),
      mode,
      sent,
      tombstones,
      coerced: bad.count,
      auditSeq: changes.seq,
      ms: Date.now() - t0,
    });
    if (!sent && !tombstones && !communesChanged && markRow && mark === changes.seq && !full) {
      await c.query('ROLLBACK'); // nothing to write: the database stays exactly as it was
      return result('unchanged');
    }
    const total = sent + tombstones;
    let done = 0;
    const step = (n: number) => {
      done += n;
      report({ phase: 'send', done, total });
      if (o.signal?.aborted) throw new ApiError('cancelled', 'Đã dừng gửi; cơ sở dữ liệu tỉnh giữ nguyên như trước.', 'Publishing stopped; the province database is as it was.');
    };
    report({ phase: 'send', done: 0, total });
    await c.query(
      `INSERT INTO ${s}.qt_districts (district_code, district_name, province_code, province_name, project_title, project_fingerprint, src_crs, src_crs_wkt, audit_seq, states, all_states, published_at, published_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), $12)
       ON CONFLICT (district_code) DO UPDATE SET district_name = excluded.district_name, province_code = excluded.province_code, province_name = excluded.province_name,
         project_title = excluded.project_title, project_fingerprint = excluded.project_fingerprint, src_crs = excluded.src_crs, src_crs_wkt = excluded.src_crs_wkt,
         audit_seq = excluded.audit_seq, states = excluded.states, all_states = excluded.all_states,
         published_at = CASE WHEN $13 THEN now() ELSE ${s}.qt_districts.published_at END, published_by = CASE WHEN $13 THEN excluded.published_by ELSE ${s}.qt_districts.published_by END`,
      [district.code, district.name, info.settings.province.code, info.settings.province.name, info.settings.title, fingerprint, crs, info.crs.definition, changes.seq, JSON.stringify(states), allStates, o.author, total > 0 || communesChanged],
    );
    if (communesChanged) {
      await c.query(`DELETE FROM ${s}.qt_communes WHERE district_code = $1`, [district.code]);
      await c.query(
        `INSERT INTO ${s}.qt_communes (district_code, code, name, review_state, state_updated_at) SELECT $1, x.code, x.name, x.state, x.updated FROM jsonb_to_recordset($2::jsonb) AS x(code text, name text, state text, updated text)`,
        [district.code, JSON.stringify(published.map((x) => ({ code: x.code, name: x.name, state: x.state, updated: x.updatedAt })))],
      );
    }
    for (const [t, rows] of plan.upserts) await writeRows(c, s, t, district.code, rows, crs, step);
    for (const [t, rows] of plan.tombstones) await writeTombstones(c, s, t, district.code, rows, step);
    if (total > 0)
      await c.query(`INSERT INTO ${s}.qt_publish_log (district_code, at, by, audit_seq, full_sync, rows_sent, tombstones) VALUES ($1, now(), $2, $3, $4, $5, $6)`, [district.code, o.author, changes.seq, full, sent, tombstones]);
    report({ phase: 'commit', done: total, total });
    await c.query('COMMIT');
    return result(full ? 'full' : 'incremental');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    if (o.signal?.aborted) throw new ApiError('cancelled', 'Đã dừng gửi; cơ sở dữ liệu tỉnh giữ nguyên như trước.', 'Publishing stopped; the province database is as it was.');
    throw pgError(e, target);
  } finally {
    o.signal?.removeEventListener('abort', abort);
    await c.end().catch(() => undefined);
  }
}

async function communesDiffer(c: pg.Client, s: string, district: string, published: CommuneInfo[]): Promise<boolean> {
  const r = await c.query<{ code: string; name: string; review_state: string; state_updated_at: string | null }>(
    `SELECT code, name, review_state, state_updated_at FROM ${s}.qt_communes WHERE district_code = $1 ORDER BY code COLLATE "C"`,
    [district],
  );
  const want = [...published].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((x) => [x.code, x.name, x.state, x.updatedAt]);
  return JSON.stringify(r.rows.map((x) => [x.code, x.name, x.review_state, x.state_updated_at])) !== JSON.stringify(want);
}

export type { Target };
export { META_COLUMNS };
