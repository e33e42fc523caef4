// Handlers of the drafting methods (src/shared/contract/drafting.ts).
import type { draftingMethods } from '../../shared/contract/drafting';
import type { HandlersFor, ServiceContext } from './context';

export function draftingHandlers(_ctx: ServiceContext): HandlersFor<typeof draftingMethods> {
  return {};
}
