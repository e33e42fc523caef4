// Services driven through the real dispatcher, as the renderer drives them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../../src/shared/api';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { createServices } from '../../../src/main/services';

export async function boot(dir = mkdtempSync(join(tmpdir(), 'quytap-review-'))) {
  const events = createEventBus();
  const seen: { event: string; payload: any }[] = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  const services = await createServices({ mode: 'browser', projectsDir: dir, emit: events.emit });
  const dispatch = createDispatcher(services.handlers);
  const call = async <M extends MethodName>(m: M, input: Input<M>): Promise<Output<M>> => {
    const r = await dispatch(m, input, { operator: 'test', emit: events.emit });
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.en}`), { body: r.error });
    return r.result as Output<M>;
  };
  const callErr = async <M extends MethodName>(m: M, input: Input<M>) => {
    const r = await dispatch(m, input, { operator: 'test', emit: events.emit });
    if (r.ok) throw new Error(`expected ${m} to fail`);
    return r.error;
  };
  return { dir, services, call, callErr, seen };
}
