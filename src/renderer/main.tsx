import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'ol/ol.css';
import './styles.css';
import type { ApiClient } from '../shared/api';
import { getClient } from './api';
import { App } from './App';
import { ApiProvider, ErrorBoundary, ErrorScreen, ToastProvider } from './components/common';
import { toUiError } from './errors';
import { guardFunctionKeys } from './functionKeys';
import { I18nProvider, storedLang } from './i18n';
import { sendStartRequests } from './startup';

// Where a first render's time goes: everything before this is loading and evaluating the code.
performance.mark('quytap:code-evaluated');

// Before any panel listens: F-keys do nothing under a modal dialog (functionKeys.ts).
guardFunctionKeys(window);

const root = createRoot(document.getElementById('root')!);

let api: ApiClient | null = null;
let startupError: unknown = null;
try {
  api = getClient();
  sendStartRequests(api);
} catch (e) {
  startupError = e;
}

root.render(
  <StrictMode>
    <I18nProvider>
      <ErrorBoundary>
        <ToastProvider>
          {api ? (
            <ApiProvider api={api}>
              <App />
            </ApiProvider>
          ) : (
            <ErrorScreen error={toUiError(startupError, storedLang())} />
          )}
        </ToastProvider>
      </ErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
