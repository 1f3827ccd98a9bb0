/**
 * What the plan reader needs from the catalogue, in the shapes of its props: each project's name and
 * the colour of the map layer that draws it, and every place, region and group the text can name.
 */
import type { Catalogue } from '../../domain/catalogue.ts';
import { namedPlaces, type NamedPlace } from '../../domain/plan-text.ts';
import type { SearchKeys } from '../../domain/types.ts';
import { THEME_BY_ID, rgbCss, themeIdOf } from '../../map/themes/index.ts';

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
