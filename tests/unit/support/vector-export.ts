/**
 * The vector exports in Node with the real compiled data: catalogue and geography from public/,
 * the basemap style as the app assembles it, i18next with the app's strings, the export fonts from
 * node_modules and the SVG faces from public/fonts. (The browser reads the same files.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import type { MultiPolygon, Polygon } from 'geojson';
import { readCatalogue, repoRoot } from '../../../src/cli/load.ts';
import { bordersOf } from '../../../src/domain/border-lines.ts';
import type { Catalogue } from '../../../src/domain/catalogue.ts';
import type { BorderRuns, LabelCollection, RegionCollection } from '../../../src/domain/types.ts';
import type { Lang } from '../../../src/domain/url-state.ts';
import { EXPORT_FONT_FILES, exportFontsFromWoff, type ExportFonts, type FontKey } from '../../../src/export/fonts.ts';
import type { InsetData } from '../../../src/export/furniture.ts';
import type { SvgFontFace } from '../../../src/export/render-svg.ts';
import type { SceneEnv } from '../../../src/export/scene.ts';
import type { VectorMapData } from '../../../src/export/vector-map.ts';
import { basemapStyle } from '../../../src/map/basemap/style.ts';
import type { CountryCollection, GeoData, RegionInfo } from '../../../src/map/geodata.ts';
import en from '../../../src/i18n/en.json';
import zh from '../../../src/i18n/zh.json';
import { countriesOf, regionsOf, type RegionTopology } from '../../../src/domain/region-topology.ts';
import type { FontManifest } from '../../../src/styles/font-manifest.ts';
import { maplibreFontStacks } from '../../../src/styles/fonts.ts';

const read = (rel: string) => readFileSync(join(repoRoot, rel));
const json = <T>(rel: string): T => JSON.parse(read(rel).toString('utf8')) as T;

/** GeoData as src/map/geodata.ts loads it (boxes computed at once). */
export function readGeo(): GeoData {
  const topology = json<RegionTopology>('public/geo/regions.topo.json');
  const regions: RegionCollection = regionsOf(topology);
  const countries: CountryCollection = countriesOf(topology);
  const labels = json<LabelCollection>('public/geo/labels.geojson');
  const byCode = new Map<string, RegionInfo>();
  const shapes = new Map<string, Polygon | MultiPolygon>();
  const bbox = (g: Polygon | MultiPolygon): [number, number, number, number] => {
    const pts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap((p) => p[0] ?? []);
    const xs = pts.map((p) => p[0]!);
    const ys = pts.map((p) => p[1]!);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  for (const f of regions.features) {
    const p = f.properties;
    shapes.set(p.code, f.geometry);
    byCode.set(p.code, { code: p.code, level: p.level, name_zh: p.name_zh, name_en: p.name_en, parent: p.parent, bbox: bbox(f.geometry) });
  }
  for (const f of countries.features) {
    const p = f.properties;
    shapes.set(p.iso3, f.geometry);
    byCode.set(p.iso3, { code: p.iso3, level: 'country', name_zh: p.name_zh, name_en: p.name_en, parent: null, bbox: bbox(f.geometry) });
  }
  return { topology, regions, countries, labels, byCode, shapes };
}

export interface VectorEnv {
  catalogue: Catalogue;
  geo: GeoData;
  data: VectorMapData;
  inset: InsetData;
  env: (lang: Lang) => SceneEnv;
  t: (lang: Lang) => TFunction;
  fonts: () => Promise<ExportFonts>;
  svgFaces: () => SvgFontFace[];
}

let cached: Promise<VectorEnv> | null = null;

export function vectorEnv(): Promise<VectorEnv> {
  cached ??= (async () => {
    const catalogue = readCatalogue();
    const geo = readGeo();
    const borders = bordersOf(json<BorderRuns>('public/geo/borders.json'), geo.regions.features, geo.countries.features);
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng: 'zh', fallbackLng: 'zh', interpolation: { escapeValue: false } });
    const manifest = json<FontManifest>('public/fonts/manifest.json');
    const fontStacks = maplibreFontStacks(manifest);
    const t = (lang: Lang) => i18n.getFixedT(lang);
    const env = (lang: Lang): SceneEnv => ({
      catalogue,
      geo,
      baseStyle: basemapStyle({ data: { labels: geo.labels, tiles: 'http://127.0.0.1/tiles/{z}/{x}/{y}.pbf' }, lang, fontFaces: {}, fonts: fontStacks }),
      fontStacks,
      t: t(lang),
      date: new Date(2026, 0, 15),
    });
    const inset: InsetData = {
      provinces: geo.regions.features.filter((f) => f.properties.level === 'province') as InsetData['provinces'],
      countries: geo.countries.features as unknown as InsetData['countries'],
    };
    let fonts: Promise<ExportFonts> | null = null;
    const require = createRequire(join(repoRoot, 'package.json'));
    return {
      catalogue,
      geo,
      data: {
        catalogue,
        geo,
        borders,
        // The basemap's tiles as the browser fetches them (public/tiles).
        tiles: async (z, x, y) => {
          const rel = `public/tiles/${z}/${x}/${y}.pbf`;
          return existsSync(join(repoRoot, rel)) ? new Uint8Array(read(rel)) : null;
        },
      },
      inset,
      env,
      t,
      fonts: () =>
        (fonts ??= exportFontsFromWoff(
          Object.fromEntries((Object.keys(EXPORT_FONT_FILES) as FontKey[]).map((k) => [k, new Uint8Array(readFileSync(require.resolve(EXPORT_FONT_FILES[k])))])) as Record<FontKey, Uint8Array>,
        )),
      svgFaces: () =>
        manifest.weights.flatMap((w) =>
          w.faces.map((f) => ({
            family: f.source.includes('noto-sans-sc') ? ('Noto Sans SC' as const) : ('Noto Sans' as const),
            weight: w.weight as 400 | 600,
            unicodeRange: f.unicodeRange,
            woff2: new Uint8Array(read(`public/fonts/${f.file}`)),
          })),
        ),
    };
  })();
  return cached;
}
