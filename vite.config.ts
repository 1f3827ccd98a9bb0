import { existsSync, readFileSync, readdirSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import type { FontManifest } from './src/styles/font-manifest.ts';

/**
 * The built app's Content-Security-Policy: no inline or foreign script, no connection off its own
 * origin (the atlas is offline by design; a request elsewhere is a bug or an injection). Styles may be
 * set inline (MapLibre and React position elements through style attributes); images may be data:
 * or blob: URLs (canvas exports, the favicon). Only for builds: Vite's dev server injects inline
 * scripts for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'atlas-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * What the page fetches first of all, asked for by the HTML itself so the downloads start with the
 * script, not after it has run (about 0.6 s later under load): the font manifest and the regular
 * faces the first paint waits for (src/main.tsx), and the geography the map and the panels read.
 */
function preloadStartFiles(): Plugin {
  const manifest = 'public/fonts/manifest.json';
  return {
    name: 'atlas-preload',
    transformIndexHtml: () => {
      const fetched = ['fonts/manifest.json', 'geo/regions.geojson', 'geo/countries.geojson', 'geo/labels.geojson', 'geo/borders.json'];
      const fonts: string[] = [];
      if (existsSync(manifest)) {
        const m = JSON.parse(readFileSync(manifest, 'utf8')) as FontManifest;
        for (const w of m.weights) if (w.weight === 400) for (const f of w.faces) fonts.push(`fonts/${f.file}`);
      }
      return [
        ...fetched.map((href) => ({ tag: 'link', attrs: { rel: 'preload', href, as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' as const })),
        ...fonts.map((href) => ({ tag: 'link', attrs: { rel: 'preload', href, as: 'font', type: 'font/woff2', crossorigin: 'anonymous' }, injectTo: 'head' as const })),
      ];
    },
  };
}

/** The compiled catalogue files present now (public/data/ appears once data/compile.ts has run). */
function dataFiles(): string[] {
  return existsSync('public/data') ? readdirSync('public/data').sort() : [];
}

// A relative base lets dist/ be served from any path (a sub-folder, a file share); the app builds
// every data URL from import.meta.env.BASE_URL and the page's own location.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadStartFiles()],
  define: {
    // Known at build time so the app never probes for a missing file (a 404 is a console error).
    __ATLAS_DATA_FILES__: JSON.stringify(dataFiles()),
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // MapLibre + React + the app make one ~1.7 MB (0.5 MB gzip) entry chunk; deck.gl is a chunk of
    // its own (src/map/deck.ts, ~0.8 MB), loaded after the basemap's first frame.
    chunkSizeWarningLimit: 2000,
  },
});
