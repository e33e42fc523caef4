// GET/HEAD /bin/<path>: bytes that are not JSON (exports, print PDFs, base-map tiles and GeoTIFF
// ranges), answered by the services' one binary responder (range.ts) behind the same token or hall
// session as /rpc. The responder may set content headers but never weaken the security headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HallPrincipal } from './hall-auth';
import type { BinaryResponder } from './range';
import { err } from './respond';
import { UNAUTHORIZED, type RouteContext } from './route-context';

const malformed = () => err('bad_request', 'Đường dẫn không hợp lệ.', 'Malformed path.');

export async function handleBinary(c: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL, who: HallPrincipal | null): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return c.sendError(res, 405, err('bad_request', 'Chỉ chấp nhận GET.', 'Only GET is allowed here.'), { Allow: 'GET, HEAD' });
  }
  if (!who && !c.tokenOk(url.searchParams.get('token'))) return c.sendError(res, 401, UNAUTHORIZED);
  const responder = c.opts.binaryResponder;
  if (!responder) return c.sendError(res, 404, err('not_found', 'Không có dữ liệu này.', 'Not found.'));
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice('/bin/'.length));
  } catch {
    return c.sendError(res, 400, malformed());
  }
  if (path.includes('\0')) return c.sendError(res, 400, malformed());
  let out: Awaited<ReturnType<BinaryResponder>>;
  try {
    out = await responder(path, req.headers.range);
  } catch (e) {
    c.log(`[http] binary responder failed for "${path.slice(0, 200)}"`, e instanceof Error ? (e.stack ?? e.message) : e);
    return c.sendError(res, 500, err('internal', 'Lỗi nội bộ khi đọc dữ liệu.', 'Internal error while reading data.'));
  }
  const outHeaders: Record<string, string> = { 'Cache-Control': 'no-store' };
  for (const [k, v] of Object.entries(out.headers)) {
    // The responder may set content headers; it cannot weaken the security headers.
    if (!Object.keys(c.headers).some((h) => h.toLowerCase() === k.toLowerCase())) outHeaders[k] = v;
  }
  outHeaders['Content-Length'] = String(out.body.length);
  res.writeHead(out.status, outHeaders);
  res.end(req.method === 'HEAD' ? undefined : out.body);
}
