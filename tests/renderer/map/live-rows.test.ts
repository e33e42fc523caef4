// Another window's edit on this window's map (liveRows.ts): the rows named by project.changed are
// read again by their extents and put in place (the same Feature, so selection and labels hold),
// deleted rows leave, new rows join; an answer overtaken by a later edit's never undoes it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Feature from 'ol/Feature';
import type Point from 'ol/geom/Point';
import VectorSource from 'ol/source/Vector';
import type { ApiClient } from '../../../src/shared/api';
import { ProjectStore } from '../../../src/main/store';
import { changeOf } from '../../../src/main/services/live-rows';
import { featuresOf } from '../../../src/renderer/map/mapFeatures';
import { LiveRows } from '../../../src/renderer/map/liveRows';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from '../../main/store/helpers';

const tmp = tempDir('quytap-live-rows-');
let store: ProjectStore;
const id = (n: number) => `6a1c2d3e-4f5a-4b6c-8d7e-${n.toString(16).padStart(12, '0')}`;
const grave = (n: number, x: number, name: string) => ({
  table: 'graves' as const,
  id: id(n),
  geometry: { type: 'Point' as const, coordinates: [X0 + x, Y0] },
  props: { kind: 'newly_found', verification: 'not_verified', name },
});

beforeAll(() => {
  store = ProjectStore.create(join(tmp.dir, 'l.gpkg'), DAK_NONG_CRS, SETTINGS, AUTHOR);
  store.applyEdit({ put: [grave(1, 0, 'một'), grave(2, 100, 'hai'), grave(9, 65, 'láng giềng')] }, AUTHOR);
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

/** The map's side: a source loaded from the store, a fake API whose features.map answers are held until released. */
function mapOf() {
  const source = new VectorSource();
  source.addFeatures(featuresOf(store.mapLayer('graves')));
  const held: (() => void)[] = [];
  let hold = false;
  const asked: unknown[] = [];
  const api = {
    invoke: (method: string, q: { table: 'graves'; bbox?: [number, number, number, number] }) => {
      asked.push({ method, ...q });
      const answer = store.mapLayer(q.table, q.bbox); // read now, as the server would
      if (!hold) return Promise.resolve(answer);
      return new Promise((resolve) => held.push(() => resolve(answer)));
    },
    on: () => () => {},
  } as unknown as ApiClient;
  const labels = { added: [] as Feature[], removed: [] as Feature[] };
  const reloaded: string[] = [];
  const live = new LiveRows(api, {
    table: (name) => (name === 'graves' ? { name: 'graves', source, ready: true } : null),
    labels: { add: (_t, fs) => labels.added.push(...fs), remove: (fs) => labels.removed.push(...fs) },
    reload: (tables) => reloaded.push(...tables),
    updated: () => {},
  });
  return { source, live, labels, reloaded, asked, held, setHold: (h: boolean) => (hold = h) };
}

const version = (f: Feature | null) => (f?.get('__meta') as { version: number } | undefined)?.version;

describe('LiveRows', () => {
  it('puts the edited rows in place, removes the deleted, adds the new, and leaves the neighbours alone', async () => {
    const m = mapOf();
    const one = m.source.getFeatureById(id(1)) as Feature;
    const neighbour = m.source.getFeatureById(id(9)) as Feature;
    const changed = new Set<unknown>();
    m.source.on('changefeature', (e) => changed.add(e.feature?.getId()));
    const r = store.applyEdit(
      {
        put: [{ table: 'graves', id: id(1), baseVersion: 1, geometry: { type: 'Point', coordinates: [X0 + 60, Y0] }, props: { name: 'một (sửa)' } }, grave(3, 70, 'ba')],
        remove: [{ table: 'graves', id: id(2), baseVersion: 1 }],
      },
      AUTHOR,
    );
    await m.live.apply(changeOf(store, r));
    expect(m.source.getFeatureById(id(1))).toBe(one); // the same Feature, changed in place
    expect(one.get('name')).toBe('một (sửa)');
    expect((one.getGeometry() as Point).getCoordinates()).toEqual([X0 + 60, Y0]);
    expect(version(one)).toBe(2);
    expect(m.source.getFeatureById(id(2))).toBeNull();
    expect(m.labels.removed.map((f) => f.getId())).toEqual([id(2)]);
    expect(m.source.getFeatureById(id(3))?.get('name')).toBe('ba');
    expect(m.labels.added.map((f) => f.getId())).toEqual([id(3)]);
    // Only the edited feature changed (its tiles are redrawn), not the neighbour in between.
    expect(m.source.getFeatureById(id(9))).toBe(neighbour);
    expect([...changed]).toEqual([id(1)]);
    expect(m.reloaded).toEqual([]);
    // One read, by the extent of the rows now placed.
    expect(m.asked).toEqual([{ method: 'features.map', table: 'graves', bbox: [X0 + 60, Y0, X0 + 70, Y0] }]);
  });

  it('never lets an older answer overwrite a newer one that arrived first', async () => {
    const m = mapOf();
    m.setHold(true);
    const v = version(m.source.getFeatureById(id(1)) as Feature)!;
    const first = store.applyEdit({ put: [{ table: 'graves', id: id(1), baseVersion: v, props: { name: 'lần 1' } }] }, AUTHOR);
    const p1 = m.live.apply(changeOf(store, first));
    const second = store.applyEdit({ put: [{ table: 'graves', id: id(1), baseVersion: v + 1, props: { name: 'lần 2' } }] }, AUTHOR);
    const p2 = m.live.apply(changeOf(store, second));
    m.held[1]!(); // the second read answers first
    await p2;
    m.held[0]!();
    await p1;
    const f = m.source.getFeatureById(id(1)) as Feature;
    expect(f.get('name')).toBe('lần 2');
    expect(version(f)).toBe(v + 2);
  });

  it('reads a table again whole when the event names no rows (an import)', async () => {
    const m = mapOf();
    await m.live.apply({ tables: ['graves', 'martyrs'], editId: 7 });
    expect(m.reloaded).toEqual(['graves']);
    expect(m.asked).toEqual([]);
  });
});
