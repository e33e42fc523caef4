// POST /rpc/<method>: the contract over HTTP. The request is checked in a fixed order (POST, the
// launch token unless a hall session stands, a known method, a JSON body within the limit), then
// the hall's role table, then the one dispatcher that Electron's IPC uses too. Each answer is
// `{ result }` or `{ error }` with the status of STATUS_OF.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMethodName, type ErrorCode, type MethodName } from '../../shared/api';
import { unknownMethodError } from '../rpc/dispatch';
import { jsonText } from '../rpc/json-text';
import type { HallPrincipal } from './hall-auth';
import { BodyTooLarge, err, RawJson, readBody } from './respond';
import { UNAUTHORIZED, type RouteContext } from './route-context';

/** The HTTP status of each error code (exported for the contract fuzz test: only `internal` may be a 5xx). */
export const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  unknown_method: 404,
  validation: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  no_project: 409,
  too_large: 413,
  cancelled: 409,
  internal: 500,
};

const tooLarge = (maxBody: number) =>
  err(
    'too_large',
    `Dữ liệu gửi lên quá lớn (giới hạn ${Math.round(maxBody / 1024 / 1024)} MiB).`,
    `The request body is too large (limit ${Math.round(maxBody / 1024 / 1024)} MiB).`,
  );

/** Nothing to go on with: the request has been answered already. */
const ANSWERED = Symbol('answered');

export async function handleRpc(c: RouteContext, req: IncomingMessage, res: ServerResponse, pathname: string, who: HallPrincipal | null): Promise<void> {
  const method = checkRpcRequest(c, req, res, pathname, who);
  if (method === ANSWERED) return;
  const input = await readRpcInput(c, req, res);
  if (input === ANSWERED) return;
  // Hall: the role table, before the dispatcher; the call is then the session account's.
  const refused = who && c.gate!.refusal(who, method, input);
  if (refused) return c.sendError(res, 403, refused);
  await callAndAnswer(c, res, method, input, who);
}

/** Everything that can be judged before the body is read; the method named, or answered. */
function checkRpcRequest(c: RouteContext, req: IncomingMessage, res: ServerResponse, pathname: string, who: HallPrincipal | null): MethodName | typeof ANSWERED {
  if (req.method !== 'POST') {
    c.sendError(res, 405, err('bad_request', 'Chỉ chấp nhận phương thức POST.', 'Only POST is allowed here.'), { Allow: 'POST' });
    return ANSWERED;
  }
  const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!who && !c.tokenOk(auth?.[1])) return refused(c, req, res, 401, UNAUTHORIZED);
  let method: string;
  try {
    method = decodeURIComponent(pathname.slice('/rpc/'.length));
  } catch {
    method = pathname.slice('/rpc/'.length);
  }
  if (!isMethodName(method)) return refused(c, req, res, 404, unknownMethodError(method).toBody());
  const ctype = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (ctype !== 'application/json')
    return refused(
      c,
      req,
      res,
      415,
      err('bad_request', 'Nội dung yêu cầu phải là JSON (Content-Type: application/json).', 'The request body must be JSON (Content-Type: application/json).'),
    );
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > c.maxBody) return refused(c, req, res, 413, tooLarge(c.maxBody));
  return method;
}

function refused(c: RouteContext, req: IncomingMessage, res: ServerResponse, status: number, body: Parameters<RouteContext['refuseBody']>[3]): typeof ANSWERED {
  c.refuseBody(req, res, status, body);
  return ANSWERED;
}

/** The body as JSON (undefined when empty), or answered: too large, malformed, or the client gone. */
async function readRpcInput(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(req, c.maxBody);
  } catch (e) {
    if (e instanceof BodyTooLarge) return refused(c, req, res, 413, tooLarge(c.maxBody));
    res.destroy(); // the client went away mid-upload: nobody to answer
    return ANSWERED;
  }
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    c.sendError(res, 400, err('bad_request', 'Nội dung yêu cầu không phải JSON hợp lệ.', 'The request body is not valid JSON.'));
    return ANSWERED;
  }
}

async function callAndAnswer(c: RouteContext, res: ServerResponse, method: MethodName, input: unknown, who: HallPrincipal | null): Promise<void> {
  // The handler may stop work when the client disconnects before the answer.
  const ac = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) ac.abort();
  });
  const out = await c.opts.dispatch(method, input, {
    operator: who ? who.name : (c.opts.operator?.() ?? ''),
    ...(who ? { caller: { accountId: who.accountId, name: who.name, role: who.role, communeCode: who.communeCode } } : {}),
    signal: ac.signal,
    emit: c.opts.events.emit,
  });
  if (res.destroyed) return;
  if (out.ok)
    c.sendJson(res, 200, out.result !== null && typeof out.result === 'object' ? new RawJson(`{"result":${jsonText(out.result)}}`) : { result: out.result });
  else c.sendError(res, STATUS_OF[out.error.code] ?? 500, out.error);
}
