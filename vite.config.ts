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
      const fetched = ['fonts/manifest.json', 'geo/regions.geojson', 'geo/countries.geojson', 'geo/labels.geojson'];
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

/**
 * The app's chunk (src/app-root.tsx) and the chunks it imports, preloaded by the HTML: main.tsx
 * imports it only after the map is created, but its download and compile should start with the
 * page's.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'atlas-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const bundle = ctx.bundle ?? {};
        const root = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/app-root.tsx'));
        if (!root || root.type !== 'chunk') throw new Error('atlas-preload-app: no chunk for src/app-root.tsx');
        // Those the entry already brings (its own file, the runtime) are left out.
        const files = [root.fileName, ...root.imports].filter((f) => !html.includes(`/${f}"`));
        return files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${f}` }, injectTo: 'head' as const }));
      },
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
  plugins: [react(), contentSecurityPolicy(), preloadStartFiles(), preloadAppChunk()],
  define: {
    // Known at build time so the app never probes for a missing file (a 404 is a console error).
    __ATLAS_DATA_FILES__: JSON.stringify(dataFiles()),
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The entry chunk is MapLibre and the map's start; React and the app are a chunk of their own
    // (src/app-root.tsx), deck.gl another (src/map/deck.ts), loaded after the basemap's first frame.
    chunkSizeWarningLimit: 1300,
    // One style sheet, linked by the HTML: the app's chunk is imported after the start, and a style
    // sheet of its own would be fetched (and waited for) only then.
    cssCodeSplit: false,
  },
});
