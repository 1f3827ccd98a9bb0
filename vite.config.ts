import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { TILE_PRECACHE_MAXZOOM, type TileRuns } from './src/domain/tile-runs.ts';
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
      const fetched = ['fonts/manifest.json', 'geo/regions.topo.json', 'geo/labels.geojson'];
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
  ['/sw.mjs', 'no-cache'],
  ['/manifest.webmanifest', 'no-cache'],
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

/**
 * The basemap tiles the service worker does not precache (zoom above TILE_PRECACHE_MAXZOOM): for
 * each zoom and column, runs of rows; and a hash of their bytes, which names the cache they are
 * kept in, so a new tile set never mixes with an old one.
 */
function tileRuns(dir = 'public/tiles'): { runs: TileRuns; version: string } {
  const runs: TileRuns = {};
  const hash = createHash('sha256');
  if (!existsSync(dir)) return { runs, version: 'none' };
  const numeric = (names: string[]) => names.map((n) => Number.parseInt(n, 10)).filter(Number.isFinite).sort((a, b) => a - b);
  for (const z of numeric(readdirSync(dir)).filter((z) => z > TILE_PRECACHE_MAXZOOM)) {
    const cols: Record<number, [number, number][]> = {};
    for (const x of numeric(readdirSync(`${dir}/${z}`))) {
      const ys = numeric(readdirSync(`${dir}/${z}/${x}`));
      const list: [number, number][] = [];
      for (const y of ys) {
        hash.update(`${z}/${x}/${y}`).update(readFileSync(`${dir}/${z}/${x}/${y}.pbf`));
        const last = list[list.length - 1];
        if (last && last[1] === y - 1) last[1] = y;
        else list.push([y, y]);
      }
      cols[x] = list;
    }
    runs[z] = cols;
  }
  return { runs, version: hash.digest('hex').slice(0, 12) };
}

/** A PMTiles build (ATLAS_TILES=pmtiles) has no tile directory: the service worker leaves tiles to the network. */
const PMTILES = process.env.ATLAS_TILES === 'pmtiles';
const TILES = PMTILES ? { runs: {}, version: 'pmtiles' } : tileRuns();

/**
 * The service worker (src/sw.ts, Workbox through vite-plugin-pwa): precaches the page, every chunk
 * (the export's jsPDF and PptxGenJS too), the data, geography, fonts and the tiles to zoom
 * TILE_PRECACHE_MAXZOOM, so the atlas opens and exports with no network once it has been loaded.
 * Registered by src/pwa.ts, which asks before an update replaces the running version.
 */
function serviceWorker(): Plugin[] {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    registerType: 'prompt',
    // src/pwa.ts registers it (a module of the app: no inline script, which the CSP forbids).
    injectRegister: false,
    manifest: {
      name: '内蒙古融入环渤海地区合作发展规划 · 规划地图集 Plan Atlas',
      short_name: '规划地图集',
      description: "Plan Atlas: an offline map of Inner Mongolia's plan for integration into the Bohai Rim cooperation region",
      lang: 'zh-Hans',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f4f1ea',
      theme_color: '#1d4e89',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    injectManifest: {
      // The manifest and its icons are added by the plugin itself.
      globPatterns: [
        '**/*.{html,js,mjs,css,json,geojson,woff,woff2,svg}',
        ...(PMTILES ? [] : [`tiles/{${Array.from({ length: TILE_PRECACHE_MAXZOOM + 1 }, (_, z) => z).join(',')}}/**/*.pbf`]),
      ],
      // The entry chunk (MapLibre) and the regions' geography are over Workbox's 2 MB default.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Built for geo/'s own checks, the CLI's compiler and the bench's GeoJSON baseline; the app
      // reads the outlines from geo/regions.topo.json.
      globIgnores: ['geo/borders.json', 'geo/regions.geojson', 'geo/countries.geojson'],
    },
  });
}

// A relative base lets dist/ be served from any path (a sub-folder, a file share); the app builds
// every data URL from import.meta.env.BASE_URL and the page's own location.
const tiles = pmtilesBuild();

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadStartFiles(), preloadAppChunk(), cacheHeaders(), tiles.plugin, serviceWorker()],
  define: {
    // Known at build time so the app never probes for a missing file (a 404 is a console error).
    __ATLAS_DATA_FILES__: JSON.stringify(dataFiles()),
    __ATLAS_PMTILES__: JSON.stringify(tiles.file),
    // For the service worker (src/sw.ts): the tiles it caches on first view and fetches in the background.
    __ATLAS_TILE_RUNS__: JSON.stringify(TILES.runs),
    __ATLAS_TILE_VERSION__: JSON.stringify(TILES.version),
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
