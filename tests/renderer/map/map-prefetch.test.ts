// The map's early reads: asked at start for the project this profile opened last (every table in a
// profile that never opened one), kept only when that project is the one that opens and the answers
// say they come from it; anything else is asked again, and a table changed before the map takes its
// answer loses it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient, ProjectInfo } from '../../../src/shared/api';
import { MAP_READ_WHOLE_UP_TO } from '../../../src/shared/contract/map-layer';
import type { TableName } from '../../../src/shared/model';
import { dropPrefetched, prefetchMapReads, prefetchRememberedMapReads, takePrefetched } from '../../../src/renderer/map/mapPrefetch';

const TABLES: TableName[] = ['graves', 'search_areas', 'admin_units'];

/** A client whose features.map answers come from whichever project `serverProject` names. */
function fakeApi() {
  const asked: string[] = [];
  const listeners = new Set<(p: { tables: string[] }) => void>();
  const state = { serverProject: '/p/a.gpkg', fail: false };
  const api = {
    invoke: vi.fn(async (method: string, input: { table: string }) => {
      if (method !== 'features.map') throw new Error(method);
      asked.push(input.table);
      if (state.fail) throw new Error('no_project');
      return { table: input.table, project: state.serverProject, ids: [] } as never;
    }),
    on: (_: string, cb: (p: { tables: string[] }) => void) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  } as unknown as ApiClient;
  const changed = (tables: string[]) => listeners.forEach((cb) => cb({ tables }));
  return { api, asked, state, changed };
}

const info = (path: string, counts: Partial<Record<TableName, number>>): ProjectInfo =>
  ({ path, layers: Object.entries(counts).map(([table, count]) => ({ table, count, kind: 'feature' })) }) as unknown as ProjectInfo;

beforeEach(() => {
  const m = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => m.set(k, v) });
  dropPrefetched();
});
afterEach(() => vi.unstubAllGlobals());

describe('map prefetch', () => {
  it('on a first start asks every table at once, keeps those read whole once the project is known, and remembers them', async () => {
    const f = fakeApi();
    prefetchRememberedMapReads(f.api, TABLES);
    expect(f.asked.sort()).toEqual([...TABLES].sort());
    prefetchMapReads(f.api, info('/p/a.gpkg', { graves: 45_000, search_areas: MAP_READ_WHOLE_UP_TO + 1, admin_units: 7 }), TABLES);
    // Nothing asked twice; the table too big to read whole is not the map's answer.
    expect(f.asked).toHaveLength(3);
    expect(takePrefetched('/p/a.gpkg', 'search_areas')).toBeNull();
    expect((await takePrefetched('/p/a.gpkg', 'graves'))!.project).toBe('/p/a.gpkg');
    expect((await takePrefetched('/p/a.gpkg', 'admin_units'))!.project).toBe('/p/a.gpkg');
    expect(f.asked).toHaveLength(3);

    // The next start asks for the same tables before the project is known, and keeps them.
    dropPrefetched();
    const g = fakeApi();
    prefetchRememberedMapReads(g.api, TABLES);
    expect(g.asked.sort()).toEqual(['admin_units', 'graves']);
    // Known now: admin_units has grown past a whole read (dropped), search_areas shrank (asked).
    prefetchMapReads(g.api, info('/p/a.gpkg', { graves: 45_000, search_areas: 10, admin_units: MAP_READ_WHOLE_UP_TO + 1 }), TABLES);
    expect(g.asked.sort()).toEqual(['admin_units', 'graves', 'search_areas']);
    expect(takePrefetched('/p/a.gpkg', 'admin_units')).toBeNull();
    expect((await takePrefetched('/p/a.gpkg', 'graves'))!.table).toBe('graves');
    expect(g.asked).toHaveLength(3);
  });

  it('asks again when the answer came from another project or failed, and drops a changed table', async () => {
    const f = fakeApi();
    prefetchMapReads(f.api, info('/p/a.gpkg', { graves: 5, search_areas: 5 }), TABLES);
    dropPrefetched();

    // Another project was opened on the main side meanwhile: its answers are not drawn.
    f.state.serverProject = '/p/b.gpkg';
    prefetchRememberedMapReads(f.api, TABLES);
    prefetchMapReads(f.api, info('/p/a.gpkg', { graves: 5, search_areas: 5 }), TABLES);
    f.state.serverProject = '/p/a.gpkg';
    f.asked.length = 0;
    expect((await takePrefetched('/p/a.gpkg', 'graves'))!.project).toBe('/p/a.gpkg');
    expect(f.asked).toEqual(['graves']);

    // A change to a table before the map takes it: no answer kept for it.
    f.changed(['search_areas']);
    expect(takePrefetched('/p/a.gpkg', 'search_areas')).toBeNull();

    // Asked at start while no project was open: the failure is not the map's answer.
    dropPrefetched();
    f.state.fail = true;
    prefetchRememberedMapReads(f.api, TABLES);
    const failing = takePrefetched('/p/a.gpkg', 'graves')!;
    f.state.fail = false;
    expect((await failing).project).toBe('/p/a.gpkg');
  });

  it('forgets the start reads that failed (no project open yet): opening one asks afresh at once', async () => {
    const f = fakeApi();
    f.state.fail = true;
    prefetchRememberedMapReads(f.api, TABLES);
    await new Promise((r) => setTimeout(r, 0));
    f.state.fail = false;
    f.asked.length = 0;
    prefetchMapReads(f.api, info('/p/a.gpkg', { graves: 5, search_areas: 5 }), TABLES);
    expect(f.asked.sort()).toEqual(['graves', 'search_areas']);
    expect((await takePrefetched('/p/a.gpkg', 'graves'))!.project).toBe('/p/a.gpkg');
    expect(f.asked).toHaveLength(2);
  });

  it('drops the guess when another project opens', () => {
    const f = fakeApi();
    prefetchMapReads(f.api, info('/p/a.gpkg', { graves: 5 }), TABLES);
    dropPrefetched();
    prefetchRememberedMapReads(f.api, TABLES);
    prefetchMapReads(f.api, info('/p/c.gpkg', { search_areas: 5 }), TABLES);
    expect(takePrefetched('/p/a.gpkg', 'graves')).toBeNull();
    expect(takePrefetched('/p/c.gpkg', 'search_areas')).not.toBeNull();
  });
});
