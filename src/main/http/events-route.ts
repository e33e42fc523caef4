// GET /events: the contract's events (job.progress, project.changed, presence…) pushed to every
// open page as Server-Sent Events. The open streams live here with their bounds: a client that
// stops reading is dropped rather than buffered for without end, a heartbeat keeps proxies and
// idle timers from closing the stream, and in the hall the heartbeat also ends the streams whose
// session has ended (hall-auth.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HallGate, HallPrincipal } from './hall-auth';
import { err, type Log } from './respond';
import { UNAUTHORIZED, type RouteContext } from './route-context';

const MAX_SSE_BUFFER = 8 * 1024 * 1024;

/** The open /events responses of one server. */
export class EventStreams {
  private readonly clients = new Set<ServerResponse>();

  constructor(private readonly log: Log) {}

  get size(): number {
    return this.clients.size;
  }

  /** Starts the stream on `res`; it leaves the set when either side closes. */
  open(req: IncomingMessage, res: ServerResponse): void {
    req.socket.setNoDelay(true);
    req.socket.setKeepAlive(true);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    this.clients.add(res);
    const drop = () => this.clients.delete(res);
    res.on('close', drop);
    req.on('close', drop);
  }

  /** One event to every stream. */
  send(name: string, payload: unknown): void {
    if (this.clients.size === 0) return;
    let frame: string;
    try {
      frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    } catch (e) {
      this.log(`[http] event "${name}" not serialisable`, e);
      return;
    }
    for (const res of this.clients) {
      if (res.destroyed || res.writableEnded) {
        this.clients.delete(res);
        continue;
      }
      // A client that stopped reading must not make us buffer without bound.
      if (res.writableLength > MAX_SSE_BUFFER) {
        this.clients.delete(res);
        res.destroy();
        continue;
      }
      res.write(frame);
    }
  }

  ping(): void {
    for (const res of this.clients) if (!res.destroyed && !res.writableEnded) res.write(': ping\n\n');
  }

  /** At shutdown: every stream ended. */
  endAll(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

export function handleEvents(c: RouteContext, streams: EventStreams, req: IncomingMessage, res: ServerResponse, url: URL, who: HallPrincipal | null): void {
  if (req.method !== 'GET') return c.sendError(res, 405, err('bad_request', 'Chỉ chấp nhận GET.', 'Only GET is allowed here.'), { Allow: 'GET' });
  if (!who && !c.tokenOk(url.searchParams.get('token'))) return c.sendError(res, 401, UNAUTHORIZED);
  streams.open(req, res);
  if (who) c.gate!.holdStream(req, res); // the stream ends with its session
}

/** The heartbeat: the hall's ended sessions swept, then a ping on every stream. Unref'd. */
export function startHeartbeat(streams: EventStreams, gate: HallGate | null, everyMs: number): NodeJS.Timeout {
  const heartbeat = setInterval(() => {
    gate?.sweepStreams();
    streams.ping();
  }, everyMs);
  heartbeat.unref();
  return heartbeat;
}
