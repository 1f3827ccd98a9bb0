/**
 * Entry point: MapLibre's worker (bundled by Vite, never fetched from elsewhere), the atlas font,
 * the language from the link, then the React app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import { App, panelInset } from './App.tsx';
import { decodeUrlState } from './domain/url-state.ts';
import { DEFAULT_LANG, initI18n } from './i18n/index.ts';
import { createBasemap, offerEarlyBasemap } from './map/create-basemap.ts';
import { loadGeoData } from './map/geodata.ts';
import { loadFontManifest, registerCssFonts } from './styles/fonts.ts';

// MapLibre 6 under Vite: point it at the bundled worker, or the map never loads.
setWorkerUrl(workerUrl);

async function start(): Promise<void> {
  const initial = decodeUrlState(window.location.search, window.location.hash);
  // The geography downloads while the language and the font are set up.
  const geo = loadGeoData();
  geo.catch(() => undefined); // handled by the App, which shows the error in the map area
  const manifest = loadFontManifest();
  const i18n = await initI18n(initial.state.lang ?? DEFAULT_LANG);
  const fonts = await manifest;
  await registerCssFonts(fonts, [400]);
  // The map starts as soon as the geography is in, before React renders the page, so its worker
  // lays out the basemap meanwhile (create-basemap.ts); AtlasMap takes it over. If MapLibre
  // refuses to start here (no WebGL), nothing is created, and the page says why as before.
  // This handler is registered before the App's own on the same promise, so the map is on offer
  // before AtlasMap can mount.
  geo.then(
    (g) => {
      const container = document.createElement('div');
      container.className = 'atlas-map__canvas';
      container.style.visibility = 'hidden';
      document.body.appendChild(container);
      try {
        const lang = i18n.language === 'en' ? 'en' : 'zh';
        offerEarlyBasemap({ container, ...createBasemap(container, { geo: g, fonts, lang, initialView: initial.state.view, panelInset: panelInset(), zoomIn: i18n.t('map.zoomIn'), zoomOut: i18n.t('map.zoomOut') }) });
      } catch {
        container.remove();
      }
    },
    () => undefined,
  );
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initial={initial} fonts={fonts} geoData={geo} />
    </StrictMode>,
  );
}

start().catch((e: unknown) => {
  console.error(e);
  const root = document.getElementById('root');
  if (root) root.textContent = `Plan Atlas failed to start: ${e instanceof Error ? e.message : String(e)}`;
});
