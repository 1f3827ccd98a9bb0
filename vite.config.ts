import { existsSync, readdirSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The compiled catalogue files present now (public/data/ appears once data/compile.ts has run). */
function dataFiles(): string[] {
  return existsSync('public/data') ? readdirSync('public/data').sort() : [];
}

// A relative base lets dist/ be served from any path (a sub-folder, a file share); the app builds
// every data URL from import.meta.env.BASE_URL and the page's own location.
export default defineConfig({
  base: './',
  plugins: [react()],
  define: {
    // Known at build time so the app never probes for a missing file (a 404 is a console error).
    __ATLAS_DATA_FILES__: JSON.stringify(dataFiles()),
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // MapLibre + deck.gl core + React make one ~1.8 MB (0.5 MB gzip) entry chunk; that is expected.
    chunkSizeWarningLimit: 2000,
  },
});
