// Small shared pieces: the API context, toasts, the error boundary and error screens.
import {
  Component,
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ErrorInfo,
  type ReactNode,
} from 'react';
import type { ApiClient } from '../../shared/api';
import { toUiError, type UiError, type UiFinding } from '../errors';
import { translate, storedLang, useI18n } from '../i18n';
import { requestShowFeature } from '../showFeature';

// ── API ──
const ApiCtx = createContext<ApiClient | null>(null);
export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  return <ApiCtx.Provider value={api}>{children}</ApiCtx.Provider>;
}
export function useApi(): ApiClient {
  const a = useContext(ApiCtx);
  if (!a) throw new Error('useApi outside ApiProvider');
  return a;
}

// ── toasts ──
export type ToastKind = 'info' | 'success' | 'error';
interface ToastExtra {
  /** Check findings behind a refusal: listed, each one clickable to show its feature. */
  findings?: UiFinding[];
  /** The API error's code (forbidden, conflict…), on the element for tests and support. */
  code?: string;
}
interface ToastItem extends ToastExtra {
  id: number;
  kind: ToastKind;
  text: string;
}
const ToastCtx = createContext<(text: string, kind?: ToastKind, extra?: ToastExtra) => void>(() => {});
export function useToast() {
  return useContext(ToastCtx);
}
/** Shows an error thrown by the API (or anything else) as a toast, in the UI language. */
export function useErrorToast() {
  const toast = useToast();
  const { lang } = useI18n();
  return useCallback(
    (e: unknown, prefix?: string) => {
      const u = toUiError(e, lang);
      toast(prefix ? `${prefix}: ${u.message}` : u.message, 'error', { code: u.code, ...(u.findings ? { findings: u.findings } : {}) });
    },
    [toast, lang],
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const { t } = useI18n();
  const push = useCallback((text: string, kind: ToastKind = 'info', extra?: ToastExtra) => {
    const id = next.current++;
    setItems((xs) => [...xs.slice(-4), { id, kind, text, ...extra }]);
    // A list of findings is work to do: it stays until closed.
    if (!extra?.findings) window.setTimeout(() => setItems((xs) => xs.filter((x) => x.id !== id)), kind === 'error' ? 9000 : 3500);
  }, []);
  return (
    <ToastCtx.Provider value={push}>
      {children}
      <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
        {items.map((x) => (
          <div key={x.id} className={`toast toast-${x.kind}`} data-testid={`toast-${x.kind}`} data-message={x.kind} data-code={x.code}>
            <span>{x.text}</span>
            {x.findings && <FindingList findings={x.findings} />}
            <button
              className="toast-close"
              aria-label={t('error.dismiss')}
              title={t('error.dismiss')}
              onClick={() => setItems((xs) => xs.filter((y) => y.id !== x.id))}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastCtx.Provider>
  );
}

/** The findings of a refusal, one sentence each; a click shows the feature on the map. */
export function FindingList({ findings }: { findings: UiFinding[] }) {
  const { t } = useI18n();
  return (
    <ul className="finding-list" data-testid="finding-list">
      {findings.map((f, i) => (
        <li key={`${f.rule}-${f.id ?? i}`}>
          {f.id || f.extent ? (
            <button
              type="button"
              className="finding-link"
              title={t('error.finding.show')}
              data-testid="finding-item"
              data-rule={f.rule}
              onClick={() => requestShowFeature({ table: f.table, id: f.id, extent: f.extent })}
            >
              {f.message}
            </button>
          ) : (
            <span data-testid="finding-item" data-rule={f.rule}>
              {f.message}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

// ── error screens ──
export function ErrorScreen({ error, onRetry, title }: { error: UiError; onRetry?: () => void; title?: string }) {
  const { t } = useI18n();
  const denied = error.code === 'unauthorized' || error.code === 'forbidden';
  return (
    <div className="error-screen" role="alert" data-testid="error-screen" data-code={error.code} data-message="error">
      <div className="error-card">
        <div className="error-icon" aria-hidden="true">
          {denied ? '✕' : '!'}
        </div>
        <h1>{title ?? (error.code === 'unauthorized' ? t('error.unauthorized.title') : t('error.title'))}</h1>
        <p className="error-message">{error.message}</p>
        {error.findings && <FindingList findings={error.findings} />}
        <div className="error-actions">
          {onRetry && (
            <button className="btn btn-primary" onClick={onRetry}>
              {t('error.retry')}
            </button>
          )}
          <button className="btn" onClick={() => location.reload()}>
            {t('error.reload')}
          </button>
        </div>
      </div>
    </div>
  );
}

interface BoundaryState {
  error: Error | null;
}

/** Never a blank screen: a render error shows a message and a way out. */
export class ErrorBoundary extends Component<{ children: ReactNode; compact?: boolean }, BoundaryState> {
  state: BoundaryState = { error: null };
  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }
  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('QuyTap UI error', error, info.componentStack);
  }
  render() {
    if (!this.state.error) return this.props.children;
    const lang = storedLang();
    // The technical text only behind "details" (and in the console, componentDidCatch above).
    const details = `${this.state.error.name}: ${this.state.error.message}`;
    if (this.props.compact) {
      return (
        <div className="panel-error" role="alert" data-message="error">
          <p>{translate(lang, 'error.render')}</p>
          <details>
            <summary>{translate(lang, 'error.details')}</summary>
            <pre>{details}</pre>
          </details>
          <button className="btn btn-small" onClick={() => this.setState({ error: null })}>
            {translate(lang, 'error.retry')}
          </button>
        </div>
      );
    }
    return (
      <div className="error-screen" role="alert" data-testid="error-screen" data-code="render" data-message="error">
        <div className="error-card">
          <div className="error-icon" aria-hidden="true">
            !
          </div>
          <h1>{translate(lang, 'error.title')}</h1>
          <p className="error-message">{translate(lang, 'error.render')}</p>
          <details>
            <summary>{translate(lang, 'error.details')}</summary>
            <pre>{details}</pre>
          </details>
          <div className="error-actions">
            <button className="btn btn-primary" onClick={() => location.reload()}>
              {translate(lang, 'error.reload')}
            </button>
          </div>
        </div>
      </div>
    );
  }
}

export function Modal({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} ref={ref} data-testid={testId}>
        <div className="modal-title">{title}</div>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}
