// A (possibly ranged) answer for a body we can read piece by piece: only the requested bytes are
// read, so a GeoTIFF reader asking for 64 KiB of a 500 MB raster costs one or two 64 KiB chunks.
import { parseRange, type BinaryResponse } from '../http/range';

export function rangedResponse(size: number, range: string | undefined, read: (offset: number, length: number) => Buffer, headers: Record<string, string>): BinaryResponse {
  const spec = parseRange(range, size);
  const base = { ...headers, 'Accept-Ranges': 'bytes' };
  if (spec.kind === 'unsatisfiable') return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' }, body: Buffer.alloc(0) };
  if (spec.kind === 'full') {
    const body = read(0, size);
    return { status: 200, headers: { ...base, 'Content-Length': String(body.length) }, body };
  }
  const body = read(spec.start, spec.end - spec.start + 1);
  return {
    status: 206,
    headers: { ...base, 'Content-Range': `bytes ${spec.start}-${spec.end}/${size}`, 'Content-Length': String(body.length) },
    body,
  };
}
