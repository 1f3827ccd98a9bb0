/**
 * Chapter 4 completeness: every railway, highway, power and pipeline item that the plan lists
 * in chapter 4 has at least one project in data/projects/ch4.yaml whose phrase holds it.
 *
 * The items are parsed from the plan text, not copied here: chapter 4's item paragraphs are found
 * by their numbering, cut into sentences (。；) and clauses (，), the leading verbs and adverbs of
 * a clause are dropped, and its object is split on 、, 以及 and (between two routes) 和. A clause
 * counts when it holds a list or a route (、, 以及, 至, -), a quoted route, a 开展…前期工作 object,
 * or when its object begins with the name of a gazetteer place (实施阿尔山口岸后方通道扩能).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { Place, Project } from '../../data/schema.ts';
import { repoRoot } from '../../src/cli/load.ts';
import { planText } from './support/plan-text.ts';

/** The item measures checked here, and the theme their projects carry. */
const CHECKED: Record<string, string> = {
  'c4.s1.i1': 'railway',
  'c4.s1.i2': 'highway',
  'c4.s2.i1': 'power',
  'c4.s2.i2': 'pipeline',
};

const NUMERALS = '一二三四五六七八九十';
const numeral = (ch: string) => NUMERALS.indexOf(ch) + 1;

/** The paragraphs of one chapter, keyed by measure id (cN.sM.iK, or cN.sM for unnumbered text). */
function chapterParagraphs(text: string, chapter: number): Map<string, string> {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith(`第${NUMERALS[chapter - 1]}章`));
  const out = new Map<string, string>();
  if (start < 0) return out;
  let section = 1;
  for (const line of lines.slice(start + 1)) {
    if (/^第[一二三四五六七八九十]+章/.test(line)) break;
    const sec = line.match(/^第([一二三四五六七八九十])节/);
    if (sec) {
      section = numeral(sec[1]!);
      continue;
    }
    const item = line.match(/^\(([一二三四五六七八九十])\)/);
    const id = item ? `c${chapter}.s${section}.i${numeral(item[1]!)}` : `c${chapter}.s${section}`;
    out.set(id, [out.get(id), line].filter(Boolean).join('\n'));
  }
  return out;
}

/** Verbs and adverbs that open a clause before its object (the plan's stage vocabulary). */
const LEADING = [
  '积极', '共同', '重点', '全力', '加快', '继续', '不断', '着力', '早日', '优先', '合作', '开工', '研究',
  '建设', '建成', '新建', '实施', '推进', '推动', '完善', '贯通', '形成', '争取', '启动', '开展', '构建',
];

function stripLeading(clause: string): string {
  let t = clause;
  for (;;) {
    const partner = t.match(/^与[^,，、]*?省/); // 与辽宁省合作建设 …
    if (partner) {
      t = t.slice(partner[0].length);
      continue;
    }
    const w = LEADING.find((v) => t.startsWith(v));
    if (!w) return t;
    t = t.slice(w.length);
  }
}

const isRoute = (s: string) => /[至-]/.test(s);

/** The listed items of one item paragraph. */
function listedItems(paragraph: string, placeNames: readonly string[]): string[] {
  const body = paragraph.replace(/^\([一二三四五六七八九十]+\)[^。]*。/, ''); // drop the heading
  const items: string[] = [];
  for (const sentence of body.split(/[。；;\n]/)) {
    // A manner adverbial such as 以建成回购、PPP等模式 holds a 、 but no items.
    const s = sentence.replace(/以[^,，]*?模式/g, '');
    for (const clause of s.split(/[,，]/).map((c) => c.trim()).filter(Boolean)) {
      const quoted = [...clause.matchAll(/“([^”]+)”/g)].map((m) => m[1]!).filter(isRoute);
      if (quoted.length) {
        items.push(...quoted);
        continue;
      }
      const prelim = clause.match(/开展(.+)前期工作$/);
      const object = prelim ? prelim[1]! : stripLeading(clause);
      const listed = /[、至-]|以及/.test(object);
      if (!prelim && !listed && !placeNames.some((n) => object.startsWith(n))) continue;
      for (const part of object.split(/、|以及/)) {
        const pieces = part.split('和');
        // 和 joins two routes (甘旗卡-库伦-阜新和新惠(敖汉旗)-朝阳公路) but also sits inside names (呼和浩特).
        const joined = pieces.length > 1 && pieces.every(isRoute) ? pieces : [part];
        for (let item of joined) {
          item = item.split('等')[0]!.replace(/的建设.*$/, '').replace(/建设$/, '').trim();
          if (item.length >= 2) items.push(item);
        }
      }
    }
  }
  return [...new Set(items)];
}

/** Does the phrase hold the item on its own, not only inside a longer item of the same list? */
function holds(phrase: string, item: string, all: readonly string[]): boolean {
  const longer = all.filter((o) => o !== item && o.length > item.length && o.includes(item));
  for (let i = phrase.indexOf(item); i >= 0; i = phrase.indexOf(item, i + 1)) {
    const inside = longer.some((o) => {
      for (let j = phrase.indexOf(o); j >= 0; j = phrase.indexOf(o, j + 1)) if (j <= i && i + item.length <= j + o.length) return true;
      return false;
    });
    if (!inside) return true;
  }
  return false;
}

const dataDir = join(repoRoot, 'data');
const projects = z.array(Project).parse(parse(readFileSync(join(dataDir, 'projects/ch4.yaml'), 'utf8')));
const placeNames = readdirSync(join(dataDir, 'places'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => z.array(Place).parse(parse(readFileSync(join(dataDir, 'places', f), 'utf8'))))
  .flatMap((p) => [p.name.zh, ...p.name.aliases])
  .filter((n) => n.length >= 2);

describe('chapter 4 completeness (items parsed from the plan text)', () => {
  const paragraphs = chapterParagraphs(planText, 4);

  for (const [measure, theme] of Object.entries(CHECKED)) {
    it(`every item listed in ${measure} (${theme}) has a project whose phrase holds it`, () => {
      const paragraph = paragraphs.get(measure);
      expect(paragraph, `paragraph ${measure} not found in chapter 4`).toBeDefined();
      const items = listedItems(paragraph!, placeNames);
      expect(items.length, `no items parsed from ${measure}`).toBeGreaterThan(0);
      const own = projects.filter((p) => p.measures.includes(measure) && p.theme === theme);
      const missing = items.filter((item) => !own.some((p) => holds(p.phrase, item, items)));
      expect(missing, `items of ${measure} without a project: ${missing.join(' | ')}`).toEqual([]);
    });
  }

  it('parses the lists it is meant to (a guard on the parser itself)', () => {
    const rail = listedItems(paragraphs.get('c4.s1.i1')!, placeNames);
    // Structural expectations only: the three quoted corridors, and no clause fragments left over.
    expect(rail.filter((i) => /^[^至]+(-[^-至]+){2,}$/.test(i)).length).toBe(3);
    for (const m of Object.keys(CHECKED))
      for (const item of listedItems(paragraphs.get(m)!, placeNames)) {
        expect(item, `${m}: ${item}`).not.toMatch(/^(以|的|和)|[,，。、]/);
      }
  });
});
