// Handlers of the exchange methods (src/shared/contract/exchange.ts).
import type { exchangeMethods } from '../../shared/contract/exchange';
import type { HandlersFor, ServiceContext } from './context';

export function exchangeHandlers(_ctx: ServiceContext): HandlersFor<typeof exchangeMethods> {
  return {};
}
