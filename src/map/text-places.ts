/**
 * The places a search of the plan's text finds, shown on the live map: one ring for each, sized by
 * how many matches name it, its name and count on hover. DOM markers (maplibre-gl's Marker) rather
 * than a style layer, so exports, which copy the style, never carry a search.
 */
import { Marker } from 'maplibre-gl';
import type { MapController } from './controller.ts';

export interface TextPlacePoint {
  /** `${kind}:${id}` of the place (domain/plan-text.ts placeKey). */
  key: string;
  lng: number;
  lat: number;
  label: string;
  count: number;
}

const shown = new WeakMap<MapController, Marker[]>();

/** Replaces the markers on the map with these (none clears them). */
export function showTextPlaces(controller: MapController, points: readonly TextPlacePoint[]): void {
  for (const m of shown.get(controller) ?? []) m.remove();
  const markers = points.map((p) => {
    const el = document.createElement('div');
    el.className = 'text-place-marker';
    el.dataset.place = p.key;
    el.title = `${p.label} · ${p.count}`;
    el.setAttribute('aria-hidden', 'true');
    const size = Math.round(14 + Math.min(16, Math.sqrt(p.count) * 4));
    Object.assign(el.style, {
      width: `${size}px`,
      height: `${size}px`,
      borderRadius: '50%',
      border: '3px solid #e0b400',
      background: 'rgba(255, 229, 138, 0.35)',
      boxShadow: '0 0 0 1.5px rgba(47, 42, 33, 0.75)',
      pointerEvents: 'none',
    });
    return new Marker({ element: el }).setLngLat([p.lng, p.lat]).addTo(controller.map);
  });
  shown.set(controller, markers);
}
