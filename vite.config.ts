import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import type { FontManifest } from './src/styles/font-manifest.ts';
import { pmtilesArchive, type Archive } from './geo/pmtiles.ts';

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

/**
 * `ATLAS_TILES=pmtiles npm run build`: the basemap's tiles as one PMTiles archive (geo/pmtiles.ts)
 * named by its content (`tiles-<hash>.pmtiles`, cacheable for ever) instead of the directory of
 * ~6,000 small files, for hosts where many files hurt. The app reads it through the `pmtiles`
 * package (src/map/create-basemap.ts). Sizes and load times of both: bench/README.md, "deployment".
 */
function pmtilesBuild(): { plugin: Plugin; file: string | null } {
  if (process.env.ATLAS_TILES !== 'pmtiles') return { plugin: { name: 'atlas-tiles' }, file: null };
  let archive: Archive | null = null;
  const make = () => (archive ??= pmtilesArchive('public/tiles'));
  const file = `tiles-${make().hash}.pmtiles`;
  let outDir = 'dist';
  return {
    file,
    plugin: {
      name: 'atlas-pmtiles',
      apply: 'build',
      configResolved: (c) => void (outDir = c.build.outDir),
      closeBundle() {
        rmSync(join(outDir, 'tiles'), { recursive: true, force: true });
        writeFileSync(join(outDir, file), make().bytes);
      },
    },
  };
}

/**
 * Caching rules for hosts that read a `_headers` file (Netlify, Cloudflare Pages; others: README,
 * "Deploying"). What is named by its content is kept for a year: Vite's assets/, the fonts
 * (scripts/fonts.ts names each face by its hash), a PMTiles archive. What keeps its name across
 * builds (the page, the font manifest, the geography, the catalogue, the tile directory) is
 * revalidated on each use (`no-cache`: a 304 when unchanged), so a new build is never mixed with an
 * old one. Paths are from the site's root; a site served from a sub-folder needs its own rules.
 */
export const CACHE_RULES: Array<[string, string]> = [
  ['/assets/*', 'public, max-age=31536000, immutable'],
  ['/fonts/*.woff2', 'public, max-age=31536000, immutable'],
  ['/*.pmtiles', 'public, max-age=31536000, immutable'],
  ['/', 'no-cache'],
  ['/index.html', 'no-cache'],
  ['/fonts/manifest.json', 'no-cache'],
  ['/geo/*', 'no-cache'],
  ['/data/*', 'no-cache'],
  ['/tiles/*', 'no-cache'],
];

function cacheHeaders(): Plugin {
  return {
    name: 'atlas-headers',
    apply: 'build',
    generateBundle() {
      const text = CACHE_RULES.map(([path, value]) => `${path}\n  Cache-Control: ${value}\n`).join('');
      this.emitFile({ type: 'asset', fileName: '_headers', source: text });
    },
  };
}

/** The compiled catalogue files present now (public/data/ appears once data/compile.ts has run). */
function dataFiles(): string[] {
  return existsSync('public/data') ? readdirSync('public/data').sort() : [];
}

// A relative base lets dist/ be served from any path (a sub-folder, a file share); the app builds
// every data URL from import.meta.env.BASE_URL and the page's own location.
const tiles = pmtilesBuild();

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadStartFiles(), preloadAppChunk(), cacheHeaders(), tiles.plugin],
  define: {
    // Known at build time so the app never probes for a missing file (a 404 is a console error).
    __ATLAS_DATA_FILES__: JSON.stringify(dataFiles()),
    __ATLAS_PMTILES__: JSON.stringify(tiles.file),
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
