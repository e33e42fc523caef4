// Zip archives written byte by byte, so their headers can say what a hostile file would say: sizes
// that lie, ZIP64 fields, entries sharing one piece of data. The payloads are real Deflate streams
// from zlib, made in 1 MiB steps so a 1 GiB entry never exists in memory.
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The bytes stored in the archive (already deflated when method is 8). */
  data: Uint8Array;
  method?: 0 | 8 | 12;
  crc: number;
  /** Declared uncompressed size (central directory and local header). */
  size: number;
  flags?: number;
  /** ZIP64 extra fields with the 32-bit fields at 0xFFFFFFFF. */
  zip64?: boolean;
  /** Write no data of its own: the central directory points at that earlier entry's. */
  sameDataAs?: number;
}

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const u64 = (n: number) => [...u32(n % 2 ** 32), ...u32(Math.floor(n / 2 ** 32))];
const M32 = 0xffffffff;

export function buildZip(entries: RawEntry[], opts: { zip64End?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  const put = (b: Uint8Array | number[]) => {
    const u = b instanceof Uint8Array ? b : Uint8Array.from(b);
    parts.push(u);
    at += u.length;
  };
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    if (e.sameDataAs !== undefined) {
      offsets[i] = offsets[e.sameDataAs]!;
      return;
    }
    offsets[i] = at;
    const name = new TextEncoder().encode(e.name);
    const extra = e.zip64 ? [...u16(1), ...u16(16), ...u64(e.size), ...u64(e.data.length)] : [];
    put([...u32(0x04034b50), ...u16(e.zip64 ? 45 : 20), ...u16((e.flags ?? 0) | 0x800), ...u16(e.method ?? 8), ...u32(0), ...u32(e.crc)]);
    put([...u32(e.zip64 ? M32 : e.data.length), ...u32(e.zip64 ? M32 : e.size), ...u16(name.length), ...u16(extra.length)]);
    put(name);
    put(extra);
    put(e.data);
  });
  const cdStart = at;
  entries.forEach((e, i) => {
    const name = new TextEncoder().encode(e.name);
    const src = entries[e.sameDataAs ?? i]!;
    const extra = e.zip64 ? [...u16(1), ...u16(24), ...u64(e.size), ...u64(src.data.length), ...u64(offsets[i]!)] : [];
    put([...u32(0x02014b50), ...u16(45), ...u16(e.zip64 ? 45 : 20), ...u16((e.flags ?? 0) | 0x800), ...u16(e.method ?? 8), ...u32(0), ...u32(e.crc)]);
    put([...u32(e.zip64 ? M32 : src.data.length), ...u32(e.zip64 ? M32 : e.size), ...u16(name.length), ...u16(extra.length), ...u16(0), ...u16(0), ...u16(0), ...u32(0)]);
    put([...u32(e.zip64 ? M32 : offsets[i]!)]);
    put(name);
    put(extra);
  });
  const cdSize = at - cdStart;
  if (opts.zip64End) {
    const rec = at;
    put([...u32(0x06064b50), ...u64(44), ...u16(45), ...u16(45), ...u32(0), ...u32(0), ...u64(entries.length), ...u64(entries.length), ...u64(cdSize), ...u64(cdStart)]);
    put([...u32(0x07064b50), ...u32(0), ...u64(rec), ...u32(1)]);
    put([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(0xffff), ...u16(0xffff), ...u32(M32), ...u32(M32), ...u16(0)]);
  } else {
    put([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(cdSize), ...u32(cdStart), ...u16(0)]);
  }
  const out = new Uint8Array(at);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** `mib` MiB of zeros deflated by zlib, fed 1 MiB at a time (1 GiB → ~1 MiB), and their CRC-32. */
export async function deflatedZeros(mib: number): Promise<{ data: Uint8Array; crc: number; size: number }> {
  const zero = Buffer.alloc(2 ** 20);
  const d = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  d.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => d.on('end', r));
  let crc = 0;
  for (let i = 0; i < mib; i++) {
    crc = crc32(zero, crc);
    if (!d.write(zero)) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await done;
  return { data: Buffer.concat(chunks), crc, size: mib * 2 ** 20 };
}

/** A small real entry (text deflated by zlib). */
export function textEntry(name: string, text: string, extra: Partial<RawEntry> = {}): RawEntry {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), crc: crc32(raw), size: raw.length, ...extra };
}
