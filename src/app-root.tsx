/**
 * The React app, a chunk of its own: main.tsx starts the map with MapLibre alone and renders the
 * app from here, so React and the app's code are evaluated while the map's worker lays out the
 * basemap, not before the map is created.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import { App, type AppProps } from './App.tsx';
import { i18next } from './i18n/index.ts';

// Read by the e2e suite: this chunk's code (and React's, evaluated just before) runs after the map
// is created (main.tsx).
performance.mark('atlas:app-code');

export function renderApp(root: HTMLElement, props: AppProps): void {
  // i18next is initialised by the page's start; hand the instance to react-i18next's hooks.
  initReactI18next.init(i18next);
  createRoot(root).render(
    <StrictMode>
      <App {...props} />
    </StrictMode>,
  );
}
