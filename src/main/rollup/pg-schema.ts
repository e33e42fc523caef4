// The province database's layout: one PostgreSQL schema (default "quytap") holding the project
// model's tables (one row per district and UUID), the districts' publish bookkeeping and the
// statistics views. This is SQL of ANOTHER database, not of the project file (which only
// src/main/store touches); tests/architecture.test.ts allows it in this folder alone.
import { GRAVE_KINDS, SEARCH_AREA_STATUSES, STATISTICS, TABLES, type FieldDef, type FieldType, type TableName } from '../../shared/model';
import { ApiError } from '../../shared/api-error';

/** Bumped when the layout below changes; a database of a newer layout is refused. */
export const PG_SCHEMA_VERSION = 1;

/**
 * The tables sent: those whose rows belong to a commune (commune_code, or the commune's own
 * boundary in admin_units; conclusions by commune_code else unit_code, as the statistics read
 * them). Base lines and areas (district-wide, no commune), links and attachments stay in the district.
 */
export const PUBLISHED_TABLES = ['admin_units', 'search_areas', 'graves', 'cemeteries', 'info_points', 'base_points', 'martyrs', 'info_forms', 'conclusions'] as const satisfies readonly TableName[];
export type PublishedTable = (typeof PUBLISHED_TABLES)[number];

/** Columns every row carries besides the table's own fields. */
export const META_COLUMNS = ['district_code', 'uuid', 'commune', 'version', 'review_state', 'deleted', 'created_at', 'updated_at', 'updated_by', 'published_at', 'src_ord', 'geom', 'src_crs', 'geom_src'] as const;

const PG_TYPE: Record<FieldType, string> = { text: 'text', integer: 'bigint', real: 'double precision', date: 'text', enum: 'text', boolean: 'boolean' };
const GEOM_TYPE = { POINT: 'Point', MULTILINESTRING: 'MultiLineString', MULTIPOLYGON: 'MultiPolygon', GEOMETRY: 'Geometry' } as const;

export const fieldsOf = (t: PublishedTable) => TABLES[t].fields as readonly FieldDef[];
export const pgType = (f: FieldDef) => PG_TYPE[f.type];
export const isFeature = (t: PublishedTable) => TABLES[t].kind === 'feature';

/** A schema name as an identifier: letters, digits, underscore (so it is never quoted wrongly). */
export function schemaIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new ApiError('validation', `Tên lược đồ (schema) "${name}" không hợp lệ: chỉ chữ thường không dấu, số và dấu gạch dưới.`, `The schema name "${name}" is not valid: lower-case ASCII letters, digits and underscores only.`);
  return `"${name}"`;
}

function tableDdl(s: string, t: PublishedTable): string[] {
  const fields = fieldsOf(t);
  const clash = fields.find((f) => (META_COLUMNS as readonly string[]).includes(f.name));
  if (clash) throw new Error(`${t}.${clash.name} clashes with a roll-up column`); // a model change must rename the roll-up column
  const geo = TABLES[t] as { geometryType?: keyof typeof GEOM_TYPE };
  const cols = [
    'district_code text NOT NULL',
    'uuid uuid NOT NULL',
    'commune text NOT NULL',
    'version integer NOT NULL',
    'review_state text NOT NULL',
    'deleted boolean NOT NULL DEFAULT false',
    'created_at text',
    'updated_at text',
    'updated_by text',
    'published_at timestamptz NOT NULL',
    'src_ord bigint NOT NULL',
    ...fields.map((f) => `"${f.name}" ${pgType(f)}`),
    ...(geo.geometryType ? [`geom geometry(${GEOM_TYPE[geo.geometryType]}, 4326)`, 'src_crs text', 'geom_src geometry'] : []),
    'PRIMARY KEY (district_code, uuid)',
  ];
  return [
    `CREATE TABLE IF NOT EXISTS ${s}."${t}" (\n  ${cols.join(',\n  ')}\n)`,
    `CREATE INDEX IF NOT EXISTS "${t}_commune_idx" ON ${s}."${t}" (district_code, commune) WHERE NOT deleted`,
    ...(geo.geometryType ? [`CREATE INDEX IF NOT EXISTS "${t}_geom_idx" ON ${s}."${t}" USING gist (geom)`] : []),
  ];
}

