/// <reference lib="webworker" />
/**
 * The atlas's service worker (Workbox, built by vite-plugin-pwa from this file; vite.config.ts).
 * Once the atlas has been loaded it opens, draws, exports and presents with no network:
 * - precached (installed whole before this worker takes over, each file checked by its revision):
 *   the page, every chunk (jsPDF, PptxGenJS and the export's fonts too), the data, the geography,
 *   the fonts, the icons and the basemap tiles to zoom TILE_PRECACHE_MAXZOOM;
 * - the deeper tiles (zoom 7–8, over 5,500 small files): cached when first drawn, and fetched in the
 *   background once the page asks (src/pwa.ts, after the map is idle), into a cache named after the
 *   tile set's hash, so tiles of another build are never mixed in;
 * - any navigation in its scope gets the precached index.html (links carry their state in the query
 *   and the hash, which the page reads).
 * A new version waits until the page says the user accepted it (SKIP_WAITING), so one page never
 * runs on two versions' files.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { TILE_PRECACHE_MAXZOOM, tilePaths, tileZoom, type TileRuns } from './domain/tile-runs.ts';

declare const self: ServiceWorkerGlobalScope;
declare const __ATLAS_TILE_RUNS__: TileRuns;
declare const __ATLAS_TILE_VERSION__: string;

const TILE_CACHE_PREFIX = 'atlas-tiles-';
const TILE_CACHE = `${TILE_CACHE_PREFIX}${__ATLAS_TILE_VERSION__}`;
/** Background tile downloads at once: enough to be quick, few enough to leave the page's own requests room. */
const WARM_CONCURRENCY = 4;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
registerRoute(({ url, sameOrigin }) => sameOrigin && (tileZoom(url.pathname) ?? -1) > TILE_PRECACHE_MAXZOOM, new CacheFirst({ cacheName: TILE_CACHE }));

let warming: Promise<void> | null = null;

/** Fetches the deeper tiles not cached yet; resumes where an interrupted run stopped. */
async function warmTiles(): Promise<void> {
  const cache = await caches.open(TILE_CACHE);
  const have = new Set((await cache.keys()).map((r) => r.url));
  const todo: string[] = [];
  for (const p of tilePaths(__ATLAS_TILE_RUNS__)) {
    const url = new URL(`tiles/${p}`, self.location.href).href;
    if (!have.has(url)) todo.push(url);
  }
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const url = todo[next++]!;
      try {
        const res = await fetch(url, { credentials: 'same-origin' });
        if (res.ok) await cache.put(url, res);
      } catch {
        return; // offline again: the next visit resumes
      }
    }
  };
  await Promise.all(Array.from({ length: WARM_CONCURRENCY }, worker));
}

self.addEventListener('message', (event) => {
  const type = (event.data as { type?: unknown } | null)?.type;
  if (type === 'SKIP_WAITING') void self.skipWaiting();
  else if (type === 'WARM_TILES') {
    warming ??= warmTiles().finally(() => (warming = null));
    event.waitUntil(warming);
  }
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith(TILE_CACHE_PREFIX) && k !== TILE_CACHE).map((k) => caches.delete(k)))),
  );
});

// The first installation takes over the page that installed it, so its lazy chunks (the export's)
// come from the precache when the network goes away during that first visit.
clientsClaim();
