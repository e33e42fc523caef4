// The main side's event bus: services (and the job registry) emit typed events into it; the
// transports subscribe to it (the HTTP adapter's Server-Sent Events, the Electron main process's
// webContents.send). Payloads are checked against the contract's EventSchemas before they leave, so
// a malformed event is a logged bug rather than something the renderer has to survive.
import type { z } from 'zod';
import { EventSchemas, type EventName } from '../../shared/api';

export type EventPayload<E extends EventName> = z.output<(typeof EventSchemas)[E]>;
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
export type EventListener = (event: EventName, payload: unknown) => void;

export interface EventBus {
  emit: Emit;
  /** Subscribe to every event; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  /** Number of current subscribers (for tests and diagnostics). */
  readonly listenerCount: number;
}

export interface EventBusOptions {
  /** Validate payloads against EventSchemas (default true). Invalid events are dropped and logged. */
  validate?: boolean;
  log?: (message: string, detail?: unknown) => void;
}

export function createEventBus(opts: EventBusOptions = {}): EventBus {
  const listeners = new Set<EventListener>();
  const validate = opts.validate ?? true;
  const log = opts.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));

  const emit: Emit = (event, payload) => {
    let data: unknown = payload;
    if (validate) {
      const schema = EventSchemas[event] as z.ZodType | undefined;
      if (!schema) {
        log(`[events] unknown event "${String(event)}" dropped`);
        return;
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        log(`[events] invalid payload for "${event}" dropped`, parsed.error.issues);
        return;
      }
      data = parsed.data;
    }
    // Copy: a listener that unsubscribes while we iterate must not skip another one.
    for (const l of [...listeners]) {
      try {
        l(event, data);
      } catch (err) {
        log(`[events] listener failed for "${event}"`, err);
      }
    }
  };

  return {
    emit,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}
