// The renderer's one entry to the main side. In Electron the preload bridge (window.quytap) is
// present; in a plain browser (npm run web, Playwright) the HTTP client is used. Both behave the
// same: invoke() resolves with the method's output or throws an ApiError; on() subscribes to events.
import { ApiError } from '../../shared/api-error';
import type { ApiClient, ApiErrorBody, EventName, Input, MethodName, Output } from '../../shared/api';
import { withHallLink, type HallLink } from './hallLink';
import { createHttpClient, encodeBinPath, isApiErrorBody } from './http-client';

/** What src/main/electron/preload.ts exposes as window.quytap (see there). */
export interface QuyTapBridge {
  /** Never rejects for contract errors: resolves with the dispatcher's envelope. */
  invoke(method: string, input: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: ApiErrorBody }>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    quytap?: QuyTapBridge;
  }
}

export interface QuyTapClient extends ApiClient {
  readonly mode: 'electron' | 'browser';
  /** URL for the binary responder: quytap://app/bin/… in Electron, /bin/…?token=… in the browser. */
  binUrl(path: string): string;
}

export function createBridgeClient(bridge: QuyTapBridge): QuyTapClient {
  return {
    mode: 'electron',
    async invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      let out: unknown;
      try {
        out = await bridge.invoke(method, input);
      } catch (e) {
        throw new ApiError('internal', 'Lỗi liên lạc với tiến trình chính.', `Could not reach the main process: ${String(e)}`);
      }
      const env = out as { ok?: unknown; result?: unknown; error?: unknown } | null;
      if (env && env.ok === true) return env.result as Output<M>;
      if (env && isApiErrorBody(env.error)) throw ApiError.fromBody(env.error);
      throw new ApiError('internal', 'Tiến trình chính trả lời bất thường.', 'Unexpected answer from the main process.');
    },
    on(event: EventName, handler) {
      return bridge.on(event, handler as (payload: unknown) => void);
    },
    // Same origin as the page (quytap://app/): no CORS, and the CSP's 'self' covers it.
    binUrl: (path) => `quytap://app/bin/${encodeBinPath(path)}`,
  };
}

let client: QuyTapClient | null = null;
let link: HallLink | null = null;

/** The client for this page (created once). */
export function getClient(): QuyTapClient {
  if (!client) {
    if (typeof window !== 'undefined' && window.quytap) client = createBridgeClient(window.quytap);
    else {
      const http = createHttpClient();
      // Over a network that can drop (./hallLink.ts): unanswered writes are kept, the drop is shown.
      const probe = () => fetch('/healthz', { cache: 'no-store' }).then((r) => r.ok);
      const linked = withHallLink<QuyTapClient>({ mode: 'browser', invoke: http.invoke, on: http.on, binUrl: http.binUrl }, probe);
      client = linked.client;
      link = linked.link;
    }
  }
  return client;
}

/** The browser client's link to its server (null in Electron, where main is in the same app). */
export function getLink(): HallLink | null {
  getClient();
  return link;
}

/** Alias of getClient(). */
export const getApi = getClient;

export { ApiError };
