/**
 * Which paragraphs of the plan name a region: the region itself (包头市, 包头), or a place in it (白云鄂博
 * names 包头市 and 内蒙古). A word that is a region's own name counts for that region even where the
 * gazetteer draws it at a point (鄂尔多斯 is drawn at 康巴什, but names 鄂尔多斯市, not 康巴什区).
 * Pure: the region panel runs it over the text once and looks regions up.
 */
import type { PlaceFinder, PlanParagraph } from './plan-text.ts';

export interface RegionMention {
  paragraph: string;
  /** The words of the paragraph that name the region or a place in it, each once, in text order. */
  words: string[];
}

export interface RegionMentionEnv {
  /** The region a gazetteer place lies in (its smallest), or null. */
  placeRegion: (placeId: string) => string | null;
  /** A region's ancestors, nearest first. */
  ancestors: (code: string) => string[];
}

/** Region code → the paragraphs that name it, in text order. */
export function paragraphsNamingRegions(paragraphs: readonly PlanParagraph[], finder: PlaceFinder, env: RegionMentionEnv): Map<string, RegionMention[]> {
  // A region's own forms, so a word that is a region's name is read as that region.
  const regionOfForm = new Map<string, string>();
  for (const p of finder.places) if (p.kind === 'region') for (const f of p.forms) if (!regionOfForm.has(f)) regionOfForm.set(f, p.id);
  const out = new Map<string, RegionMention[]>();
  for (const para of paragraphs) {
    const words = new Map<string, string[]>();
    for (const m of finder.mentions(para.text)) {
      const word = para.text.slice(m.start, m.end);
      const [kind, id] = [m.key.slice(0, m.key.indexOf(':')), m.key.slice(m.key.indexOf(':') + 1)];
      const region = kind === 'region' ? id : kind === 'place' ? (regionOfForm.get(word) ?? env.placeRegion(id)) : null;
      if (!region) continue;
      for (const code of [region, ...env.ancestors(region)]) {
        const list = words.get(code) ?? [];
        if (!list.includes(word)) list.push(word);
        words.set(code, list);
      }
    }
    for (const [code, list] of words) {
      const mentions = out.get(code) ?? [];
      mentions.push({ paragraph: para.id, words: list });
      out.set(code, mentions);
    }
  }
  return out;
}
