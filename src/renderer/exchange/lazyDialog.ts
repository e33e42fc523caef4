// The exchange dialog (import wizard, exports, commune packages), loaded when first opened: a page
// that never imports or exports does not load, parse or compile it at start. Render it in <Suspense>.
import { lazy } from 'react';

export const ExchangeDialog = lazy(() => import('./ExchangeDialog').then((m) => ({ default: m.ExchangeDialog })));
