/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (src/sw.ts) once the page has loaded and gone quiet, so its
 * precaching does not compete with the map's start; asks it to fetch the deeper basemap tiles in
 * the background; and when a new version has been installed, shows "new version — reload" instead
 * of letting it take over a running page (a page must not mix two versions' chunks).
 */
import { registerSW } from 'virtual:pwa-register';
import { i18next } from './i18n/index.ts';

/** After the page's load, a few seconds (the map's first idle comes after it) and an idle moment. */
function whenQuiet(fn: () => void, delay = 3000): void {
  const idle = () => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(fn, { timeout: 5000 }) : fn());
  const later = () => window.setTimeout(idle, delay);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

function showUpdate(update: () => Promise<void>): void {
  if (document.querySelector('[data-testid="update-banner"]')) return;
  const bar = document.createElement('div');
  bar.className = 'update-banner';
  bar.setAttribute('role', 'status');
  bar.dataset.testid = 'update-banner';
  const text = document.createElement('span');
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'button-primary';
  reload.dataset.testid = 'update-reload';
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'button-quiet';
  const words = () => {
    text.textContent = i18next.t('pwa.updateReady');
    reload.textContent = i18next.t('pwa.reload');
    later.textContent = '×';
    later.setAttribute('aria-label', i18next.t('pwa.later'));
  };
  words();
  i18next.on('languageChanged', words);
  reload.addEventListener('click', () => {
    reload.disabled = true;
    void update();
  });
  later.addEventListener('click', () => {
    i18next.off('languageChanged', words);
    bar.remove();
  });
  bar.append(text, reload, later);
  document.body.appendChild(bar);
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  whenQuiet(() => {
    const update = registerSW({
      immediate: true,
      onNeedRefresh: () =>
        showUpdate(() => {
          // Reloaded once the new version controls the page (also when this page was the first
          // visit, which the plugin's own reload leaves out).
          navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
          return update(true);
        }),
      onNeedReload: () => undefined,
      onRegisteredSW: () => {
        // The deeper tiles, in the background, once a version is running.
        void navigator.serviceWorker.ready.then((reg) => whenQuiet(() => reg.active?.postMessage({ type: 'WARM_TILES' }), 0));
      },
      onRegisterError: (e: unknown) => console.warn('Plan Atlas: the service worker could not be registered; the atlas works, but not offline.', e),
    });
  });
}
