// geotiff.js reads through a "source" with fetch(slices): this one asks the RasterSource for
// exactly the byte ranges geotiff.js needs (headers, then only the tiles of the window), so a
// base map stored inside the project is never loaded whole.
import type { GeoTiffRasterSource } from './source';

interface Slice {
  offset: number;
  length: number;
}

/** Duck-typed geotiff.js BaseSource (the class itself is not exported by the package). */
export class RangeSource {
  constructor(private readonly src: GeoTiffRasterSource) {}

  get fileSize(): number {
    return this.src.size;
  }

  fetch(slices: Slice[]): Promise<ArrayBuffer[]> {
    return Promise.all(slices.map((s) => this.fetchOne(s)));
  }

  private async fetchOne(s: Slice): Promise<ArrayBuffer> {
    // geotiff.js asks for a fixed-size header even of a file smaller than that.
    const length = Math.max(0, Math.min(s.length, this.src.size - s.offset));
    const bytes = length > 0 ? await this.src.read(s.offset, length) : new Uint8Array(0);
    if (bytes.length !== length)
      throw new Error(`base map "${this.src.name}": read ${bytes.length} of ${length} bytes at ${s.offset}`);
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
    return bytes.slice().buffer;
  }

  async close(): Promise<void> {}
}
