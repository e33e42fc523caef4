// The browser-mode client of the contract: fetch for calls, one shared EventSource for events.
//
// The access token arrives once, in the URL fragment the CLI printed (#token=…); fragments are never
// sent to servers. We keep it in sessionStorage (this tab only, gone when the tab closes) and remove
// it from the address bar at once, so it does not end up in bookmarks, history or screenshots.
import { ApiError } from '../../shared/api-error';
import type { ApiClient, ApiErrorBody, EventName, Input, MethodName, Output } from '../../shared/api';

export const TOKEN_STORAGE_KEY = 'quytap.token';

export interface HttpClientOptions {
  /** Default: the page's own origin. */
  baseUrl?: string;
  /** Default: read from location.hash once, else sessionStorage. */
  token?: string | null;
}

export interface HttpApiClient extends ApiClient {
  readonly token: string | null;
  /** URL of a binary resource (tiles, GeoTIFF) served by the binary responder. */
  binUrl(path: string): string;
  /** Close the event stream. */
  close(): void;
}

/** Take the token from #token=… (then scrub it from the URL), or from sessionStorage. */
export function readToken(storageKey = TOKEN_STORAGE_KEY): string | null {
  const hash = location.hash.startsWith('#') ? location.hash.slice(1) : location.hash;
  const params = new URLSearchParams(hash);
  const fromHash = params.get('token');
  if (fromHash) {
    try {
      sessionStorage.setItem(storageKey, fromHash);
    } catch {
      /* storage disabled: the token lives in memory only */
    }
    params.delete('token');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromHash;
  }
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function isApiErrorBody(x: unknown): x is ApiErrorBody {
  if (typeof x !== 'object' || x === null) return false;
  const b = x as Record<string, unknown>;
  return typeof b.code === 'string' && typeof b.vi === 'string' && typeof b.en === 'string';
}

export function encodeBinPath(path: string): string {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map(encodeURIComponent)
    .join('/');
}

export function createHttpClient(opts: HttpClientOptions = {}): HttpApiClient {
  const base = (opts.baseUrl ?? location.origin).replace(/\/+$/, '');
  const token = opts.token !== undefined ? opts.token : readToken();

  let source: EventSource | null = null;
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const listening = new Set<string>();

  const deliver = (event: string) => (e: Event) => {
    let payload: unknown;
    try {
      payload = JSON.parse((e as MessageEvent<string>).data);
    } catch {
      return;
    }
    for (const h of [...(handlers.get(event) ?? [])]) {
      try {
        h(payload);
      } catch (err) {
        console.error(`[quytap] handler of "${event}" failed`, err);
      }
    }
  };

  const ensureSource = (): EventSource => {
    if (!source) {
      source = new EventSource(`${base}/events?token=${encodeURIComponent(token ?? '')}`);
      listening.clear();
    }
    return source;
  };

  return {
    token,

    async invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      // A network failure (program stopped, connection refused) rejects with fetch's own TypeError,
      // which the UI recognises as "cannot reach the program" (src/renderer/errors.ts).
      const res = await fetch(`${base}/rpc/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: input === undefined ? '' : JSON.stringify(input),
        // The hall server's session cookie (HttpOnly, SameSite=Strict) rides along; the loopback
        // mode sets none, so it sends nothing more than before.
        credentials: 'same-origin',
        cache: 'no-store',
      });
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        body = undefined;
      }
      if (res.ok && typeof body === 'object' && body !== null && 'result' in body) return (body as { result: Output<M> }).result;
      const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
      if (isApiErrorBody(error)) throw ApiError.fromBody(error);
      throw new ApiError(
        res.status === 401 ? 'unauthorized' : 'internal',
        `Chương trình trả lời bất thường (HTTP ${res.status}).`,
        `Unexpected answer from the program (HTTP ${res.status}).`,
      );
    },

    on(event, handler) {
      const name: EventName = event;
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      const h = handler as (payload: unknown) => void;
      set.add(h);
      const es = ensureSource();
      if (!listening.has(name)) {
        es.addEventListener(name, deliver(name));
        listening.add(name);
      }
      return () => {
        set.delete(h);
        const any = [...handlers.values()].some((s) => s.size > 0);
        if (!any && source) {
          source.close();
          source = null;
          listening.clear();
        }
      };
    },

    binUrl(path: string): string {
      return `${base}/bin/${encodeBinPath(path)}?token=${encodeURIComponent(token ?? '')}`;
    },

    close() {
      source?.close();
      source = null;
      listening.clear();
    },
  };
}
