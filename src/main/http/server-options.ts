// The options and the handle of one HTTP server (browser mode or the hall), apart from the code
// that builds it (server.ts) so that each route's file can name them without importing that code.
import type { Dispatch } from '../rpc/dispatch';
import type { EventBus } from '../rpc/events';
import type { HallOptions } from './hall-auth';
import type { BinaryResponder } from './range';

export interface HttpServerOptions {
  dispatch: Dispatch;
  /** Events from here are pushed to every GET /events client; `emit` is given to handlers. */
  events: Pick<EventBus, 'emit' | 'subscribe'>;
  /** The built renderer (dist/renderer). Without it only /rpc, /events and /bin are served. */
  staticDir?: string | null;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** Default: 32 random bytes, base64url, new at every launch. */
  token?: string;
  binaryResponder?: BinaryResponder | null;
  /** Request body limit for /rpc (default 32 MiB). */
  maxBodyBytes?: number;
  /** SSE heartbeat interval (default 15 s). */
  heartbeatMs?: number;
  /** Who is editing, for CallContext.operator (default ''). */
  operator?: () => string;
  log?: (message: string, detail?: unknown) => void;
  /** The hall server: HTTPS, accounts and sessions instead of the token (see ./hall-auth.ts). */
  hall?: HallOptions;
}

export interface HttpServerHandle {
  /** The URL to open, with the token in the fragment: http://127.0.0.1:PORT/#token=… */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  token: string;
  /** Hall mode only: the SHA-256 fingerprint of the session's certificate. */
  fingerprint256: string | null;
  /** Connected GET /events clients (diagnostics and tests). */
  readonly eventClients: number;
  close(): Promise<void>;
}
