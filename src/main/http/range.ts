// HTTP byte ranges (RFC 9110 §14) for the binary responder: GeoTIFF readers fetch the pieces of a
// raster they need with `Range: bytes=a-b`. One responder (path, range) → {status, headers, body}
// backs both the HTTP adapter's GET /bin/… and the Electron custom protocol quytap://bin/….
//
// Only a single range is supported. A header we do not understand (another unit, several ranges,
// garbage, first > last) is ignored and the whole body is sent with 200, which RFC 9110 allows.
import { open, stat } from 'node:fs/promises';

export interface BinaryResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * `path` is the part after /bin/ (already percent-decoded, may contain "/" and ".." — the responder
 * must resolve it against its own allow-list); `range` the raw Range header, if any.
 */
export type BinaryResponder = (path: string, range: string | undefined) => Promise<BinaryResponse> | BinaryResponse;

export type RangeSpec = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const RANGE_RE = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i;

/** Interpret a Range header against a representation of `size` bytes. `end` is inclusive. */
export function parseRange(header: string | null | undefined, size: number): RangeSpec {
  if (header == null || header === '') return { kind: 'full' };
  const m = RANGE_RE.exec(header);
  if (!m) return { kind: 'full' };
  const [, a, b] = m;
  if (a === '' && b === '') return { kind: 'full' };
  if (a === '') {
    // Suffix range: the last n bytes.
    const n = Number(b);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  if (b !== '') {
    const last = Number(b);
    if (last < start) return { kind: 'full' }; // invalid range-spec: ignore the header
    if (start >= size) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start, end: Math.min(last, size - 1) };
  }
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: size - 1 };
}

function baseHeaders(extra: Record<string, string>): Record<string, string> {
  return { 'Content-Type': 'application/octet-stream', ...extra, 'Accept-Ranges': 'bytes' };
}

function unsatisfiable(size: number, extra: Record<string, string>): BinaryResponse {
  const { 'Content-Type': _ct, ...rest } = baseHeaders(extra);
  return { status: 416, headers: { ...rest, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' }, body: Buffer.alloc(0) };
}

/** Answer a (possibly ranged) request for an in-memory body. */
export function bufferResponse(
  data: Buffer | Uint8Array,
  range: string | null | undefined,
  headers: Record<string, string> = {},
): BinaryResponse {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const spec = parseRange(range, buf.length);
  if (spec.kind === 'unsatisfiable') return unsatisfiable(buf.length, headers);
  if (spec.kind === 'full')
    return { status: 200, headers: { ...baseHeaders(headers), 'Content-Length': String(buf.length) }, body: buf };
  const body = buf.subarray(spec.start, spec.end + 1);
  return {
    status: 206,
    headers: {
      ...baseHeaders(headers),
      'Content-Range': `bytes ${spec.start}-${spec.end}/${buf.length}`,
      'Content-Length': String(body.length),
    },
    body,
  };
}

export function notFoundResponse(): BinaryResponse {
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from('Not found') };
}

/**
 * Answer a (possibly ranged) request from a file, reading only the requested bytes. A missing file
 * (or a directory) gives 404. Callers must have resolved `filePath` against an allow-list: this
 * function trusts it.
 */
export async function fileResponse(
  filePath: string,
  range: string | null | undefined,
  headers: Record<string, string> = {},
): Promise<BinaryResponse> {
  let size: number;
  try {
    const st = await stat(filePath);
    if (!st.isFile()) return notFoundResponse();
    size = st.size;
  } catch {
    return notFoundResponse();
  }
  const spec = parseRange(range, size);
  if (spec.kind === 'unsatisfiable') return unsatisfiable(size, headers);
  const start = spec.kind === 'partial' ? spec.start : 0;
  const end = spec.kind === 'partial' ? spec.end : size - 1;
  const length = Math.max(0, end - start + 1);
  const body = Buffer.alloc(length);
  const fh = await open(filePath, 'r');
  try {
    let off = 0;
    while (off < length) {
      const { bytesRead } = await fh.read(body, off, length - off, start + off);
      if (bytesRead === 0) break; // file shrank meanwhile
      off += bytesRead;
    }
    const got = off === length ? body : body.subarray(0, off);
    if (spec.kind === 'full')
      return { status: 200, headers: { ...baseHeaders(headers), 'Content-Length': String(got.length) }, body: got };
    return {
      status: 206,
      headers: {
        ...baseHeaders(headers),
        'Content-Range': `bytes ${start}-${start + got.length - 1}/${size}`,
        'Content-Length': String(got.length),
      },
      body: got,
    };
  } finally {
    await fh.close();
  }
}
