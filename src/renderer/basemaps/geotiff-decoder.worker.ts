// Decodes GeoTIFF blocks off the page's thread (geotiff-decode.ts sends them). The messages are
// geotiff.js's own decoder worker's: { compression, decoderParameters, buffer } in, { decoded } or
// { error } out, with the sender's job number echoed.
import { getDecoder } from 'geotiff';

type Out = { postMessage(message: unknown, transfer?: Transferable[]): void; decodedBlocks: number };
const out = globalThis as unknown as Out;
// How many blocks this worker decoded (tests/e2e/basemaps.spec.ts reads it).
out.decodedBlocks = 0;

globalThis.addEventListener('message', (e: Event) => {
  const { compression, decoderParameters, buffer, job } = (e as MessageEvent).data as {
    compression: number;
    decoderParameters: Parameters<typeof getDecoder>[1];
    buffer: ArrayBuffer;
    job: number;
  };
  getDecoder(compression, decoderParameters)
    .then((decoder) => decoder.decode(buffer))
    .then(
      (decoded) => {
        out.decodedBlocks++;
        out.postMessage({ job, decoded }, [decoded as ArrayBuffer]);
      },
      (err: unknown) => out.postMessage({ job, error: err instanceof Error ? err.message : String(err) }),
    );
});
