/**
 * Loads the compiled catalogue from the app's own origin (public/data, copied into dist/) and
 * builds the in-memory Catalogue and the search index over the regions already loaded for the map.
 */
import { Catalogue } from '../domain/catalogue.ts';
import { SearchIndex } from '../domain/search.ts';
import type { DetailsFile, MeasuresFile, PlaceFeature, RegionCollection, SearchKeys, StatusFile, TouchesFile } from '../domain/types.ts';
import { withAreaOutlines, type RegionTopology, type StoredProjectCollection } from '../domain/region-topology.ts';
import type { FeatureCollection, Point } from 'geojson';
import { getJson } from '../styles/assets.ts';

export interface CatalogueBundle {
  catalogue: Catalogue;
  search: SearchIndex;
}

/** Starts the downloads now; the regions and their topology come from the map's geography when it is ready. */
export function loadCatalogue(geography: Promise<{ regions: RegionCollection; topology: RegionTopology }>): Promise<CatalogueBundle> {
  const files = Promise.all([
    getJson<MeasuresFile>('data/measures.json'),
    getJson<FeatureCollection<Point, PlaceFeature['properties']>>('data/places.geojson'),
    getJson<StoredProjectCollection>('data/projects.geojson'),
    getJson<TouchesFile>('data/touches.json'),
    getJson<{ version: 1; regions: Record<string, SearchKeys> }>('data/search-keys.json'),
    getJson<StatusFile>('data/status.json'),
  ]);
  return Promise.all([geography, files]).then(([{ regions, topology }, [measures, places, stored, touches, keys, status]]) => {
    const projects = withAreaOutlines(stored, topology);
    const catalogue = new Catalogue({ regions, measures, places, projects, touches, status });
    return { catalogue, search: new SearchIndex(catalogue, keys.regions) };
  });
}

/**
 * The projects' notes and sources (public/data/details.json): not among the files the first view
 * waits for, loaded once by whoever asks first (the atlas drawn, a project's panel, a download).
 */
export interface DetailsSource {
  /** The file once it has arrived, else null. */
  readonly loaded: DetailsFile | null;
  /** Starts the download if none is under way (again after a failure) and resolves with the file. */
  load(): Promise<DetailsFile>;
}

export function detailsSource(): DetailsSource {
  let loaded: DetailsFile | null = null;
  let pending: Promise<DetailsFile> | null = null;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      pending ??= getJson<DetailsFile>('data/details.json').then(
        (file) => (loaded = file),
        (e: unknown) => {
          pending = null;
          throw e;
        },
      );
      return pending;
    },
  };
}
