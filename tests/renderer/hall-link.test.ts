// The browser client's link to the hall server (renderer/api/hallLink.ts): a write that got no
// answer fails (never reported saved) and is kept; a refusal is an answer (nothing kept); inserts
// name their id before the first send, so sending again after a lost answer is a conflict, not a
// second row; sending again clears what was sent.
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/shared/api-error';
import type { ApiClient } from '../../src/shared/api';
import { UNSENT_STORAGE_KEY, withHallLink } from '../../src/renderer/api/hallLink';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

/** A server that writes what it receives, and a network that can drop before or after it answers. */
function fakeServer() {
  const rows = new Map<string, unknown>();
  let network: 'up' | 'down' | 'drops-answer' = 'up';
  const client: ApiClient = {
    async invoke(method: string, input: any) {
      if (network === 'down') throw new TypeError('Failed to fetch');
      if (method !== 'edits.apply') return {} as never;
      for (const p of input.put) {
        if (rows.has(p.id) && p.baseVersion === undefined) throw new ApiError('conflict', 'Đã có đối tượng này.', 'That row exists.');
        rows.set(p.id ?? `server-${rows.size}`, p);
      }
      if (network === 'drops-answer') throw new TypeError('Failed to fetch');
      return { rows: [] } as never;
    },
    on: () => () => undefined,
  };
  return { client, rows, set: (n: typeof network) => (network = n) };
}

const grave = { label: 'Thêm mộ', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [1, 2] }, props: { name: 'Mộ' } }] };

beforeEach(() => {
  (globalThis as any).localStorage = new MemoryStorage();
});

describe('the hall link', () => {
  it('fails an unanswered write, keeps it (also in localStorage) and says the server is unreachable', async () => {
    const s = fakeServer();
    const { client, link } = withHallLink(s.client, async () => false);
    s.set('down');
    await expect(client.invoke('edits.apply', grave as never)).rejects.toBeInstanceOf(TypeError);
    expect(link.state().reachable).toBe(false);
    expect(link.state().unsent.map((u) => u.label)).toEqual(['Thêm mộ']);
    expect(JSON.parse((globalThis as any).localStorage.getItem(UNSENT_STORAGE_KEY))).toHaveLength(1);
    // Reads are not kept: only writes are someone's work.
    await expect(client.invoke('features.query', { table: 'graves' } as never)).rejects.toBeInstanceOf(TypeError);
    expect(link.state().unsent).toHaveLength(1);
  });

  it('keeps nothing when the server answered, even with a refusal', async () => {
    const s = fakeServer();
    const { client, link } = withHallLink(s.client, async () => true);
    await client.invoke('edits.apply', grave as never);
    const id = [...s.rows.keys()][0]!;
    await expect(client.invoke('edits.apply', { label: 'x', put: [{ table: 'graves', id, props: {} }] } as never)).rejects.toBeInstanceOf(ApiError);
    expect(link.state()).toEqual({ reachable: true, unsent: [] });
  });

  it('an edit whose answer was lost after the server wrote it is refused when sent again, not written twice', async () => {
    const s = fakeServer();
    const { client, link } = withHallLink(s.client, async () => true);
    s.set('drops-answer');
    await expect(client.invoke('edits.apply', grave as never)).rejects.toBeInstanceOf(TypeError);
    expect(s.rows.size).toBe(1);
    s.set('up');
    const r = await link.resend();
    expect(r.sent).toBe(0);
    expect(r.failed.map((f) => (f.error as ApiError).code)).toEqual(['conflict']);
    expect(s.rows.size).toBe(1);
  });

  it('sends the kept edits again, oldest first, and forgets them once answered', async () => {
    const s = fakeServer();
    const { client, link } = withHallLink(s.client, async () => true);
    s.set('down');
    for (const name of ['một', 'hai']) await client.invoke('edits.apply', { ...grave, label: name } as never).catch(() => undefined);
    expect(s.rows.size).toBe(0);
    s.set('up');
    const r = await link.resend();
    expect(r).toEqual({ sent: 2, failed: [] });
    expect(link.state().unsent).toEqual([]);
    expect(s.rows.size).toBe(2);
    expect((globalThis as any).localStorage.getItem(UNSENT_STORAGE_KEY)).toBe('[]');
  });
});
