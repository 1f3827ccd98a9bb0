/**
 * A page of the vector exports as a display list (surface.ts): the layout's elements (layout.ts:
 * title, legend, project list, source note) drawn by the same code as the PNG (render-canvas.ts
 * drawText, symbols.ts drawLegendSymbol), the map as vectors (vector-map.ts), and the furniture of
 * the raster map (furniture.ts: scale bar, north arrow, locator inset) over it, each part a named
 * layer. The SVG and vector-PDF writers turn it into files. Pure: no DOM.
 */
import type { Lang } from '../domain/url-state.ts';
import { drawInset, drawNorthArrow, drawScaleBar, type FurnitureLabels, type InsetData } from './furniture.ts';
import type { Composition, Element } from './layout.ts';
import { drawText } from './render-canvas.ts';
import type { Scene } from './scene.ts';
import { VectorSurface, type VGroup } from './surface.ts';
import { drawLegendSymbol } from './symbols.ts';
import type { Measure } from './text.ts';
import { vectorMap, type VectorMapData, type VectorMapStats } from './vector-map.ts';

export interface VectorPage {
  /** Design px (CSS px at 96 dpi). */
  width: number;
  height: number;
  comp: Composition;
  root: VGroup;
  stats: VectorMapStats;
  lang: Lang;
}

const PARTS: Record<string, Record<Lang, string>> = {
  page: { zh: '版面', en: 'Page' },
  title: { zh: '标题', en: 'Title' },
  furniture: { zh: '比例尺、指北针、位置图', en: 'Scale bar, north arrow, locator' },
  frame: { zh: '图框', en: 'Map frame' },
  legend: { zh: '图例', en: 'Legend' },
  notes: { zh: '项目列表', en: 'Projects' },
  source: { zh: '资料来源', en: 'Sources' },
  caption: { zh: '规划原文', en: 'The plan’s text' },
};

function partOf(e: Element, afterMap: boolean): string {
  if (e.type === 'map') return 'map';
  if (e.type === 'symbol') return 'legend';
  if (e.type === 'rect') return afterMap && e.stroke && !e.fill ? 'frame' : 'page';
  if (e.role === 'title' || e.role === 'subtitle') return 'title';
  if (e.role === 'source') return 'source';
  if (e.role === 'caption') return 'caption';
  if (e.role === 'note' || e.role === 'notes-heading') return 'notes';
  return 'legend';
}

export function vectorPage(scene: Scene, comp: Composition, data: VectorMapData, inset: InsetData, labels: FurnitureLabels, measure: Measure): VectorPage {
  const lang = scene.lang;
  const map = vectorMap(scene, comp, data, measure);
  const buckets = new Map<string, Element[]>();
  let afterMap = false;
  for (const e of comp.elements) {
    const key = partOf(e, afterMap);
    if (e.type === 'map') afterMap = true;
    buckets.set(key, [...(buckets.get(key) ?? []), e]);
  }
  const s = new VectorSurface(measure);
  const part = (key: string, draw: () => void) => {
    s.beginGroup({ id: key, label: PARTS[key]![lang], layer: true, ocg: key });
    draw();
    s.endGroup();
  };
  const elements = (key: string) => () => {
    for (const e of buckets.get(key) ?? []) {
      if (e.type === 'rect') {
        if (e.fill) {
          s.fillStyle = e.fill;
          s.fillRect(e.x, e.y, e.w, e.h);
        }
        if (e.stroke) {
          s.strokeStyle = e.stroke;
          s.lineWidth = e.strokeWidth ?? 1;
          s.strokeRect(e.x, e.y, e.w, e.h);
        }
      } else if (e.type === 'text') drawText(s, e);
      else if (e.type === 'symbol') drawLegendSymbol(s, e.symbol, e.x, e.y, e.w, e.h);
    }
  };
  part('page', elements('page'));
  s.add(map.root);
  part('furniture', () => {
    const m = comp.map;
    const v = map.view;
    s.save();
    s.transform(1, 0, 0, 1, m.x, m.y);
    drawScaleBar(s, m.w, m.h, v.metresPerDesignPx, v.center[1], v.bounds[1][1] - v.bounds[0][1], labels);
    drawNorthArrow(s, m.w, m.h, labels);
    drawInset(s, m.w, m.h, inset, v.bounds, labels);
    s.restore();
  });
  for (const key of ['frame', 'title', 'legend', 'notes', 'caption', 'source']) if (buckets.has(key)) part(key, elements(key));
  return { width: comp.width, height: comp.height, comp, root: s.root, stats: map.stats, lang };
}
