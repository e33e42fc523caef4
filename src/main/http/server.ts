// The browser-mode adapter: the same dispatch() as Electron's IPC, served over HTTP on 127.0.0.1.
// node:http only, no framework.
//
// Threat model and defences (the machine is a shared office PC; any web page the user visits can
// make the browser send requests to 127.0.0.1):
// - A per-launch secret token. It reaches the page only through the URL the CLI prints
//   (http://127.0.0.1:PORT/#token=…; a fragment is never sent to a server nor written to a log). The
//   page sends it as `Authorization: Bearer …` on POST /rpc/<method>, and as ?token= where a header
//   cannot be set (EventSource on GET /events, <img>/GeoTIFF reads on GET /bin/…). Compared in
//   constant time. Referrer-Policy: no-referrer keeps the ?token= URLs out of Referer headers.
// - DNS rebinding: a hostile name resolving to 127.0.0.1 would make requests same-origin for the
//   browser; the Host header then carries that name, so only 127.0.0.1:PORT / localhost:PORT pass.
// - Cross-site requests: any Origin other than our own is refused (403), as is
//   Sec-Fetch-Site: cross-site. /rpc demands Content-Type: application/json, which a cross-site
//   form cannot send without a CORS preflight, and we never answer preflights nor send CORS headers.
// - Resource exhaustion: bodies are capped (Content-Length checked first, streamed bytes counted
//   too); an oversized request gets 413 and its connection is closed, the server keeps serving.
// - Static files: path traversal refused by ./static.ts (decode, resolve, prefix + realpath check).
// Errors are always JSON `{ error: ApiErrorBody }`; stacks go to stderr only (see rpc/dispatch.ts).
//
// The hall mode (`hall` option, quytap serve --hall) puts ./hall-auth.ts in front of the same routes:
// HTTPS with the session's certificate (./tls.ts), accounts and sessions instead of the token, the
// role table checked before every call, and the call attributed to the session's account.
//
// This file only assembles one server; each part lives in its own file: route-context.ts (what the
// routes share: token check, gate, answer helpers), listen.ts (HTTP or HTTPS, port, Host and Origin
// names), router.ts (header checks, /healthz, the hall gate, dispatch to a route), rpc-route.ts,
// events-route.ts, binary-route.ts, static-route.ts.
import { EventStreams, startHeartbeat } from './events-route';
import { createNodeServer, emptyEndpoint, endpointOf, listen } from './listen';
import { generateToken, routeContext } from './route-context';
import { requestListener } from './router';
import type { HttpServerHandle, HttpServerOptions } from './server-options';

export { DEFAULT_MAX_BODY_BYTES, generateToken } from './route-context';
export { STATUS_OF } from './rpc-route';
export type { HttpServerHandle, HttpServerOptions } from './server-options';

export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServerHandle> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? generateToken();
  if (token.length < 16) throw new Error('startHttpServer: token too short (need ≥ 16 characters)');
  const c = routeContext(opts, token);
  const streams = new EventStreams(c.log);
  const endpoint = emptyEndpoint(); // known once listening; every request is checked after that
  const server = createNodeServer(opts.hall, requestListener(c, endpoint, streams));
  Object.assign(endpoint, endpointOf(host, await listen(server, opts.port ?? 0, host), opts.hall));
  server.on('error', (e) => c.log('[http] server error', e));

  const unsubscribe = opts.events.subscribe((name, payload) => streams.send(name, payload));
  const heartbeat = startHeartbeat(streams, c.gate, opts.heartbeatMs ?? 15_000);
  let closed: Promise<void> | null = null;
  return {
    url: opts.hall ? `${endpoint.publicOrigin}/login` : `${endpoint.publicOrigin}/#token=${token}`,
    origin: endpoint.publicOrigin,
    port: endpoint.port,
    token,
    fingerprint256: opts.hall?.tls.fingerprint256 ?? null,
    get eventClients() {
      return streams.size;
    },
    /** Stops the heartbeat and the events, ends the streams, then every connection. Once. */
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.endAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