function bookkeepingDdl(s: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.qt_meta (key text PRIMARY KEY, value text NOT NULL)`,
    // One row per district: what its last publish covered (the project's audit mark and review
    // states), so a repeat sends only what changed and a second project file is noticed.
    `CREATE TABLE IF NOT EXISTS ${s}.qt_districts (
  district_code text PRIMARY KEY,
  district_name text NOT NULL,
  province_code text,
  province_name text,
  project_title text,
  project_fingerprint text,
  src_crs text NOT NULL,
  src_crs_wkt text NOT NULL,
  audit_seq bigint NOT NULL,
  states jsonb NOT NULL,
  all_states boolean NOT NULL,
  published_at timestamptz NOT NULL,
  published_by text NOT NULL
)`,
    `CREATE TABLE IF NOT EXISTS ${s}.qt_communes (
  district_code text NOT NULL REFERENCES ${s}.qt_districts ON DELETE CASCADE,
  code text NOT NULL,
  name text NOT NULL,
  review_state text NOT NULL,
  state_updated_at text,
  PRIMARY KEY (district_code, code)
)`,
    `CREATE TABLE IF NOT EXISTS ${s}.qt_publish_log (
  id bigserial PRIMARY KEY,
  district_code text NOT NULL,
  at timestamptz NOT NULL,
  by text NOT NULL,
  audit_seq bigint NOT NULL,
  full_sync boolean NOT NULL,
  rows_sent integer NOT NULL,
  tombstones integer NOT NULL
)`,
  ];
}

const sumFig = (k: string) => `sum(c."${k}") AS "${k}"`;

/**
 * The statistics of every published commune, by the rule of docs/STATISTICS.md and
 * shared/review/statistics.ts communeStatistics(): the latest district-level conclusion, else the
 * latest commune-level one, else the sum of the village-level ones (the latest per village; a
 * village is its unit_code when not the commune's, else its name with case and spacing folded);
 * same level and date: the one written later in the project (src_ord). Beside them the map's own
 * counts (graves by kind, areas by status, remains estimated in areas not done) and the mismatch flag.
 */
function statisticsViews(s: string): string[] {
  const figs = STATISTICS.map((k) => `c."${k}"`).join(', ');
  const kinds = GRAVE_KINDS.map((k) => `count(*) FILTER (WHERE kind = '${k}') AS "graves_${k}"`).join(',\n    ');
  const statuses = SEARCH_AREA_STATUSES.map((k) => `count(*) FILTER (WHERE status = '${k}') AS "areas_${k}"`).join(',\n    ');
  const commune = `CREATE OR REPLACE VIEW ${s}.commune_statistics AS
WITH c AS (
  SELECT district_code, uuid, src_ord, level, coalesce(date, '') COLLATE "C" AS d, nullif(btrim(date), '') COLLATE "C" AS meeting_date,
         coalesce(nullif(btrim(commune_code), ''), nullif(btrim(unit_code), '')) AS commune,
         nullif(btrim(unit_code), '') AS ucode, nullif(btrim(unit_name), '') AS uname, ${figs}
  FROM ${s}.conclusions c WHERE NOT deleted
), top AS (
  SELECT DISTINCT ON (district_code, commune, level) district_code, commune, level, uuid
  FROM c WHERE level IN ('district', 'commune') AND commune IS NOT NULL
  ORDER BY district_code, commune, level, d DESC, src_ord DESC
), village AS (
  SELECT DISTINCT ON (district_code, commune, vkey) district_code, commune, uuid
  FROM (SELECT c.*, CASE WHEN ucode IS NOT NULL AND ucode <> commune THEN 'code:' || ucode
                         WHEN uname IS NOT NULL THEN 'name:' || regexp_replace(lower(normalize(uname, NFC)), '\\s+', ' ', 'g')
                         ELSE 'id:' || uuid END AS vkey
        FROM c WHERE level = 'village' AND commune IS NOT NULL) v
  ORDER BY district_code, commune, vkey, d DESC, src_ord DESC
), used AS (
  SELECT district_code, commune, uuid, 'district' AS source FROM top WHERE level = 'district'
  UNION ALL
  SELECT t.district_code, t.commune, t.uuid, 'commune' FROM top t WHERE t.level = 'commune'
    AND NOT EXISTS (SELECT 1 FROM top d WHERE d.level = 'district' AND d.district_code = t.district_code AND d.commune = t.commune)
  UNION ALL
  SELECT v.district_code, v.commune, v.uuid, 'village' FROM village v
    WHERE NOT EXISTS (SELECT 1 FROM top d WHERE d.district_code = v.district_code AND d.commune = v.commune)
), fig AS (
  SELECT u.district_code, u.commune, min(u.source) AS source, max(c.meeting_date) AS date, ${STATISTICS.map(sumFig).join(', ')}
  FROM used u JOIN c ON c.district_code = u.district_code AND c.uuid = u.uuid
  GROUP BY u.district_code, u.commune
), g AS (
  SELECT district_code, btrim(commune_code) AS commune, count(*) AS graves,
    ${kinds}
  FROM ${s}.graves WHERE NOT deleted AND nullif(btrim(commune_code), '') IS NOT NULL GROUP BY 1, 2
), a AS (
  SELECT district_code, btrim(commune_code) AS commune, count(*) AS areas,
    ${statuses},
    coalesce(sum(estimated_remains) FILTER (WHERE status IS DISTINCT FROM 'done'), 0) AS estimated_remains_open
  FROM ${s}.search_areas WHERE NOT deleted AND nullif(btrim(commune_code), '') IS NOT NULL GROUP BY 1, 2
)
SELECT co.district_code || '/' || co.code AS id, co.district_code, d.district_name, co.code AS commune_code, co.name AS commune_name,
  co.review_state, coalesce(fig.source, 'none') AS source, fig.date,
  ${STATISTICS.map((k) => `fig."${k}"`).join(', ')},
  coalesce(g.graves, 0) AS map_graves,
  ${GRAVE_KINDS.map((k) => `coalesce(g."graves_${k}", 0) AS "map_graves_${k}"`).join(', ')},
  coalesce(a.areas, 0) AS map_areas,
  ${SEARCH_AREA_STATUSES.map((k) => `coalesce(a."areas_${k}", 0) AS "map_areas_${k}"`).join(', ')},
  coalesce(a.estimated_remains_open, 0) AS map_estimated_remains_open,
  (fig.family_cared IS NOT NULL AND fig.family_cared <> coalesce(g.graves_family_cared, 0)) AS mismatch_family_cared,
  (SELECT u.geom FROM ${s}.admin_units u WHERE u.district_code = co.district_code AND u.commune = co.code AND NOT u.deleted ORDER BY u.src_ord DESC LIMIT 1) AS geom
FROM ${s}.qt_communes co
JOIN ${s}.qt_districts d ON d.district_code = co.district_code
LEFT JOIN fig ON fig.district_code = co.district_code AND fig.commune = co.code
LEFT JOIN g ON g.district_code = co.district_code AND g.commune = co.code
LEFT JOIN a ON a.district_code = co.district_code AND a.commune = co.code`;
  // The district's totals as shared/review/statistics.ts districtTotals(): each figure summed over
  // the communes that have it (empty when none has), a figure flagged when any commune's is.
  const district = `CREATE OR REPLACE VIEW ${s}.district_statistics AS
SELECT d.district_code, d.district_name, d.province_name, d.published_at, count(cs.commune_code) AS communes,
  count(cs.commune_code) FILTER (WHERE cs.review_state = 'approved') AS communes_approved,
  ${STATISTICS.map((k) => `sum(cs."${k}") AS "${k}"`).join(', ')},
  coalesce(sum(cs.map_graves), 0) AS map_graves,
  ${GRAVE_KINDS.map((k) => `coalesce(sum(cs."map_graves_${k}"), 0) AS "map_graves_${k}"`).join(', ')},
  coalesce(sum(cs.map_areas), 0) AS map_areas,
  ${SEARCH_AREA_STATUSES.map((k) => `coalesce(sum(cs."map_areas_${k}"), 0) AS "map_areas_${k}"`).join(', ')},
  coalesce(sum(cs.map_estimated_remains_open), 0) AS map_estimated_remains_open,
  coalesce(bool_or(cs.mismatch_family_cared), false) AS mismatch_family_cared
FROM ${s}.qt_districts d LEFT JOIN ${s}.commune_statistics cs ON cs.district_code = d.district_code
GROUP BY d.district_code, d.district_name, d.province_name, d.published_at`;
  return [`DROP VIEW IF EXISTS ${s}.district_statistics`, `DROP VIEW IF EXISTS ${s}.commune_statistics`, commune, district];
}

/** Every statement that brings an empty or older database to this layout (each one idempotent). */
export function schemaDdl(schema: string): string[] {
  const s = schemaIdent(schema);
  return [`CREATE SCHEMA IF NOT EXISTS ${s}`, ...bookkeepingDdl(s), ...PUBLISHED_TABLES.flatMap((t) => tableDdl(s, t)), ...statisticsViews(s)];
}
