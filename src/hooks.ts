/**
 * Test, benchmark and scripting hooks, installed only when a page asks for them before it loads:
 *
 *   page.addInitScript('globalThis.__ATLAS_HOOKS__ = true')
 *
 * (tests/e2e/browser.ts, bench/*.ts and scripts/export-cli.ts do). Then the page exposes
 * `window.__atlas` (the live map, its start marks, and what a point on it selects) and
 * `window.__planExport` (the export without clicking). Production code never reads them.
 */
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapController } from './map/controller.ts';
import type { PickTarget } from './map/themes/index.ts';
import type { PlanExportApi } from './ui/export/api.ts';

/** The live map as tests and benchmarks read it. */
export interface AtlasHandle {
  map: MapLibreMap;
  overlay: MapLibreOverlay | null;
  ready: boolean;
  heldLoad: boolean;
  early: boolean;
  idleAt?: number;
  layersAt?: number;
  atlasIdleAt?: number;
  pick?: (x: number, y: number) => PickTarget | null;
  regionAt?: (x: number, y: number) => string | null;
}

declare global {
  interface Window {
    __ATLAS_HOOKS__?: boolean;
    __atlas?: AtlasHandle;
    __planExport?: PlanExportApi;
  }
}

export interface Hooks {
  /** The map controller of the live map (null when it goes). */
  attachMap(controller: MapController | null): void;
  /** The export API (null when the export controls unmount). */
  provideExport(api: PlanExportApi | null): void;
}

export function hooksRequested(): boolean {
  return window.__ATLAS_HOOKS__ === true;
}

export function installHooks(): Hooks {
  let detach: (() => void) | null = null;
  return {
    attachMap(controller) {
      detach?.();
      detach = null;
      if (!controller) {
        delete window.__atlas;
        return;
      }
      // Read through to the controller, so the handle is current whenever a test looks.
      const handle: AtlasHandle = {
        get map() {
          return controller.map;
        },
        get overlay() {
          return controller.overlay;
        },
        get ready() {
          return controller.ready;
        },
        get heldLoad() {
          return controller.marks.heldLoad;
        },
        get early() {
          return controller.marks.early;
        },
        get idleAt() {
          return controller.marks.idleAt;
        },
        get layersAt() {
          return controller.marks.layersAt;
        },
        get atlasIdleAt() {
          return controller.marks.atlasIdleAt;
        },
        pick: (x, y) => controller.probes?.pick(x, y) ?? null,
        regionAt: (x, y) => controller.probes?.regionAt(x, y) ?? null,
      };
      window.__atlas = handle;
      detach = () => {
        if (window.__atlas === handle) delete window.__atlas;
      };
    },
    provideExport(api) {
      if (api) window.__planExport = api;
      else delete window.__planExport;
    },
  };
}
