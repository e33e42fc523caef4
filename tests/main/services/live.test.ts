// The district hall's live side: what project.changed says about an edit (its rows, their versions
// and extents, so that clients redraw only those), and presence reports expiring after 15 s.
import { describe, expect, it } from 'vitest';
import { createPresence } from '../../../src/main/services/presence';
import { CHANGED_ROWS_MAX, PRESENCE_TTL_MS } from '../../../src/shared/contract/presence';
import { EventSchemas } from '../../../src/shared/api';
import { bootServices } from '../../support/boot-services';

const uuid = (n: number) => `0b9f7f3e-4f5c-4c1a-9d7e-${n.toString(16).padStart(12, '0')}`;
const grave = (id: string, x: number, y: number) => ({
  table: 'graves' as const,
  id,
  geometry: { type: 'Point' as const, coordinates: [x, y] },
  props: { kind: 'newly_found', verification: 'not_verified' },
});

describe('project.changed carries the rows an edit wrote and where they are', () => {
  it('names ids, versions and extents of puts, and deletions without an extent', async () => {
    const env = await bootServices({ prefix: 'quytap-live-', operator: 'Nguyễn Văn A' });
    await env.call('project.create', { fileName: 'live.gpkg', settings: { title: 'XÃ NAM ĐÀ', province: { code: '67', name: 'Đắk Nông' } } });
    await env.call('session.setOperator', { name: 'Nguyễn Văn A' });
    const lastChange = () => [...env.seen].reverse().find((e) => e.event === 'project.changed')!.payload;

    await env.call('edits.apply', { label: 'Thêm mộ', put: [grave(uuid(1), 430000, 1370000), grave(uuid(2), 430100, 1370050)] });
    let ev = lastChange();
    expect(EventSchemas['project.changed'].safeParse(ev).success).toBe(true);
    expect(ev.tables).toEqual(['graves']);
    expect(ev.author).toBe('Nguyễn Văn A');
    expect(ev.rows).toEqual([
      { table: 'graves', id: uuid(1), version: 1, deleted: false, extent: [430000, 1370000, 430000, 1370000] },
      { table: 'graves', id: uuid(2), version: 1, deleted: false, extent: [430100, 1370050, 430100, 1370050] },
    ]);

    // A move: the extent is the new place (the client knows the old one from its own feature).
    await env.call('edits.apply', { put: [{ table: 'graves', id: uuid(1), baseVersion: 1, geometry: { type: 'Point', coordinates: [430500, 1370500] } }] });
    ev = lastChange();
    expect(ev.rows).toEqual([{ table: 'graves', id: uuid(1), version: 2, deleted: false, extent: [430500, 1370500, 430500, 1370500] }]);

    await env.call('edits.apply', { remove: [{ table: 'graves', id: uuid(2), baseVersion: 1 }] });
    ev = lastChange();
    expect(ev.rows).toEqual([{ table: 'graves', id: uuid(2), version: 2, deleted: true, extent: null }]);

    // Undo restores the row: its place travels again.
    await env.call('edits.undo', {});
    ev = lastChange();
    expect(ev.rows).toEqual([{ table: 'graves', id: uuid(2), version: 3, deleted: false, extent: [430100, 1370050, 430100, 1370050] }]);

    // An import-sized edit names only its tables: the clients read them again whole.
    const many = Array.from({ length: CHANGED_ROWS_MAX + 1 }, (_, i) => grave(uuid(100 + i), 431000 + i, 1371000));
    await env.call('edits.apply', { label: 'Nhập', put: many });
    ev = lastChange();
    expect(ev.tables).toEqual(['graves']);
    expect(ev.rows).toBeUndefined();
    env.services.close();
  }, 60_000);
});

describe('presence', () => {
  const setup = () => {
    let t = 1_000_000;
    const events: unknown[][] = [];
    const p = createPresence({ emit: ((_e: string, payload: unknown) => events.push(payload as unknown[])) as never, now: () => t });
    return { p, events, advance: (ms: number) => (t += ms) };
  };
  const a = { clientId: 'client-aaaa', name: 'Nguyễn Văn A', communeCode: '24682', activity: 'drafting' };
  const b = { clientId: 'client-bbbb', name: 'Trần Thị B', communeCode: '24688', activity: 'drafting' };

  it('lists who drafts which commune and forgets a report after 15 s without renewal', () => {
    const { p, advance } = setup();
    p.set(a);
    expect(p.set(b).map((e) => [e.name, e.communeCode])).toEqual([
      ['Nguyễn Văn A', '24682'],
      ['Trần Thị B', '24688'],
    ]);
    advance(PRESENCE_TTL_MS - 1000);
    p.set(b); // B renews, A does not
    expect(p.list().map((e) => e.name)).toEqual(['Nguyễn Văn A', 'Trần Thị B']);
    advance(2000); // A's report is now 16 s old
    expect(p.list().map((e) => e.name)).toEqual(['Trần Thị B']);
    advance(PRESENCE_TTL_MS + 1);
    expect(p.list()).toEqual([]);
  });

  it('pushes a change (a new window, another commune, an expiry), not every renewal', () => {
    const { p, events, advance } = setup();
    p.set(a);
    expect(events).toHaveLength(1);
    advance(5000);
    p.set(a);
    expect(events).toHaveLength(1);
    p.set({ ...a, communeCode: '24688' });
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual([expect.objectContaining({ name: 'Nguyễn Văn A', communeCode: '24688' })]);
    advance(PRESENCE_TTL_MS + 1);
    p.list();
    expect(events).toHaveLength(3);
    expect(events[2]).toEqual([]);
  });

  it('a window that left its commune (null) is not listed as drafting', () => {
    const { p } = setup();
    p.set(a);
    expect(p.set({ ...a, communeCode: null })).toEqual([]);
  });
});
