// The sandboxed preload against a fake 'electron': what it exposes and how it forwards.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const listeners = new Map<string, (...a: unknown[]) => void>();
  const invoked: unknown[][] = [];
  return {
    exposed,
    listeners,
    invoked,
    contextBridge: { exposeInMainWorld: (k: string, v: unknown) => void (exposed[k] = v) },
    ipcRenderer: {
      on: (ch: string, fn: (...a: unknown[]) => void) => void listeners.set(ch, fn),
      invoke: async (...a: unknown[]) => {
        invoked.push(a);
        return { ok: true, result: 'r' };
      },
    },
  };
});
vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

interface Bridge {
  invoke(m: unknown, i: unknown): Promise<unknown>;
  on(e: unknown, h: unknown): () => void;
}
let bridge: Bridge;
beforeAll(async () => {
  await import('../../../src/main/electron/preload');
  bridge = fake.exposed.quytap as Bridge;
});

describe('preload bridge', () => {
  it('exposes only invoke and on', () => {
    expect(Object.keys(fake.exposed)).toEqual(['quytap']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes the one generic channel and refuses non-string methods without IPC', async () => {
    expect(await bridge.invoke('crs.list', {})).toEqual({ ok: true, result: 'r' });
    expect(fake.invoked).toEqual([['quytap:rpc', 'crs.list', {}]]);
    expect(await bridge.invoke({ toString: () => 'x' }, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(fake.invoked).toHaveLength(1);
  });

  it('delivers events by name without exposing the IPC event, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = bridge.on('project.changed', (...args: unknown[]) => got.push(args));
    bridge.on('job.progress', () => {
      throw new Error('ignored');
    });
    const ipcEvent = { sender: { secret: true } };
    const deliver = fake.listeners.get('quytap:event')!;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    deliver(ipcEvent, 'project.changed', { tables: [], editId: 1 });
    deliver(ipcEvent, 'job.progress', {});
    deliver(ipcEvent, 42, {});
    expect(got).toEqual([[{ tables: [], editId: 1 }]]);
    off();
    deliver(ipcEvent, 'project.changed', { tables: [], editId: 2 });
    expect(got).toHaveLength(1);
    expect(() => bridge.on(1, 2)).toThrow(TypeError);
  });
});
