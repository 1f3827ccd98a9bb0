/**
 * Entry point: MapLibre's worker (bundled by Vite, never fetched from elsewhere), the atlas font,
 * the language from the link, the map, then the React app.
 *
 * This chunk holds MapLibre and what the map's first frame needs, and no React: the map is created
 * as soon as the names' anchors are in (the rest of the basemap is tiles), and the app's chunk (app-root.tsx, preloaded by the HTML) is
 * evaluated after, while the map's worker lays out the basemap.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import { decodeUrlState, type Decoded, type Lang } from './domain/url-state.ts';
import { hooksRequested, installHooks, type Hooks } from './hooks.ts';
import { MapController } from './map/controller.ts';
import { DEFAULT_LANG, initI18n, zoomLabels } from './i18n/index.ts';
import { createBasemap, dropEarlyBasemap, offerEarlyBasemap } from './map/create-basemap.ts';
import { loadGeoData, loadLabels } from './map/geodata.ts';
import type { FontManifest } from './styles/font-manifest.ts';
import type { LabelCollection } from './domain/types.ts';
import { loadFontManifest, registerCssFonts } from './styles/fonts.ts';
import { panelInset } from './map/panel-inset.ts';
import { registerServiceWorker } from './pwa.ts';

// MapLibre 6 under Vite: point it at the bundled worker, or the map never loads.
setWorkerUrl(workerUrl);
// The worker's script downloads and starts now, while the geography is read, not when the map is
// created (a Map creates MapLibre's workers if none are running yet).
prewarm();

/**
 * The map, before React renders the page, so its worker lays out the basemap meanwhile
 * (create-basemap.ts); AtlasMap takes it over. If MapLibre refuses to start here (no WebGL),
 * nothing is created, and the page says why as before.
 */
function startEarlyMap(labels: LabelCollection, fonts: FontManifest, lang: Lang, initial: Decoded, hooks: Hooks | null): void {
  const container = document.createElement('div');
  container.className = 'atlas-map__canvas';
  container.style.visibility = 'hidden';
  document.body.appendChild(container);
  try {
    const basemap = createBasemap(container, { labels, fonts, lang, initialView: initial.state.view, panelInset: initial.state.embed ? { right: 0, bottom: 0 } : panelInset(), ...zoomLabels(lang) });
    offerEarlyBasemap({ container, ...basemap });
    // Tests and benchmarks see the map from its creation, before the app takes it over (its own controller then replaces this one).
    hooks?.attachMap(new MapController(basemap.map, { heldLoad: basemap.hold.held, early: true }));
  } catch {
    container.remove();
  }
}

async function start(): Promise<void> {
  // Marks of the start's steps, for the benchmark's and a profiler's reading (bench/README).
  performance.mark('atlas:entry');
  const initial = decodeUrlState(window.location.search, window.location.hash);
  const hooks = hooksRequested() ? installHooks() : null;
  const lang = initial.state.lang ?? DEFAULT_LANG;
  // The geography and the font manifest download together (the HTML preloads both).
  const labels = loadLabels();
  const geo = loadGeoData(labels);
  // Handled by the App, which shows the error in the map area instead of a map.
  // Either order: a geography that fails before the names arrive keeps the map from being created.
  let geoFailed = false;
  geo.catch(() => {
    geoFailed = true;
    dropEarlyBasemap();
  });
  const fonts = await loadFontManifest();
  // The map first, as soon as the names' anchors are in: the outlines' topology is read and decoded
  // meanwhile. Then the page's language and fonts, and the app's chunk, whose import evaluates React
  // and the app: all of it main-thread work that would otherwise come before the map is created.
  await labels.then(
    (l) => {
      performance.mark('atlas:labels');
      if (!geoFailed) startEarlyMap(l, fonts, lang, initial, hooks);
      performance.mark('atlas:map-created');
    },
    () => undefined,
  );
  await initI18n(lang);
  await registerCssFonts(fonts, [400]);
  performance.mark('atlas:page-set-up');
  const { renderApp } = await import('./app-root.tsx');
  renderApp(document.getElementById('root')!, { initial, fonts, geoData: geo, hooks });
  performance.mark('atlas:app-rendered');
}

// Offline after the first load (src/sw.ts); registered once the page is quiet. Not by an embed:
// a reader of the host page did not ask for the atlas's 12 MB of files and thousands of tiles, nor
// for its "new version" banner (an atlas already installed still serves the embed from its cache).
if (!decodeUrlState(window.location.search, '').state.embed) registerServiceWorker();

start().catch((e: unknown) => {
  console.error(e);
  const root = document.getElementById('root');
  if (root) root.textContent = `Plan Atlas failed to start: ${e instanceof Error ? e.message : String(e)}`;
});
