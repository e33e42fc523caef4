// Handlers of the review methods (src/shared/contract/review.ts).
import type { reviewMethods } from '../../shared/contract/review';
import type { HandlersFor, ServiceContext } from './context';

export function reviewHandlers(_ctx: ServiceContext): HandlersFor<typeof reviewMethods> {
  return {};
}
