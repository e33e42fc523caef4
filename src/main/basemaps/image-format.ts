// What a tile's bytes are, from their first bytes (a tile's declared format is often wrong or absent).

export type TileFormat = 'png' | 'jpeg' | 'webp';

/** 'png' | 'jpeg' | 'webp' for raster tiles; 'gzip' (compressed vector tiles); null for anything else. */
export function sniffTile(data: Uint8Array): TileFormat | 'gzip' | null {
  if (data.length >= 8 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.length >= 12 && ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 4) === 'WEBP') return 'webp';
  if (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b) return 'gzip';
  return null;
}

export const TILE_MIME: Record<TileFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

function ascii(d: Uint8Array, at: number, n: number): string {
  return String.fromCharCode(...d.subarray(at, at + n));
}

const be16 = (d: Uint8Array, i: number) => (d[i]! << 8) | d[i + 1]!;
const be32 = (d: Uint8Array, i: number) => ((d[i]! << 24) >>> 0) + (d[i + 1]! << 16) + (d[i + 2]! << 8) + d[i + 3]!;
const le16 = (d: Uint8Array, i: number) => d[i]! | (d[i + 1]! << 8);
const le24 = (d: Uint8Array, i: number) => d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16);

/** Pixel size of a PNG, JPEG or WebP image, read from its header; null if it cannot be told. */
export function imageSize(data: Uint8Array): { width: number; height: number } | null {
  const f = sniffTile(data);
  if (f === 'png' && data.length >= 24) return { width: be32(data, 16), height: be32(data, 20) };
  if (f === 'jpeg') {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return null;
      const marker = data[i + 1]!;
      const len = be16(data, i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { width: be16(data, i + 7), height: be16(data, i + 5) };
      i += 2 + len;
    }
    return null;
  }
  if (f === 'webp' && data.length >= 30) {
    const chunk = ascii(data, 12, 4);
    if (chunk === 'VP8 ') return { width: le16(data, 26) & 0x3fff, height: le16(data, 28) & 0x3fff };
    if (chunk === 'VP8L') {
      const b = data.subarray(21, 25);
      return { width: 1 + (((b[1]! & 0x3f) << 8) | b[0]!), height: 1 + (((b[3]! & 0xf) << 10) | (b[2]! << 2) | ((b[1]! & 0xc0) >> 6)) };
    }
    if (chunk === 'VP8X') return { width: 1 + le24(data, 24), height: 1 + le24(data, 27) };
  }
  return null;
}
