// What wraps every handler once the table is built: the idle checkpoint's clock and the caller's
// account. Kept apart from createServices (index.ts) because they act on the whole table.
import type { AsyncLocalStorage } from 'node:async_hooks';
import type { Operator } from '../../shared/api';
import type { Handler, Handlers } from '../rpc/dispatch';

/** After every method (answered or refused), `poke` checks whether it wrote: the idle checkpoint's clock. */
export function pokeAfterEach(handlers: Handlers, poke: () => void): void {
  const table = handlers as unknown as Record<string, Handler<never>>;
  for (const name of Object.keys(table)) {
    const h = table[name]!;
    table[name] = (input, callCtx) => {
      let out: ReturnType<typeof h>;
      try {
        out = h(input, callCtx);
      } catch (e) {
        poke();
        throw e;
      }
      if (out instanceof Promise) return out.finally(poke) as ReturnType<typeof h>;
      poke();
      return out;
    };
  }
}

/** A call that names its account (CallContext.caller) runs as that account: author, write rules, jobs it starts. */
export function asCaller(handlers: Handlers, als: AsyncLocalStorage<Operator & { accountId: string }>): void {
  const table = handlers as unknown as Record<string, Handler<never>>;
  for (const name of Object.keys(table)) {
    const h = table[name]!;
    table[name] = (input, callCtx) => (callCtx.caller ? als.run(callCtx.caller, () => h(input, callCtx)) : h(input, callCtx));
  }
}
