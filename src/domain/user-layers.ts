/**
 * The user's own layers as the atlas keeps them: an imported file (src/domain/import.ts) with an
 * id, a colour and the time it came in; which of them a saved view had on, and what is missing
 * when the view is reopened. Pure: no React, no storage (src/ui/import keeps them in IndexedDB).
 */
import type { Position } from 'geojson';
import type { ImportedFeature, ImportedLayer } from './import.ts';

export interface UserLayer {
  /** `u-` and random characters: unique in this browser, never derived from the file's content. */
  id: string;
  /** From the file name (plain text, shown as text). */
  name: string;
  format: ImportedLayer['format'];
  /** Index into the palette of imported layers (src/map/imported-layers.ts). */
  colour: number;
  importedAt: string;
  features: ImportedFeature[];
}

/** How a saved view names an imported layer: the id to restore, the name to report if it is gone. */
export interface UserLayerRef {
  id: string;
  name: string;
}

export const USER_LAYER_ID = /^u-[a-z0-9]{4,40}$/;
export const MAX_USER_LAYERS = 40;

export function newUserLayerId(random: () => number = Math.random): string {
  let s = '';
  while (s.length < 10) s += Math.floor(random() * 36).toString(36);
  return `u-${s}`;
}

/** The first palette colour no layer uses; when all are taken, the least used (earliest on ties). */
export function nextColour(layers: readonly Pick<UserLayer, 'colour'>[], paletteSize: number): number {
  const uses = new Array<number>(paletteSize).fill(0);
  for (const l of layers) if (l.colour >= 0 && l.colour < paletteSize) uses[l.colour]!++;
  let best = 0;
  for (let i = 1; i < paletteSize; i++) if (uses[i]! < uses[best]!) best = i;
  return best;
}

export function newUserLayer(imported: ImportedLayer, id: string, existing: readonly UserLayer[], paletteSize: number, now = new Date()): UserLayer {
  return { id, name: imported.name, format: imported.format, colour: nextColour(existing, paletteSize), importedAt: now.toISOString(), features: imported.features };
}

/** What a saved view records: the imported layers that are on, in the panel's order. */
export function visibleRefs(layers: readonly UserLayer[], visible: ReadonlySet<string>): UserLayerRef[] {
  return layers.filter((l) => visible.has(l.id)).map((l) => ({ id: l.id, name: l.name }));
}

/**
 * Reopening a saved view: exactly the layers it had on are shown (the others hidden); the ones it
 * names that are no longer here are returned so the user can be told.
 */
export function restoreRefs(refs: readonly UserLayerRef[], layers: readonly UserLayer[]): { visible: string[]; missing: UserLayerRef[] } {
  const have = new Set(layers.map((l) => l.id));
  return { visible: refs.filter((r) => have.has(r.id)).map((r) => r.id), missing: refs.filter((r) => !have.has(r.id)) };
}

/** A saved view's list of imported layers, checked; null when it is not a valid list. */
export function parseRefs(raw: unknown): UserLayerRef[] | null {
  if (!Array.isArray(raw) || raw.length > MAX_USER_LAYERS) return null;
  const out: UserLayerRef[] = [];
  for (const r of raw) {
    if (!r || typeof r !== 'object') return null;
    const { id, name } = r as Record<string, unknown>;
    if (typeof id !== 'string' || !USER_LAYER_ID.test(id) || typeof name !== 'string' || name.length > 200) return null;
    out.push({ id, name });
  }
  return out;
}

/** Every position of a geometry. */
export function positionsOf(g: ImportedFeature['geometry']): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

export type BBox = [number, number, number, number];

export function bboxOf(positions: Iterable<Position>): BBox | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of positions) {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  }
  return w <= e ? [w, s, e, n] : null;
}

export function layerBbox(layer: Pick<UserLayer, 'features'>): BBox | null {
  return bboxOf(
    (function* () {
      for (const f of layer.features) yield* positionsOf(f.geometry);
    })(),
  );
}

export interface KindCounts {
  points: number;
  lines: number;
  areas: number;
}

/** How many features of each kind a layer has (a Multi* feature counts once). */
export function kindCounts(layer: Pick<UserLayer, 'features'>): KindCounts {
  const c: KindCounts = { points: 0, lines: 0, areas: 0 };
  for (const f of layer.features) {
    const t = f.geometry.type;
    if (t === 'Point' || t === 'MultiPoint') c.points++;
    else if (t === 'LineString' || t === 'MultiLineString') c.lines++;
    else c.areas++;
  }
  return c;
}

/**
 * A record read back from storage, checked just enough that the app cannot trip over it (the
 * features were validated when imported; storage could still hold something damaged or foreign).
 */
export function isUserLayer(x: unknown): x is UserLayer {
  if (!x || typeof x !== 'object') return false;
  const l = x as Record<string, unknown>;
  return (
    typeof l.id === 'string' &&
    USER_LAYER_ID.test(l.id) &&
    typeof l.name === 'string' &&
    (l.format === 'geojson' || l.format === 'csv') &&
    typeof l.colour === 'number' &&
    typeof l.importedAt === 'string' &&
    Array.isArray(l.features) &&
    l.features.every((f) => f && typeof f === 'object' && typeof (f as ImportedFeature).name === 'string' && typeof (f as ImportedFeature).geometry?.type === 'string')
  );
}
