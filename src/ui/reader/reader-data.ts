/**
 * What the plan reader needs from the catalogue, in the shapes of its props: each project's name and
 * the colour of the map layer that draws it, and every place, region and group the text can name.
 */
import type { Catalogue } from '../../domain/catalogue.ts';
import { namedPlaces, type NamedPlace, type PlanTextFile } from '../../domain/plan-text.ts';
import type { SearchKeys } from '../../domain/types.ts';
import { THEME_BY_ID, rgbCss, themeIdOf } from '../../map/themes/index.ts';
import { getJson } from '../../styles/assets.ts';

export interface ReaderProject {
  id: string;
  /** CSS colour of the layer that draws it (src/map/themes), so the words and the map agree. */
  color: string;
  name: { zh: string; en: string };
}

export function readerProjects(cat: Catalogue): ReaderProject[] {
  return cat.allProjects().map((p) => {
    const theme = THEME_BY_ID.get(themeIdOf(p, cat));
    return {
      id: p.properties.id,
      color: theme ? rgbCss(theme.spec.style.color) : 'rgb(90, 90, 90)',
      name: { zh: p.properties.name_zh, en: p.properties.name_en },
    };
  });
}

/** Places of the gazetteer, regions (with their pinyin from public/data/search-keys.json) and region groups. */
export function readerPlaces(cat: Catalogue, regionKeys: Readonly<Record<string, SearchKeys>>): NamedPlace[] {
  return namedPlaces({ places: cat.data.places.features, regions: cat.data.regions.features, regionKeys, groups: cat.data.measures.groups });
}

export interface ReaderText {
  text: PlanTextFile;
  /** Pinyin keys of the regions (public/data/search-keys.json). */
  keys: Record<string, SearchKeys>;
}

let loading: Promise<ReaderText> | null = null;

/** The plan's text and the regions' pinyin, fetched once for the reader and the region panel (again after a failure). */
export function loadReaderText(): Promise<ReaderText> {
  loading ??= Promise.all([getJson<PlanTextFile>('data/plan-text.json'), getJson<{ regions: Record<string, SearchKeys> }>('data/search-keys.json')]).then(
    ([text, keys]) => ({ text, keys: keys.regions }),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}
