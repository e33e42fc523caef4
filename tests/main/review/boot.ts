// Services driven through the real dispatcher, as the renderer drives them.
import { bootServices } from '../../support/boot-services';

export const boot = (dir?: string) => bootServices({ dir, prefix: 'quytap-review-' });
