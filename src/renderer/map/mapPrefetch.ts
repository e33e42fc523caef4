// The map's whole-table reads, asked before the workspace and the map are built so that they travel
// meanwhile (a quarter of a second of a first render). When the page knows the project (App), it
// asks for every table small enough to read whole. Earlier still, at start (startup.ts), it asks
// for the tables the same project had the last time this profile opened it, or, in a profile that
// never opened one (a new browser, a new machine: the cold start), for every feature table of
// whatever project is open: the answers say which project they come from, and only those from the
// project that opens are kept. The map takes each answer once, for its first read of the table; a
// change to a table before then drops its answer, so nothing stale is ever drawn.
import type { ApiClient, ProjectInfo } from '../../shared/api';
import { MAP_READ_WHOLE_UP_TO, type MapLayer } from '../../shared/contract/map-layer-format';
import type { TableName } from '../../shared/model';

const answers = new Map<string, Promise<MapLayer>>();
let unsubscribe: (() => void) | null = null;
let askedFor: string | null = null;
let client: ApiClient | null = null;

const keyOf = (path: string, table: string) => `${path}\n${table}`;
const MEMORY_KEY = 'quytap.mapReads';

/** The project this profile opened last and its tables read whole, if remembered. */
function remembered(): { path: string; tables: TableName[] } | null {
  try {
    const m = JSON.parse(localStorage.getItem(MEMORY_KEY) ?? 'null') as { path?: unknown; tables?: unknown } | null;
    if (m && typeof m.path === 'string' && Array.isArray(m.tables) && m.tables.every((t) => typeof t === 'string')) return { path: m.path, tables: m.tables as TableName[] };
  } catch {
    // Unreadable or unavailable storage: nothing is guessed.
  }
  return null;
}

function remember(path: string, tables: readonly TableName[]): void {
  try {
    localStorage.setItem(MEMORY_KEY, JSON.stringify({ path, tables }));
  } catch {
    // A full or disabled storage only costs the next start its head start.
  }
}

function ask(api: ApiClient, path: string, table: TableName): void {
  const answer = api.invoke('features.map', { table });
  // A failed read (asked at start with no project open yet) is forgotten, so the opening of a
  // project asks afresh instead of taking it; the map reports the failure of its own read.
  answer.catch(() => {
    for (const [k, a] of answers) if (a === answer) answers.delete(k);
  });
  answers.set(keyOf(path, table), answer);
}

function listen(api: ApiClient, path: string): void {
  unsubscribe?.();
  unsubscribe = api.on('project.changed', ({ tables: changed }) => {
    for (const t of changed) answers.delete(keyOf(path, t));
  });
}

/** Answers asked at start in a profile that remembers no project: their project is known when they come. */
const UNKNOWN = '';

/** At start, before the page knows the project: the reads the last opening of it needed. */
export function prefetchRememberedMapReads(api: ApiClient, tables: readonly TableName[]): void {
  // Nothing remembered: every table, not waiting for project.info (its round trip was 0.1–0.25 s of
  // a cold first render on a loaded machine). A table too big to read whole costs one capped read,
  // once per browser profile; with no project open the reads fail quietly and are not used.
  const m = remembered() ?? { path: UNKNOWN, tables: [...tables] };
  dropPrefetched();
  client = api;
  askedFor = m.path;
  for (const t of m.tables) if (tables.includes(t)) ask(api, m.path, t);
  listen(api, m.path);
}

export function prefetchMapReads(api: ApiClient, info: ProjectInfo, tables: readonly TableName[]): void {
  const whole = info.layers.filter((l) => tables.includes(l.table) && l.count <= MAP_READ_WHOLE_UP_TO).map((l) => l.table);
  remember(info.path, whole);
  if (askedFor === UNKNOWN && answers.size) {
    // Asked at start for whatever project was open: kept under this one's name (takePrefetched
    // still asks again if an answer names another project).
    const kept = [...answers].filter(([k]) => whole.includes(k.split('\n')[1] as TableName));
    answers.clear();
    for (const [k, a] of kept) answers.set(keyOf(info.path, k.split('\n')[1]!), a);
    askedFor = info.path;
    listen(api, info.path);
  }
  if (askedFor === info.path && answers.size) {
    // Asked at start and not taken yet: those serve; a table that grew past a whole read is
    // dropped, one that is new to the list is asked now.
    for (const k of [...answers.keys()]) if (!whole.includes(k.split('\n')[1] as TableName)) answers.delete(k);
    for (const t of whole) if (!answers.has(keyOf(info.path, t))) ask(api, info.path, t);
    return;
  }
  dropPrefetched();
  client = api;
  askedFor = info.path;
  for (const t of whole) ask(api, info.path, t);
  listen(api, info.path);
}

/**
 * The answer asked for before the map was made, once; null if there is none (any more). One that
 * turns out to come from another project (the main side opened another one meanwhile), or failed
 * (asked at start, before any project was open), is asked again.
 */
export function takePrefetched(path: string, table: TableName): Promise<MapLayer> | null {
  const k = keyOf(path, table);
  const answer = answers.get(k) ?? null;
  const api = client;
  answers.delete(k);
  if (!answers.size) dropPrefetched();
  if (!answer || !api) return answer;
  const again = () => api.invoke('features.map', { table });
  return answer.then((a) => (a.project !== undefined && a.project !== path ? again() : a), again);
}

export function dropPrefetched(): void {
  answers.clear();
  askedFor = null;
  unsubscribe?.();
  unsubscribe = null;
}
