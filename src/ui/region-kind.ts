/**
 * The kind of an administrative division, read from the end of its Chinese name (盟, 旗, 自治县 …),
 * for the panel's "level" line. Pure; no React.
 */
import type { RegionLevel } from '../domain/types.ts';

export type RegionKind =
  | 'autonomous_region'
  | 'province'
  | 'municipality'
  | 'sar'
  | 'league'
  | 'prefecture_city'
  | 'autonomous_prefecture'
  | 'district'
  | 'banner'
  | 'autonomous_banner'
  | 'county'
  | 'autonomous_county'
  | 'county_city'
  | 'country'
  | 'other';

const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

export function regionKind(code: string, level: RegionLevel | 'country', nameZh: string): RegionKind {
  if (level === 'country') return 'country';
  if (level === 'province') {
    if (MUNICIPALITIES.has(code)) return 'municipality';
    if (nameZh.endsWith('特别行政区')) return 'sar';
    if (nameZh.endsWith('自治区')) return 'autonomous_region';
    if (nameZh.endsWith('省')) return 'province';
    return 'other';
  }
  if (level === 'prefecture') {
    if (nameZh.endsWith('盟')) return 'league';
    if (nameZh.endsWith('自治州')) return 'autonomous_prefecture';
    if (nameZh.endsWith('市')) return 'prefecture_city';
    return 'other';
  }
  if (nameZh.endsWith('自治旗')) return 'autonomous_banner';
  if (nameZh.endsWith('旗')) return 'banner';
  if (nameZh.endsWith('自治县')) return 'autonomous_county';
  if (nameZh.endsWith('县')) return 'county';
  if (nameZh.endsWith('区')) return 'district';
  if (nameZh.endsWith('市')) return 'county_city';
  return 'other';
}
