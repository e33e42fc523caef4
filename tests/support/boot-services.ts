// The main-side services driven through the real dispatcher and event bus, as a renderer drives
// them: the one way integration tests call the contract.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../src/shared/api';
import { createDispatcher } from '../../src/main/rpc/dispatch';
import { createEventBus } from '../../src/main/rpc/events';
import { createServices } from '../../src/main/services';

export interface SeenEvent {
  event: string;
  payload: any;
}

export async function bootServices(opts: { dir?: string; prefix?: string; operator?: string; checkpointIdleMs?: number } = {}) {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), opts.prefix ?? 'quytap-services-'));
  const events = createEventBus();
  const seen: SeenEvent[] = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  const services = await createServices({ mode: 'browser', projectsDir: dir, emit: events.emit, checkpointIdleMs: opts.checkpointIdleMs });
  const dispatch = createDispatcher(services.handlers);
  const ctx = { operator: opts.operator ?? 'test', emit: events.emit };
  const call = async <M extends MethodName>(m: M, input: Input<M>): Promise<Output<M>> => {
    const r = await dispatch(m, input, ctx);
    if (!r.ok) throw Object.assign(new Error(`${m} → ${r.error.code}: ${r.error.en}`), { body: r.error });
    return r.result as Output<M>;
  };
  /** For refusals: takes any method name and payload, as a hostile renderer could send. */
  const callErr = async (m: string, input: unknown) => {
    const r = await dispatch(m, input, ctx);
    if (r.ok) throw new Error(`expected ${m} to be refused`);
    return r.error;
  };
  return { dir, services, dispatch, call, callErr, seen };
}
