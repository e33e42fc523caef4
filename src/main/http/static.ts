// Serving the built renderer (dist/renderer) safely: used by the HTTP adapter at / and by the
// Electron shell's quytap://app/ protocol.
//
// Path traversal: the URL path is percent-decoded, then resolved against the root and must stay
// inside it (resolve + prefix check), after symlinks too (realpath). Segments starting with "." are
// refused outright, which also refuses "..", and NUL bytes or backslashes are refused before any
// file-system call.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeType(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function inside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/**
 * Map a URL pathname (still percent-encoded, as in the request line) to a file under `root`, or
 * null when there is no such file or the path is not acceptable. "/" and directories map to their
 * index.html.
 */
export async function resolveStaticFile(
  root: string,
  urlPathname: string,
  opts: { checkRealpath?: boolean } = {},
): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return null;

  const absRoot = path.resolve(root);
  let candidate = path.resolve(absRoot, ...segments);
  if (!inside(absRoot, candidate)) return null;

  try {
    let st = await stat(candidate);
    if (st.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      st = await stat(candidate);
    }
    if (!st.isFile()) return null;
    // Inside an Electron asar archive there are no symlinks to follow; the caller may skip this.
    if (opts.checkRealpath === false) return candidate;
    const [realRoot, realFile] = await Promise.all([realpath(absRoot), realpath(candidate)]);
    if (!inside(realRoot, realFile)) return null;
    return realFile;
  } catch {
    return null;
  }
}
