/**
 * Neighbouring countries from world-atlas@2.0.2 (Natural Earth 1:50m, public domain), for
 * context around China. China itself (and Taiwan, Hong Kong, Macao, which Natural Earth keeps
 * as separate units) comes from echarts, so they are left out here.
 */
import fs from 'node:fs';
import { bboxClip, booleanIntersects, bboxPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

/** ISO 3166-1 numeric → alpha-3, Chinese and English name, for every country in the view. */
export const COUNTRIES: Record<string, { iso3: string; zh: string; en: string }> = {
  '004': { iso3: 'AFG', zh: '阿富汗', en: 'Afghanistan' },
  '050': { iso3: 'BGD', zh: '孟加拉国', en: 'Bangladesh' },
  '064': { iso3: 'BTN', zh: '不丹', en: 'Bhutan' },
  '104': { iso3: 'MMR', zh: '缅甸', en: 'Myanmar' },
  '116': { iso3: 'KHM', zh: '柬埔寨', en: 'Cambodia' },
  '356': { iso3: 'IND', zh: '印度', en: 'India' },
  '392': { iso3: 'JPN', zh: '日本', en: 'Japan' },
  '398': { iso3: 'KAZ', zh: '哈萨克斯坦', en: 'Kazakhstan' },
  '408': { iso3: 'PRK', zh: '朝鲜', en: 'North Korea' },
  '410': { iso3: 'KOR', zh: '韩国', en: 'South Korea' },
  '417': { iso3: 'KGZ', zh: '吉尔吉斯斯坦', en: 'Kyrgyzstan' },
  '418': { iso3: 'LAO', zh: '老挝', en: 'Laos' },
  '496': { iso3: 'MNG', zh: '蒙古国', en: 'Mongolia' },
  '524': { iso3: 'NPL', zh: '尼泊尔', en: 'Nepal' },
  '586': { iso3: 'PAK', zh: '巴基斯坦', en: 'Pakistan' },
  '608': { iso3: 'PHL', zh: '菲律宾', en: 'Philippines' },
  '643': { iso3: 'RUS', zh: '俄罗斯', en: 'Russia' },
  '704': { iso3: 'VNM', zh: '越南', en: 'Vietnam' },
  '762': { iso3: 'TJK', zh: '塔吉克斯坦', en: 'Tajikistan' },
  '764': { iso3: 'THA', zh: '泰国', en: 'Thailand' },
  '860': { iso3: 'UZB', zh: '乌兹别克斯坦', en: 'Uzbekistan' },
};
/** China, Taiwan, Hong Kong, Macao: drawn from echarts' china.json instead. */
export const FROM_ECHARTS = new Set(['156', '158', '344', '446']);

/** The area "around China" the brief asks for, and the (wider) box the countries are clipped to. */
export const VIEW_BBOX: [number, number, number, number] = [70, 15, 140, 60];
export const CLIP_BBOX: [number, number, number, number] = [60, 5, 150, 65];

export type CountryFeature = Feature<Polygon | MultiPolygon, { iso3: string; name_zh: string; name_en: string }>;

export function loadWorld(file: string): Feature<Polygon | MultiPolygon, { name: string }>[] {
  const topo = JSON.parse(fs.readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  return fc.features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) as Feature<
    Polygon | MultiPolygon,
    { name: string }
  >[];
}

/** Countries intersecting VIEW_BBOX except China, clipped to CLIP_BBOX (unsimplified, unrounded). */
export function neighbouringCountries(file: string): { features: CountryFeature[]; skipped: string[] } {
  const view = bboxPolygon(VIEW_BBOX);
  const out: CountryFeature[] = [];
  const skipped: string[] = [];
  for (const f of loadWorld(file)) {
    if (!booleanIntersects(f, view)) continue;
    const id = f.id === undefined ? '' : String(f.id);
    if (FROM_ECHARTS.has(id)) continue;
    const c = COUNTRIES[id];
    if (!c) {
      skipped.push(`${id || '(no id)'} ${f.properties.name}`);
      continue;
    }
    const clipped = bboxClip(f, CLIP_BBOX);
    const polys: Position[][][] =
      clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : (clipped.geometry.coordinates as Position[][][]);
    const kept = polys.map((p) => p.filter((r) => r.length >= 4)).filter((p) => p.length > 0);
    if (kept.length === 0) continue;
    out.push({
      type: 'Feature',
      properties: { iso3: c.iso3, name_zh: c.zh, name_en: c.en },
      geometry: { type: 'MultiPolygon', coordinates: kept },
    });
  }
  out.sort((a, b) => a.properties.iso3.localeCompare(b.properties.iso3));
  return { features: out, skipped };
}
