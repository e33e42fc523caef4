// The map's whole-table reads, asked as soon as the page knows the project (App), so that they
// travel while the workspace and the map are being built instead of after (a quarter of a second
// of a first render). The map takes each answer once, for its first read of the table; a change to
// a table before then drops its answer, so nothing stale is ever drawn.
import type { ApiClient, ProjectInfo } from '../../shared/api';
import { MAP_READ_WHOLE_UP_TO, type MapLayer } from '../../shared/contract/map-layer';
import type { TableName } from '../../shared/model';

const answers = new Map<string, Promise<MapLayer>>();
let unsubscribe: (() => void) | null = null;
let askedFor: string | null = null;

const keyOf = (path: string, table: string) => `${path}\n${table}`;

export function prefetchMapReads(api: ApiClient, info: ProjectInfo, tables: readonly TableName[]): void {
  // Asked already at start (startup.ts) and not taken yet: those answers serve.
  if (askedFor === info.path && answers.size) return;
  dropPrefetched();
  askedFor = info.path;
  for (const l of info.layers) {
    if (!tables.includes(l.table) || l.count > MAP_READ_WHOLE_UP_TO) continue;
    const answer = api.invoke('features.map', { table: l.table });
    answer.catch(() => {}); // a failure is reported when the map takes the answer
    answers.set(keyOf(info.path, l.table), answer);
  }
  unsubscribe = api.on('project.changed', ({ tables: changed }) => {
    for (const t of changed) answers.delete(keyOf(info.path, t));
  });
}

/** The answer asked for at start-up, once; null if there is none (any more). */
export function takePrefetched(path: string, table: TableName): Promise<MapLayer> | null {
  const k = keyOf(path, table);
  const answer = answers.get(k) ?? null;
  answers.delete(k);
  if (!answers.size) dropPrefetched();
  return answer;
}

export function dropPrefetched(): void {
  answers.clear();
  askedFor = null;
  unsubscribe?.();
  unsubscribe = null;
}
