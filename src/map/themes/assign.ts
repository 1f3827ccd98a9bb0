/**
 * Which thematic layer draws each project: one rule, so every project of the catalogue is on
 * exactly one layer (tests/unit/themes.test.ts checks it). Pure: no deck.gl, no DOM.
 *
 * Mostly the catalogue's own theme decides. Two exceptions follow the places: projects of the
 * opening-up chapter that sit at a port of entry (口岸合作区, 跨境经济合作区, 互市贸易区) are drawn by
 * the ports-of-entry layer and those at an airport (航空口岸) by the airports layer; logistics
 * projects at a seaport (无水港, 岸线码头) by the seaports layer.
 */
import type { Catalogue } from '../../domain/catalogue.ts';
import type { Place, ProjectFeature } from '../../domain/types.ts';

export const THEME_IDS = [
  'railways',
  'highways',
  'airports',
  'seaports',
  'ports',
  'logistics',
  'power',
  'pipelines',
  'water',
  'information',
  'industry',
  'agriculture',
  'commerce',
  'public_service',
  'ecology',
  'environment',
  'opening',
  'cooperation',
] as const;
export type ThemeId = (typeof THEME_IDS)[number];

/** Kinds of gazetteer places that a place layer draws as its own symbols. */
export const PLACE_LAYER_KINDS: Partial<Record<ThemeId, Place['kind']>> = {
  airports: 'airport',
  seaports: 'seaport',
  ports: 'port_of_entry',
};

/** The kind of the place a point project stands at, if it is a point. */
export function pointPlaceKind(p: ProjectFeature, cat: Catalogue): Place['kind'] | null {
  if (p.properties.geometry_spec !== 'point') return null;
  const at = p.properties.places[0];
  return at ? (cat.place(at)?.properties.kind ?? null) : null;
}

export function themeIdOf(p: ProjectFeature, cat: Catalogue): ThemeId {
  const theme = p.properties.theme;
  switch (theme) {
    case 'railway':
      return 'railways';
    case 'highway':
      return 'highways';
    case 'airport':
      return 'airports';
    case 'power':
      return 'power';
    case 'pipeline':
      return 'pipelines';
    case 'water':
      return 'water';
    case 'information':
      return 'information';
    case 'industry':
      return 'industry';
    case 'agriculture':
      return 'agriculture';
    case 'commerce_tourism':
    case 'culture':
      return 'commerce';
    case 'public_service':
    case 'science':
      return 'public_service';
    case 'ecology':
      return 'ecology';
    case 'environment':
      return 'environment';
    case 'cooperation':
      return 'cooperation';
    case 'logistics':
      return pointPlaceKind(p, cat) === 'seaport' ? 'seaports' : 'logistics';
    case 'opening': {
      const kind = pointPlaceKind(p, cat);
      if (kind === 'port_of_entry') return 'ports';
      if (kind === 'airport') return 'airports';
      return 'opening';
    }
  }
}

/** Whether the project is drawn inside its place layer's symbol (rather than as a point of its own). */
export function absorbedByPlace(p: ProjectFeature, cat: Catalogue): boolean {
  const id = themeIdOf(p, cat);
  const kind = PLACE_LAYER_KINDS[id];
  return kind != null && pointPlaceKind(p, cat) === kind;
}
