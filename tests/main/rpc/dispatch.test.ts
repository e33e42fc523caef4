import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Output } from '../../../src/shared/api';
import { createDispatcher, unwrap, type CallContext, type Handlers } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';

const SECRET = 'SECRET_INTERNAL_DETAIL_/home/user/db.gpkg';

function makeHandlers(over: Partial<Handlers> = {}): Handlers {
  const base: Partial<Handlers> = {
    'app.info': (_i, ctx) => ({
      version: '1.0.0',
      mode: 'browser',
      operator: ctx.operator ? { name: ctx.operator, role: 'commune_staff', communeCode: null } : null,
    }),
    'session.setOperator': async (input) => {
      await new Promise((r) => setTimeout(r, 1));
      return input;
    },
    'crs.list': () => [
      {
        code: 'EPSG:4326',
        name: 'WGS 84',
        nameEn: 'WGS 84',
        proj4: '+proj=longlat +datum=WGS84 +no_defs',
        kind: 'geographic' as const,
      },
    ],
    'project.backup': () => {
      throw new Error(SECRET);
    },
    'rows.get': () => {
      throw new ApiError('not_found', 'Không tìm thấy', 'Not found', { id: 'x' });
    },
  };
  return { ...base, ...over } as Handlers;
}

function ctx(over: Partial<CallContext> = {}): CallContext {
  return { operator: 'Nguyễn Văn A', emit: createEventBus().emit, ...over };
}

