/**
 * One search box for regions, places and projects: Chinese, full pinyin (baotou), pinyin
 * initials (bt) and English. Pinyin keys are computed at compile time (public/data/search-keys.json
 * for regions, properties of places and projects), so the browser carries no pinyin dictionary.
 */
import type { Catalogue } from './catalogue.ts';
import type { SearchKeys } from './types.ts';

export type SearchKind = 'region' | 'place' | 'project';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  name_zh: string;
  name_en: string;
  score: number;
}

interface Entry extends SearchKeys {
  kind: SearchKind;
  id: string;
  name_zh: string;
  name_en: string;
  aliases: string[];
  /** Ties go to regions, then places, then projects; leagues before counties. */
  bias: number;
}

const KIND_BIAS: Record<SearchKind, number> = { region: 0.3, place: 0.2, project: 0.1 };

function scoreText(hay: string, q: string, exact: number, prefix: number, inner: number): number {
  if (!hay) return 0;
  if (hay === q) return exact;
  if (hay.startsWith(q)) return prefix;
  if (q.length >= 2 && hay.includes(q)) return inner;
  return 0;
}

export class SearchIndex {
  private readonly entries: Entry[] = [];

  constructor(cat: Catalogue, regionKeys: Record<string, SearchKeys>) {
    for (const f of cat.data.regions.features) {
      const r = f.properties;
      const keys = regionKeys[r.code] ?? { pinyin: '', initials: '' };
      const bias = KIND_BIAS.region + (r.code.startsWith('15') ? 0.05 : 0) - (r.level === 'county' ? 0.02 : 0);
      this.entries.push({ kind: 'region', id: r.code, name_zh: r.name_zh, name_en: r.name_en, aliases: [], ...keys, bias });
    }
    for (const f of cat.data.places.features) {
      const p = f.properties;
      this.entries.push({ kind: 'place', id: p.id, name_zh: p.name_zh, name_en: p.name_en, aliases: p.aliases, pinyin: p.pinyin, initials: p.initials, bias: KIND_BIAS.place });
    }
    for (const f of cat.allProjects()) {
      const p = f.properties;
      this.entries.push({ kind: 'project', id: p.id, name_zh: p.name_zh, name_en: p.name_en, aliases: [], pinyin: p.pinyin, initials: p.initials, bias: KIND_BIAS.project });
    }
  }

  search(query: string, limit = 12): SearchHit[] {
    const raw = query.trim();
    if (!raw) return [];
    const q = raw.toLowerCase();
    const qLatin = q.replace(/[\s'’-]/g, '');
    const hits: SearchHit[] = [];
    for (const e of this.entries) {
      const en = e.name_en.toLowerCase();
      let s = Math.max(
        scoreText(e.name_zh, raw, 10, 8, 5),
        ...e.aliases.map((a) => scoreText(a, raw, 9.5, 7, 4)),
        scoreText(en, q, 9, 7, 4),
        scoreText(en.replace(/[\s'’-]/g, ''), qLatin, 8.5, 6.5, 3.5),
        /^[a-z]+$/.test(qLatin) ? scoreText(e.pinyin, qLatin, 9, 7, 3) : 0,
        /^[a-z]+$/.test(qLatin) && qLatin.length >= 2 ? scoreText(e.initials, qLatin, 6, 4, 0) : 0,
      );
      if (s > 0) {
        s += e.bias;
        hits.push({ kind: e.kind, id: e.id, name_zh: e.name_zh, name_en: e.name_en, score: s });
      }
    }
    return hits.sort((a, b) => b.score - a.score || a.name_zh.length - b.name_zh.length).slice(0, limit);
  }
}
