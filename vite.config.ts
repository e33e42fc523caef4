import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The renderer: served from dist/renderer by the HTTP adapter (browser mode) and loaded from a
// custom protocol in Electron, hence the relative base. No remote content of any kind.
export default defineConfig({
  root: here('./src/renderer'),
  base: './',
  plugins: [react()],
  // proj4 without the projections the page never uses (src/renderer/proj4-slim.js).
  resolve: { alias: [{ find: /^proj4$/, replacement: here('./src/renderer/proj4-slim.js') }] },
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // Everything is loaded from 'self': no inline scripts (the CSP forbids them).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  // Module workers (basemaps/geotiff-decoder.worker.ts): geotiff.js loads its decoders on demand.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
});
