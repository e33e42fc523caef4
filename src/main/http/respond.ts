// Answers and request bodies shared by the server's routes (server.ts) and the hall's log-in routes
// (hall-auth.ts). Errors are always JSON `{ error: ApiErrorBody }`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody, ErrorCode } from '../../shared/api';

/** A body already written as JSON. */
export class RawJson {
  constructor(readonly text: string) {}
}

export class BodyTooLarge extends Error {}

export const err = (code: ErrorCode, vi: string, en: string): ApiErrorBody => ({ code, vi, en });

export type Log = (message: string, detail?: unknown) => void;

export function sendJson(res: ServerResponse, status: number, body: unknown, log: Log, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  let text: string;
  try {
    text = body instanceof RawJson ? body.text : JSON.stringify(body);
  } catch (e) {
    log('[http] response not serialisable', e);
    status = 500;
    text = JSON.stringify({
      error: err('internal', 'Lỗi nội bộ khi gửi kết quả.', 'Internal error while sending the result.'),
    });
  }
  const buf = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(buf.length),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(buf);
}

export const sendError = (res: ServerResponse, status: number, body: ApiErrorBody, log: Log, extra: Record<string, string> = {}) =>
  sendJson(res, status, { error: body }, log, extra);

/**
 * Answer and drop the connection without reading (the rest of) the body: 413/400 before or
 * while reading. `Connection: close` tells the client; the remaining upload is discarded for a
 * short grace period so that the client can read our answer, then the socket is destroyed.
 */
export function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, body: ApiErrorBody, log: Log): void {
  req.removeAllListeners('data');
  sendError(res, status, body, log, { Connection: 'close' });
  const socket = req.socket;
  const kill = setTimeout(() => socket.destroy(), 2000);
  kill.unref();
  socket.once('close', () => clearTimeout(kill));
  req.resume(); // discard, do not buffer
}

export function readBody(req: IncomingMessage, maxBody: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        cleanup();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onClose = () => {
      if (!req.complete) {
        cleanup();
        reject(new Error('request aborted'));
      }
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
