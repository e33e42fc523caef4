// Handlers of the print methods (src/shared/contract/print.ts).
import type { printMethods } from '../../shared/contract/print';
import type { HandlersFor, ServiceContext } from './context';

export function printHandlers(_ctx: ServiceContext): HandlersFor<typeof printMethods> {
  return {};
}
