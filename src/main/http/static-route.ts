// Every other GET/HEAD: the built renderer (dist/renderer) as files, resolved by ./static.ts (no
// path leaves the folder). Vite's hashed /assets/ never change and are cached for a year; the page
// itself is revalidated every time, so a new build is picked up at the next load.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { err } from './respond';
import type { RouteContext } from './route-context';
import { mimeType, resolveStaticFile } from './static';

export async function handleStatic(c: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return c.sendError(res, 405, err('bad_request', 'Chỉ chấp nhận GET.', 'Only GET is allowed here.'), { Allow: 'GET, HEAD' });
  }
  const notFound = () => c.sendError(res, 404, err('not_found', 'Không tìm thấy trang này.', 'Not found.'));
  if (!c.opts.staticDir) return notFound();
  const file = await resolveStaticFile(c.opts.staticDir, url.pathname);
  if (!file) {
    if (url.pathname === '/' || url.pathname === '/index.html')
      return c.sendError(
        res,
        404,
        err('not_found', 'Chưa có giao diện: hãy chạy "npm run build:renderer".', 'The user interface is not built: run "npm run build:renderer".'),
      );
    return notFound();
  }
  const { size } = await stat(file);
  // Vite's hashed assets never change; the page itself is revalidated every time.
  const immutable = url.pathname.startsWith('/assets/');
  res.writeHead(200, {
    'Content-Type': mimeType(file),
    'Content-Length': String(size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