describe('dispatch', () => {
  it('calls the handler with the validated input (defaults applied) and returns the parsed output', async () => {
    const dispatch = createDispatcher(makeHandlers());
    const res = await dispatch('session.setOperator', { name: '  Trần Thị B ' }, ctx());
    expect(res).toEqual({ ok: true, result: { name: 'Trần Thị B', role: 'commune_staff', communeCode: null } });
    const info = await dispatch('app.info', undefined, ctx());
    expect(info.ok).toBe(true);
    expect(unwrap<Output<'app.info'>>(info).operator?.name).toBe('Nguyễn Văn A');
  });

  it('passes the context through', async () => {
    const seen: CallContext[] = [];
    const dispatch = createDispatcher(makeHandlers({ 'crs.list': (_i, c) => (seen.push(c), []) }));
    const ac = new AbortController();
    await dispatch('crs.list', {}, ctx({ signal: ac.signal }));
    expect(seen[0]!.operator).toBe('Nguyễn Văn A');
    expect(seen[0]!.signal).toBe(ac.signal);
  });

  it('rejects unknown methods, including prototype names', async () => {
    const dispatch = createDispatcher(makeHandlers());
    for (const name of ['nope.nothing', '__proto__', 'constructor', 'toString', '']) {
      const res = await dispatch(name, {}, ctx());
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('unknown_method');
        expect(res.error.vi).toBe(`Không có chức năng "${name}"`);
        expect(res.error.en).toContain(name);
      }
    }
  });

  it('rejects invalid input with readable messages and the issues as details', async () => {
    const handler = vi.fn();
    const dispatch = createDispatcher(makeHandlers({ 'features.query': handler as never }));
    const res = await dispatch('features.query', { table: 'no_such_table', bbox: [1, 2], limit: 0 }, ctx());
    expect(handler).not.toHaveBeenCalled();
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('validation');
    expect(res.error.en).toMatch(/^Invalid input for "features\.query": /);
    expect(res.error.en).toContain('table: unknown table');
    expect(res.error.en).toContain('limit:');
    expect(res.error.vi).toMatch(/^Dữ liệu gửi tới "features\.query" không hợp lệ: /);
    expect(res.error.vi).toContain('limit:');
    const details = res.error.details as Array<{ path: unknown[]; message: string; vi: string }>;
    expect(Array.isArray(details)).toBe(true);
    expect(details.map((d) => d.path[0])).toEqual(expect.arrayContaining(['table', 'bbox', 'limit']));
    expect(details.every((d) => typeof d.vi === 'string' && d.vi.length > 0)).toBe(true);
    // The result is plain JSON.
    expect(JSON.parse(JSON.stringify(res.error))).toEqual(res.error);
  });

  it('names the root when the whole input is wrong, and lists at most a few issues', async () => {
    const dispatch = createDispatcher(makeHandlers());
    const res = await dispatch('session.setOperator', 'just a string', ctx());
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.en).toContain('(root):');
    const strict = await dispatch('crs.list', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i])), ctx());
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.error.code).toBe('validation');
  });

  it('turns ApiError into its body', async () => {
    const dispatch = createDispatcher(makeHandlers());
    const res = await dispatch('rows.get', { table: 'search_areas', id: '123e4567-e89b-12d3-a456-426614174000' }, ctx());
    expect(res).toEqual({ ok: false, error: { code: 'not_found', vi: 'Không tìm thấy', en: 'Not found', details: { id: 'x' } } });
  });

  it('turns any other exception into a generic internal error, logging the stack but not leaking it', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(makeHandlers(), { log });
    const res = await dispatch('project.backup', {}, ctx());
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('internal');
    expect(JSON.stringify(res.error)).not.toContain('SECRET');
    expect(JSON.stringify(res.error)).not.toContain('at ');
    expect(log).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(log.mock.calls[0]);
    expect(logged).toContain(SECRET);
    // The reference in the message matches the log line.
    const ref = /mã ([0-9a-f]{8})/.exec(res.error.vi)![1]!;
    expect(res.error.en).toContain(ref);
    expect(String(log.mock.calls[0]![0])).toContain(ref);
  });

  it('treats an output that breaks the contract as an internal bug', async () => {
    const log = vi.fn();
    const dispatch = createDispatcher(makeHandlers({ 'crs.list': () => [{ code: 42 }] as never }), { log });
    const res = await dispatch('crs.list', {}, ctx());
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('internal');
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]![0])).toMatch(/output does not match/);
  });

  it('strips fields a handler did not mean to expose', async () => {
    const dispatch = createDispatcher(
      makeHandlers({ 'session.setOperator': (i) => ({ ...i, passwordHash: 'xyz' }) as Output<'session.setOperator'> }),
    );
    const res = await dispatch('session.setOperator', { name: 'A' }, ctx());
    expect(res).toEqual({ ok: true, result: { name: 'A', role: 'commune_staff', communeCode: null } });
  });

  it('reports a missing handler as internal, and can skip output validation', async () => {
    const log = vi.fn();
    const d1 = createDispatcher({} as Handlers, { log });
    const r1 = await d1('crs.list', {}, ctx());
    expect(!r1.ok && r1.error.code).toBe('internal');
    const d2 = createDispatcher(makeHandlers({ 'crs.list': () => [{ code: 42 }] as never }), {
      validateOutput: (m) => m !== 'crs.list',
    });
    expect(await d2('crs.list', {}, ctx())).toEqual({ ok: true, result: [{ code: 42 }] });
  });

  it('answers cancelled when the call is aborted', async () => {
    const dispatch = createDispatcher(
      makeHandlers({
        'crs.list': (_i, c) =>
          new Promise((_res, rej) => c.signal!.addEventListener('abort', () => rej(new DOMException('aborted', 'AbortError')))),
      }),
      { log: () => {} },
    );
    const ac = new AbortController();
    const p = dispatch('crs.list', {}, ctx({ signal: ac.signal }));
    ac.abort();
    const res = await p;
    expect(!res.ok && res.error.code).toBe('cancelled');
    const again = await dispatch('crs.list', {}, ctx({ signal: ac.signal }));
    expect(!again.ok && again.error.code).toBe('cancelled');
  });

  it('never throws, even with hostile arguments or a throwing logger', async () => {
    const dispatch = createDispatcher(makeHandlers(), {
      log: () => {
        throw new Error('logger down');
      },
      onCall: () => {
        throw new Error('metrics down');
      },
    });
    await expect(dispatch(undefined as never, undefined, ctx())).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    await expect(dispatch('project.backup', {}, ctx())).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(dispatch('session.setOperator', cyclic, ctx())).resolves.toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('reports every call to onCall', async () => {
    const calls: unknown[] = [];
    const dispatch = createDispatcher(makeHandlers(), { onCall: (i) => calls.push(i), log: () => {} });
    await dispatch('crs.list', {}, ctx());
    await dispatch('project.backup', {}, ctx());
    expect(calls).toMatchObject([
      { method: 'crs.list', ok: true },
      { method: 'project.backup', ok: false, code: 'internal' },
    ]);
  });

  it('lets handlers emit events through the context', async () => {
    const bus = createEventBus();
    const got: unknown[] = [];
    bus.subscribe((name, payload) => got.push([name, payload]));
    const dispatch = createDispatcher(
      makeHandlers({
        'crs.list': (_i, c) => {
          c.emit('project.changed', { tables: ['search_areas'], editId: 7 });
          return [];
        },
      }),
    );
    await dispatch('crs.list', {}, ctx({ emit: bus.emit }));
    expect(got).toEqual([['project.changed', { tables: ['search_areas'], editId: 7 }]]);
  });
});
