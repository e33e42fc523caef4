// GeoTIFF blocks are decoded in our own Web Workers, so that panning over a scanned base map does
// not wait for inflate or LZW on the page's thread. geotiff.js (used by ol/source/GeoTIFF) would
// start its decoders from blob: URLs, which our Content-Security-Policy (script-src 'self', no
// blob:) refuses, and its pool would then wait forever. So the pool OpenLayers makes drops those
// workers and hands every block to ours: a worker file bundled with the app, which 'self' allows.
// Written here rather than with geotiff's Pool because that pool never notices a worker that failed
// to start; here a block whose worker fails is decoded on the page's thread instead, never lost.
import { getDecoder, Pool } from 'geotiff';

type Params = Parameters<typeof getDecoder>[1];
interface Job {
  compression: number;
  params: Params;
  buffer: ArrayBuffer;
  resolve(decoded: ArrayBuffer): void;
  reject(err: Error): void;
}
interface Decoder {
  worker: Worker;
  jobs: Map<number, Job>;
}

/** geotiff.js's code for blocks stored without compression: nothing to decode, nothing to send. */
const NO_COMPRESSION = 1;
let decoders: Decoder[] | null = null;
let broken = false;
let nextJob = 0;

function onThisThread(compression: number, params: Params, buffer: ArrayBuffer): Promise<ArrayBuffer> {
  return getDecoder(compression, params).then((d) => d.decode(buffer) as Promise<ArrayBuffer>);
}

/** A worker that failed: its blocks, and all later ones, are decoded here. */
function giveUp(d: Decoder) {
  broken = true;
  d.worker.terminate();
  for (const j of d.jobs.values()) onThisThread(j.compression, j.params, j.buffer).then(j.resolve, j.reject);
  d.jobs.clear();
}

function start(): Decoder[] {
  const n = Math.max(1, Math.min(3, (navigator.hardwareConcurrency || 2) - 1));
  return Array.from({ length: n }, () => {
    const d: Decoder = { worker: new Worker(new URL('./geotiff-decoder.worker.ts', import.meta.url), { type: 'module' }), jobs: new Map() };
    d.worker.addEventListener('message', (e: MessageEvent<{ job: number; decoded?: ArrayBuffer; error?: string }>) => {
      const j = d.jobs.get(e.data.job);
      if (!j) return;
      d.jobs.delete(e.data.job);
      if (e.data.decoded) j.resolve(e.data.decoded);
      else j.reject(new Error(e.data.error ?? 'GeoTIFF block not decoded'));
    });
    d.worker.addEventListener('error', (e) => {
      e.preventDefault();
      giveUp(d);
    });
    d.worker.addEventListener('messageerror', () => giveUp(d));
    return d;
  });
}

function decodeBlock(compression: number, params: Params, buffer: ArrayBuffer): Promise<ArrayBuffer> {
  if (broken || compression === NO_COMPRESSION || typeof Worker === 'undefined') return onThisThread(compression, params, buffer);
  decoders ??= start();
  const d = decoders.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const job = nextJob++;
    // A copy goes to the worker: the original stays here in case the worker fails.
    const copy = buffer.slice(0);
    d.jobs.set(job, { compression, params, buffer, resolve, reject });
    d.worker.postMessage({ job, compression, decoderParameters: params, buffer: copy }, [copy]);
  });
}

let patched = false;

/** Points the GeoTIFF pools OpenLayers makes at decodeBlock (once). */
export function decodeGeoTiffInWorkers(): void {
  if (patched) return;
  patched = true;
  type PoolInternals = { workerWrappers: Promise<{ terminate(): void }[]> | null };
  Pool.prototype.bindParameters = function (this: Pool & PoolInternals, compression: number, params: Params) {
    const wrappers = this.workerWrappers;
    if (wrappers) {
      this.workerWrappers = null;
      // Whatever blob: workers the browser did create are stopped; a refused one is no error of ours.
      wrappers.then((ws) => ws.forEach((w) => w.terminate())).catch(() => undefined);
    }
    return { decode: (buffer: ArrayBufferLike) => decodeBlock(compression, params, buffer as ArrayBuffer) };
  };
}
