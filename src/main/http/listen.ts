// Where one server listens and whom it answers: plain HTTP on the loopback, or HTTPS with the hall
// session's certificate (tls.ts, TLS 1.2 at least); then, once the port is known, the Host and
// Origin values a request may carry (DNS rebinding and cross-site defences, checked by router.ts)
// and the address shown to people.
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { HallOptions } from './hall-auth';

/** What a request is checked against; filled in once the server listens. */
export interface Endpoint {
  port: number;
  /** "host:port" values accepted in the Host header. */
  allowedHosts: Set<string>;
  /** "scheme://host:port" values accepted in the Origin header. */
  allowedOrigins: Set<string>;
  /** The address to print and to show in the hall's QR code. */
  publicOrigin: string;
}

export const emptyEndpoint = (): Endpoint => ({ port: 0, allowedHosts: new Set(), allowedOrigins: new Set(), publicOrigin: '' });

export function createNodeServer(hall: HallOptions | undefined, onRequest: RequestListener): Server {
  const server: Server = hall ? createHttpsServer({ key: hall.tls.key, cert: hall.tls.cert, minVersion: 'TLSv1.2' }, onRequest) : createServer(onRequest);
  server.keepAliveTimeout = 5_000;
  return server;
}

/** Listens; the port it got. A failure to listen (port taken, address not ours) rejects. */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

const bracketed = (h: string) => (h.includes(':') ? `[${h}]` : h);

/** The names a request may use for this server: loopback, the bound address, the hall's names. */
export function endpointOf(host: string, port: number, hall: HallOptions | undefined): Endpoint {
  const hostNames = new Set(['127.0.0.1', 'localhost', host.toLowerCase(), ...(hall?.names ?? []).map((n) => n.toLowerCase())]);
  const allowedHosts = new Set([...hostNames].map((h) => `${bracketed(h)}:${port}`));
  const scheme = hall ? 'https' : 'http';
  const allowedOrigins = new Set([...allowedHosts].map((h) => `${scheme}://${h}`));
  const shownHost = host === '0.0.0.0' ? (hall?.names?.[0] ?? '127.0.0.1') : host;
  return { port, allowedHosts, allowedOrigins, publicOrigin: `${scheme}://${bracketed(shownHost)}:${port}` };
}
