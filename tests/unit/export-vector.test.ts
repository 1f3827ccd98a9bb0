/**
 * The vector exports (SVG, vector PDF) with the real compiled catalogue and geography: the SVG
 * parses and has its layers with paths and text; names are text; the PDF's text is extractable
 * (pdftotext) and its layers are optional content groups; lines lie where Web Mercator puts them;
 * the thematic layers are drawn as deck-layers.ts draws them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/domain/filters.ts';
import { EMPTY_STATE, type AppState, type Lang } from '../../src/domain/url-state.ts';
import type { UserLayer } from '../../src/domain/user-layers.ts';
import { mapFrameView, settledLayout } from '../../src/export/frame.ts';
import type { FurnitureLabels } from '../../src/export/furniture.ts';
import { presetById, resolveSize } from '../../src/export/presets.ts';
import { pdfTextString, VectorPdfWriter } from '../../src/export/render-vector-pdf.ts';
import { svgDocument } from '../../src/export/render-svg.ts';
import { buildScene, paddedBounds, type Scene } from '../../src/export/scene.ts';
import { parseColour, parseShapePath, VectorSurface, type VGroup } from '../../src/export/surface.ts';
import { approximateMeasure } from '../../src/export/text.ts';
import { clipLine, clipRing, simplify, type Pt } from '../../src/export/vector-geom.ts';
import { lineLook, shownLabels } from '../../src/export/vector-map.ts';
import { vectorPage, type VectorPage } from '../../src/export/vector-page.ts';
import { DIM, iconDimmedIn, mergedDraw } from '../../src/map/themes/draw-data.ts';
import { ICON_CSS_SIZE } from '../../src/map/themes/icons.ts';
import { themeLabelLayers, themeSymbolLayers } from '../../src/map/themes/symbol-style.ts';
import { cacheFor, layerContext, THEMES, visibleDraw } from '../../src/map/themes/index.ts';
import { THEME_LINES, themeLineLayers } from '../../src/map/themes/line-style.ts';
import { THEME_AREAS } from '../../src/map/themes/area-style.ts';
import { themeLineFeature } from '../../src/map/themes/line-layers.ts';
import { SOURCE } from '../../src/map/basemap/sources.ts';
import { createExpression, featureFilter, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
import { vectorEnv, type VectorEnv } from './support/vector-export.ts';

let v: VectorEnv;
const OUT = mkdtempSync(join(tmpdir(), 'atlas-vector-'));

const labelsOf = (lang: Lang): FurnitureLabels => {
  const t = v.t(lang);
  return { north: t('export.north'), km: t('export.km'), scaleAt: (lat) => t('export.scaleAt', { lat: Math.round(lat) }), insetTitle: t('export.insetTitle') };
};

function regionState(code: string, lang: Lang, over: Partial<AppState> = {}): AppState {
  return { ...EMPTY_STATE, filters: NO_FILTERS, selection: { kind: 'region', code }, region: code, lang, ...over };
}

async function pageOf(state: AppState, presetId = 'slide-1920'): Promise<{ scene: Scene; page: VectorPage }> {
  const lang = state.lang ?? 'zh';
  const code = state.selection?.kind === 'region' ? state.selection.code : '150000';
  const scene = buildScene({ state, bounds: paddedBounds(v.geo.byCode.get(code)!.bbox, 0.05) }, v.env(lang));
  const comp = settledLayout(scene, resolveSize(presetById(presetId)!), approximateMeasure);
  return { scene, page: await vectorPage(scene, comp, v.data, v.inset, labelsOf(lang), approximateMeasure) };
}

function svgOf(scene: Scene, page: VectorPage): string {
  return svgDocument(page, v.svgFaces(), { title: scene.content.title, description: scene.content.source, lang: scene.lang, pixels: { width: 1920, height: 1080 } });
}

// jsdom (a dev dependency) ships no types: its DOMParser is typed as the DOM's.
const { JSDOM } = (await import('jsdom' as string)) as { JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } } };
const parse = (svg: string): Document => new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
const INK = 'http://www.inkscape.org/namespaces/inkscape';
const layers = (doc: Document) => [...doc.getElementsByTagName('g')].filter((g) => g.getAttributeNS(INK, 'groupmode') === 'layer');

/** Absolute "M x y L x y …" path data (as the writer emits it) as polylines. */
function polylines(d: string): Pt[][] {
  const out: Pt[][] = [];
  for (const m of d.matchAll(/([MLCZ])([^MLCZ]*)/g)) {
    const nums = m[2]!.trim() ? m[2]!.trim().split(/[\s,]+/).map(Number) : [];
    if (m[1] === 'M') out.push([[nums[0]!, nums[1]!]]);
    for (let i = m[1] === 'M' ? 2 : 0; m[1] !== 'Z' && i + 1 < nums.length; i += 2) out[out.length - 1]!.push([nums[i]!, nums[i + 1]!]);
  }
  return out;
}

function distanceToPolyline(p: Pt, line: Pt[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const [a, b] = [line[i]!, line[i + 1]!];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}

beforeAll(async () => {
  v = await vectorEnv();
});

describe('SVG of a Baotou view', () => {
  let baotou: { scene: Scene; page: VectorPage; svg: string; doc: Document };
  beforeAll(async () => {
    const { scene, page } = await pageOf(regionState('150200', 'zh'));
    const svg = svgOf(scene, page);
    writeFileSync(join(OUT, 'baotou.svg'), svg);
    baotou = { scene, page, svg, doc: parse(svg) };
  });

  it('parses, and names its layers as Inkscape layers, each with paths or text', () => {
    const { doc } = baotou;
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.localName).toBe('svg');
    const byId = new Map(layers(doc).map((g) => [g.id, g]));
    for (const id of ['basemap', 'lines', 'symbols', 'place-names', 'labels', 'furniture', 'title', 'legend', 'source']) expect(byId.has(id), id).toBe(true);
    for (const g of layers(doc)) expect(g.getAttributeNS(INK, 'label'), g.id).toBeTruthy();
    // One sublayer per theme and kind, named as the theme; paths in the drawing layers, text in the label layers.
    const railways = THEMES.find((t) => t.id === 'railways')!;
    const lines = byId.get('lines-railways')!;
    expect(lines.getAttributeNS(INK, 'label')).toBe(railways.label.zh);
    expect(lines.getElementsByTagName('path').length).toBeGreaterThan(0);
    for (const g of layers(doc)) {
      if (g.id.startsWith('lines-') || g.id.startsWith('symbols-') || g.id.startsWith('areas-') || g.id.startsWith('basemap-')) expect(g.getElementsByTagName('path').length, g.id).toBeGreaterThan(0);
      if (g.id.startsWith('labels-') || g.id === 'place-names' || g.id === 'title' || g.id === 'legend') expect(g.getElementsByTagName('text').length, g.id).toBeGreaterThan(0);
    }
    // The basemap's layers are the style's, by id.
    for (const id of ['sea', 'provinces-fill', 'leagues-border', 'inner-mongolia-border', 'selection-line']) expect(byId.has(`basemap-${id}`), id).toBe(true);
  });

  it('writes names as text: 包头 in the place names and the labels, the title, the source line', () => {
    const { doc, scene } = baotou;
    const texts = (id: string) => [...doc.getElementById(id)!.getElementsByTagName('text')].map((t) => t.textContent ?? '');
    expect(texts('place-names')).toContain('包头市');
    expect(texts('place-names').length).toBeGreaterThan(5);
    expect(texts('labels').some((s) => s.includes('包头'))).toBe(true);
    expect(texts('title').join('')).toContain(scene.content.title);
    expect(texts('source').join('')).toContain('Natural Earth');
    expect(texts('furniture')).toContain(v.t('zh')('export.km'));
    // Names are placed without overlapping (the collision rule), inside the frame.
    expect(baotou.page.stats.namesPlaced).toBeGreaterThan(5);
  });

  it('embeds the fonts the text needs (WOFF2 in @font-face) and names the families editors know', () => {
    const { doc, svg } = baotou;
    const css = doc.getElementsByTagName('style')[0]!.textContent ?? '';
    expect(css).toMatch(/font-family:'Noto Sans SC';font-style:normal;font-weight:400;src:url\(data:font\/woff2;base64,/);
    expect(css).toMatch(/font-family:'Noto Sans';[^}]*font-weight:600/);
    expect(svg).toContain(`font-family="'Noto Sans SC','Noto Sans CJK SC','Noto Sans',sans-serif"`);
  });

  it("draws a railway within a pixel of its Web Mercator position", () => {
    const { doc, scene, page } = baotou;
    const view = mapFrameView(page.comp, scene.bounds);
    const box = page.comp.map;
    // Web Mercator, written out here independently of the exporter's projection.
    const world = 512 * 2 ** view.zoom;
    const mx = (lon: number) => ((lon + 180) / 360) * world;
    const my = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
    const px = (lon: number, lat: number): Pt => [box.x + (mx(lon) - mx(view.center[0]) + view.cssWidth / 2) * view.kx, box.y + (my(lat) - my(view.center[1]) + view.cssHeight / 2) * view.ky];
    const project = v.catalogue.project('rail-baotou-mandula-bayinhua-mandula')!;
    const expected = (project.geometry.coordinates as number[][]).map((c) => px(c[0]!, c[1]!));
    const inside = expected.filter(([x, y]) => x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h);
    expect(inside.length).toBeGreaterThan(0);
    const paths = [...doc.getElementById('lines-railways')!.getElementsByTagName('path')].flatMap((p) => polylines(p.getAttribute('d')!));
    const line = paths.reduce((best, l) => (distanceToPolyline(inside[0]!, l) < distanceToPolyline(inside[0]!, best) ? l : best));
    for (const p of inside) expect(distanceToPolyline(p, line)).toBeLessThan(1);
    for (const q of line) expect(distanceToPolyline(q, expected)).toBeLessThan(1);
  });

  it('draws the tiles’ rivers, lakes, railways and towns in their own layers, under the plan’s lines', () => {
    const { doc } = baotou;
    const ids = layers(doc).map((g) => g.id);
    for (const id of ['rivers', 'railways', 'towns']) {
      const g = doc.getElementById(id)!;
      expect(g, id).toBeTruthy();
      expect(g.getAttributeNS(INK, 'groupmode'), id).toBe('layer');
      expect(g.getElementsByTagName('path').length, id).toBeGreaterThan(0);
      // Inside the basemap, under the thematic lines (as on the map, where they lie under deck.gl's layers).
      expect(g.parentElement!.id, id).toBe('basemap');
      expect(ids.indexOf(id), id).toBeLessThan(ids.indexOf('lines'));
    }
    for (const id of ['basemap-rivers', 'basemap-railways-main', 'basemap-towns-dot']) expect(ids, id).toContain(id);
    // The style's own colours: the rivers' blue, the railways' grey.
    expect(doc.getElementById('basemap-rivers')!.getElementsByTagName('path')[0]!.getAttribute('stroke')).toBe('#7eaac6');
  });

  it('names rivers along their course and towns once each, as text', () => {
    const { doc } = baotou;
    const texts = (id: string) => [...(doc.getElementById(id)?.getElementsByTagName('text') ?? [])];
    const rivers = texts('names-rivers');
    expect(rivers.map((t) => t.textContent)).toContain('黄河');
    // Along the line: turned text, not an outline.
    expect(rivers.some((t) => /^rotate\(/.test(t.getAttribute('transform') ?? ''))).toBe(true);
    const towns = texts('names-towns').map((t) => t.textContent!);
    expect(towns.length).toBeGreaterThan(3);
    // A town near a tile's edge is in both tiles' buffers: still named once.
    expect(new Set(towns).size).toBe(towns.length);
    // A county named at its seat (the county's own label gives way to the town's).
    expect(towns).toContain('固阳县');
    expect(texts('names-railways').length).toBeGreaterThan(0);
    expect(doc.getElementById('names-railways')!.parentElement!.id).toBe('basemap');
  });

  it('an English page has English names', async () => {
    const { scene, page } = await pageOf(regionState('150200', 'en'));
    const doc = parse(svgOf(scene, page));
    const names = [...doc.getElementById('place-names')!.getElementsByTagName('text')].map((t) => t.textContent);
    expect(names.some((n) => /Baotou/i.test(n ?? ''))).toBe(true);
    expect(names.join('')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('other views', () => {
  it('an imported layer is a layer of its own, over the themes; a selected project has its halo and its name', async () => {
    const layer: UserLayer = {
      id: 'u-test1',
      name: '我的线路',
      format: 'geojson',
      colour: 0,
      importedAt: '2026-01-01T00:00:00Z',
      features: [
        { id: 'u-test1-0', name: 'a', geometry: { type: 'LineString', coordinates: [[109.5, 40.4], [110.4, 41.2]] }, properties: {} },
        { id: 'u-test1-1', name: 'b', geometry: { type: 'Point', coordinates: [110, 40.8] }, properties: {} },
        { id: 'u-test1-2', name: 'c', geometry: { type: 'Polygon', coordinates: [[[109.6, 40.9], [109.9, 40.9], [109.9, 41.1], [109.6, 41.1], [109.6, 40.9]]] }, properties: {} },
      ],
    };
    const env = { ...v.env('zh'), userLayers: [layer] };
    const state: AppState = { ...EMPTY_STATE, filters: NO_FILTERS, selection: { kind: 'project', id: 'rail-baotou-mandula-bayinhua-mandula' }, lang: 'zh' };
    const scene = buildScene({ state, bounds: paddedBounds(v.geo.byCode.get('150200')!.bbox), userVisible: [layer.id] }, env);
    const comp = settledLayout(scene, resolveSize(presetById('a4-portrait-150')!), approximateMeasure);
    const page = await vectorPage(scene, comp, v.data, v.inset, labelsOf('zh'), approximateMeasure);
    const doc = parse(svgOf(scene, page));
    const ids = layers(doc).map((g) => g.id);
    const user = doc.getElementById('user-u-test1')!;
    expect(user.getAttributeNS(INK, 'label')).toBe('我的线路');
    // Areas (fill and outline), the line, the point.
    expect(user.getElementsByTagName('path').length).toBe(4);
    expect(ids.indexOf('imported')).toBeGreaterThan(ids.indexOf('symbols'));
    expect(doc.getElementById('highlight')!.getElementsByTagName('path').length).toBeGreaterThan(0);
    expect([...doc.getElementById('labels')!.getElementsByTagName('text')].map((t) => t.textContent)).toContain('包头至满都拉铁路巴音花至满都拉段');
  });
});

describe('vector PDF', () => {
  let pdfText: string;
  let bytes: Buffer;
  let baotou: { scene: Scene; page: VectorPage };
  beforeAll(async () => {
    baotou = await pageOf(regionState('150200', 'zh'), 'a4-landscape-300');
    const writer = await VectorPdfWriter.create(await v.fonts(), { title: baotou.scene.content.title, subject: 'test', lang: 'zh' });
    writer.addPage(baotou.page);
    writer.addPage((await pageOf(regionState('150400', 'zh'), 'a4-landscape-300')).page);
    bytes = Buffer.from(writer.output());
    const file = join(OUT, 'baotou.pdf');
    writeFileSync(file, bytes);
    pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
  }, 120_000);

  it('has the title, the legend labels and the region names as text', () => {
    const { scene, page } = baotou;
    expect(pdfText).toContain(scene.content.title);
    const legend = page.comp.elements.filter((e) => e.type === 'text' && e.role === 'legend-label').flatMap((e) => (e.type === 'text' ? e.lines : []));
    expect(legend.length).toBeGreaterThan(3);
    for (const l of legend) expect(pdfText).toContain(l);
    for (const name of ['包头市', '呼和浩特市', '达尔罕茂明安联合旗']) expect(pdfText).toContain(name);
    // The second page (Chifeng).
    expect(pdfText).toContain('赤峰市');
  });

  it('has the county seats’ and the rivers’ names from the tiles as text', () => {
    const towns = (baotou.page.root.children.find((c) => c.type === 'group' && c.id === 'map') as VGroup).children;
    const names = (towns.find((c) => c.type === 'group' && c.id === 'place-names') as VGroup).children.find((c) => c.type === 'group' && c.id === 'names-towns') as VGroup;
    const seats = names.children.flatMap((t) => (t.type === 'text' ? [t.text] : []));
    expect(seats.length).toBeGreaterThan(3);
    for (const name of seats) expect(pdfText).toContain(name);
    expect(pdfText).toContain('固阳县');
    expect(pdfText).toContain('黄河');
  });

  it('names each place once: the halo under a name is not text to copy', () => {
    expect(pdfText.split('达尔罕茂明安联合旗').length - 1).toBe(1);
  });

  it('has optional content groups named as the layers', () => {
    const s = bytes.toString('latin1');
    expect(s).toContain('/OCProperties');
    expect(s).toContain(`/Type /OCG /Name ${pdfTextString(THEMES.find((t) => t.id === 'railways')!.label.zh)}`);
    expect(s).toContain(`/Name ${pdfTextString('地名')}`);
    expect(s).toMatch(/\/Properties <<\s*\/OC1 \d+ 0 R/);
    const pages = execFileSync('pdfinfo', [join(OUT, 'baotou.pdf')]).toString();
    expect(pages).toMatch(/Pages:\s+2/);
    expect(pages).toMatch(/PDF version:\s+1\.5/);
    expect(pages).toMatch(/Page size:\s+841\.8\d? x 595\.\d+ pts/);
  });
});

describe('thematic layers as the map draws them', () => {
  // The style's own expressions, evaluated for each feature with its feature state (dimmed or not).
  const lineLayers = themeLineLayers();
  const layerById = (id: string) => lineLayers.find((l) => l.id === id)!;
  const paint = (id: string, prop: string, f: Feature, dim: boolean): unknown => {
    const layer = layerById(id);
    const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>).paint_line![prop]!;
    const e = createExpression((layer.paint as Record<string, unknown>)[prop], `layers[${lineLayers.indexOf(layer)}].paint.${prop}`, spec);
    if (e.result !== 'success') throw new Error(`${id} ${prop}: ${JSON.stringify(e.value)}`);
    return e.value.evaluate({ zoom: 6 }, { type: 2, id: f.id as number, properties: f.properties ?? {}, geometry: [] } as never, { dim });
  };
  const drawnBy = (id: string, f: Feature) => {
    const layer = layerById(id);
    const filter = featureFilter(layer.filter, `layers[${lineLayers.indexOf(layer)}].filter`);
    return filter.filter({ zoom: 6 }, { type: 2, id: f.id as number, properties: f.properties ?? {}, geometry: [] } as never);
  };

  // A symbol layer's property for a feature with its feature state.
  const symbolProp = (layer: ReturnType<typeof themeSymbolLayers>[number], kind: 'layout' | 'paint', prop: string, f: Feature, state: Record<string, unknown>): unknown => {
    const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`${kind}_symbol`]![prop]!;
    const e = createExpression((layer[kind] as Record<string, unknown>)[prop], `${layer.id}.${prop}`, spec);
    if (e.result !== 'success') throw new Error(`${layer.id} ${prop}: ${JSON.stringify(e.value)}`);
    return e.value.evaluate({ zoom: 6 }, { type: 1, id: f.id as number, properties: f.properties ?? {}, geometry: [] } as never, state);
  };

  it('places, sizes and dims symbols and labels as the vector export draws them, and shows the same labels', () => {
    const state = regionState('150200', 'zh');
    const scene = buildScene({ state, bounds: paddedBounds(v.geo.byCode.get('150200')!.bbox) }, v.env('zh'));
    const iconLayer = themeSymbolLayers()[0]!;
    const labelLayer = themeLabelLayers({ regular: ['Atlas Sans'], semibold: ['Atlas Sans SemiBold'] })[0]!;
    let offsetIcons = 0;
    for (const zoom of [5, 7.5]) {
      const ctx = layerContext(scene.view, v.catalogue, zoom);
      const draw = mergedDraw(THEMES.filter((t) => scene.view.layers.includes(t.id)), cacheFor(v.catalogue), NO_FILTERS, scene.view.lens);
      const { symbols } = scene.styleThemes(zoom);
      // The labels the map shows are those the vector export writes.
      expect(symbols.shown.map((i) => draw.labels[i]!)).toEqual(shownLabels(draw.labels, ctx));
      expect(symbols.shown.length).toBeGreaterThan(0);
      draw.labels.forEach((d, i) => {
        const f = symbols.labels.features[i]!;
        const shown = { shown: symbols.shown.includes(i) };
        const size = symbolProp(labelLayer, 'layout', 'text-size', f, shown) as number;
        expect(size).toBe(d.minor ? 11 : 12);
        const [ox, oy] = symbolProp(labelLayer, 'layout', 'text-offset', f, shown) as number[];
        // vector-map.ts labelText: beside the symbol, (offset + half the symbol + 3) px to the right.
        expect(ox! * size).toBeCloseTo(d.offset[0] + d.symbolSize / 2 + 3, 6);
        expect(oy! * size).toBeCloseTo(d.offset[1], 6);
        expect(symbolProp(labelLayer, 'paint', 'text-opacity', f, shown)).toBe(shown.shown ? 1 : 0);
        expect(symbolProp(labelLayer, 'layout', 'text-field', f, shown)!.toString()).toBe(d.zh);
      });
      draw.icons.forEach((d, i) => {
        const f = symbols.icons.features[i]!;
        const dim = { dim: symbols.dimmed.includes(i) };
        const size = symbolProp(iconLayer, 'layout', 'icon-size', f, dim) as number;
        // The image's shape has the radius ICON_HALF of its side (vector-map.ts draws it so).
        expect(size * ICON_CSS_SIZE).toBeCloseTo(d.size, 9);
        const [ox, oy] = symbolProp(iconLayer, 'layout', 'icon-offset', f, dim) as number[];
        expect([ox! * size, oy! * size]).toEqual([expect.closeTo(d.offset[0], 6), expect.closeTo(d.offset[1], 6)]);
        if (d.offset[0] || d.offset[1]) offsetIcons++;
        expect(symbolProp(iconLayer, 'paint', 'icon-opacity', f, dim)).toBeCloseTo(iconDimmedIn(ctx)(d) ? d.alpha * DIM : d.alpha, 9);
        expect(f.properties.icon).toBe(d.icon);
      });
      expect(symbols.dimmed.length).toBeGreaterThan(0);
    }
    expect(offsetIcons).toBeGreaterThan(0);
  });

  it('gives lines the same colours, widths, dashes and offsets as the map', () => {
    const state = regionState('150200', 'zh');
    const scene = buildScene({ state, bounds: paddedBounds(v.geo.byCode.get('150200')!.bbox) }, v.env('zh'));
    for (const zoom of [5, 7.5]) {
      const ctx = layerContext(scene.view, v.catalogue, zoom);
      // The scene's lines are those of the visible themes; look each up by its project.
      const lines = scene.styleThemes(zoom).lines;
      const dimmed = new Set(lines.dimmed);
      expect(dimmed.size).toBeGreaterThan(0);
      expect(dimmed.size).toBeLessThan(lines.data.features.length);
      const visibleLines = mergedDraw(THEMES.filter((t) => scene.view.layers.includes(t.id)), cacheFor(v.catalogue), NO_FILTERS, scene.view.lens).lines;
      expect(lines.data.features.map((f) => f.properties.project)).toEqual(visibleLines.map((d) => d.id));
      let dashed = 0;
      visibleLines.forEach((d, i) => {
        const f = lines.data.features[i]!;
        const dim = dimmed.has(f.id as number);
        const look = lineLook(d, ctx);
        expect(dim).toBe(look.stroke.a < d.alpha);
        const layer = look.dash ? THEME_LINES.dashed : THEME_LINES.solid;
        expect([drawnBy(THEME_LINES.solid, f), drawnBy(THEME_LINES.dashed, f)]).toEqual([!look.dash, Boolean(look.dash)]);
        const c = paint(layer, 'line-color', f, dim) as { r: number; g: number; b: number };
        expect([Math.round(c.r * 255), Math.round(c.g * 255), Math.round(c.b * 255)]).toEqual([look.stroke.r, look.stroke.g, look.stroke.b]);
        expect(paint(layer, 'line-opacity', f, dim)).toBeCloseTo(look.stroke.a, 6);
        expect(paint(layer, 'line-width', f, dim)).toBe(look.width);
        expect(paint(layer, 'line-offset', f, dim)).toBeCloseTo(look.offset, 9);
        if (look.dash) {
          dashed++;
          const widths = (paint(layer, 'line-dasharray', f, dim) as { from: number[] }).from ?? paint(layer, 'line-dasharray', f, dim);
          expect((widths as number[]).map((x) => x * look.width)).toEqual(look.dash.map((x) => expect.closeTo(x, 9)));
        }
        expect(drawnBy(THEME_LINES.casing, f)).toBe(look.casing != null);
        if (look.casing) {
          expect(paint(THEME_LINES.casing, 'line-opacity', f, dim)).toBeCloseTo(look.casing.stroke.a, 6);
          expect(paint(THEME_LINES.casing, 'line-width', f, dim)).toBe(look.casing.width);
        }
      });
      expect(dashed).toBeGreaterThan(0);
    }
  });

  it("starts the export map without the live map's tints and lines (it gets the scene's own), the other sources kept", () => {
    const env = v.env('zh');
    const live = { type: 'FeatureCollection', features: [themeLineFeature(visibleDraw(layerContext(buildScene({ state: regionState('150200', 'zh'), bounds: paddedBounds(v.geo.byCode.get('150200')!.bbox) }, env).view, v.catalogue, 6), THEMES.map((t) => t.id)).lines[0]!, 0, 1)] };
    const baseStyle = { ...env.baseStyle, sources: { ...env.baseStyle.sources, [THEME_LINES.source]: { type: 'geojson' as const, data: live }, [THEME_AREAS.source]: { type: 'geojson' as const, data: live } } };
    const scene = buildScene({ state: regionState('150200', 'zh'), bounds: paddedBounds(v.geo.byCode.get('150200')!.bbox) }, { ...env, baseStyle: baseStyle as typeof env.baseStyle });
    expect((scene.style.sources[THEME_LINES.source] as unknown as { data: { features: unknown[] } }).data.features).toEqual([]);
    expect((scene.style.sources[THEME_AREAS.source] as unknown as { data: { features: unknown[] } }).data.features).toEqual([]);
    // And the scene's own: the tints of the visible themes' cells.
    expect(scene.styleThemes(6).areas.data.features.length).toBeGreaterThan(100);
    expect(scene.style.sources[SOURCE.basemap]).toEqual(env.baseStyle.sources[SOURCE.basemap]);
  });
});

describe('pieces', () => {
  it('records canvas calls as paths and text in design px', () => {
    const s = new VectorSurface(approximateMeasure);
    s.setTransform(2, 0, 0, 2, 10, 0);
    s.fillStyle = 'rgba(251, 249, 244, 0.92)';
    s.fillRect(1, 1, 3, 4);
    s.font = '600 12px "Atlas Export Latin"';
    s.textAlign = 'center';
    s.fillText('北', 5, 6);
    expect(s.root.children[0]).toMatchObject({ type: 'path', d: [['M', 12, 2], ['L', 18, 2], ['L', 18, 10], ['L', 12, 10], ['Z']], fill: { r: 251, g: 249, b: 244, a: 0.92 } });
    expect(s.root.children[1]).toMatchObject({ type: 'text', x: 20, y: 12, size: 24, weight: 600, anchor: 'middle', text: '北' });
    expect(parseColour('#a3361a')).toEqual({ r: 163, g: 54, b: 26, a: 1 });
  });

  it('turns the shapes’ arcs into cubics through the same end points', () => {
    const circle = parseShapePath('M -0.8 0 A 0.8 0.8 0 1 0 0.8 0 A 0.8 0.8 0 1 0 -0.8 0 Z');
    const ends = circle.filter((s) => s[0] === 'C').map((s): [number, number] => [s[5] as number, s[6] as number]);
    for (const [x, y] of ends) expect(Math.hypot(x, y)).toBeCloseTo(0.8, 6);
    expect(ends.at(-1)![0]!).toBeCloseTo(-0.8, 9);
  });

  it('clips to the frame and simplifies below the tolerance', () => {
    const r = { x0: 0, y0: 0, x1: 10, y1: 10 };
    expect(clipLine([[-5, 5], [15, 5]], r)).toEqual([[[0, 5], [10, 5]]]);
    expect(clipLine([[-5, -5], [-1, -1]], r)).toEqual([]);
    expect(clipRing([[-5, -5], [5, -5], [5, 5], [-5, 5]], r)).toHaveLength(4);
    const wiggly: Pt[] = Array.from({ length: 101 }, (_, i) => [i, i % 2 ? 0.05 : 0]);
    expect(simplify(wiggly, 0.12)).toEqual([[0, 0], [100, 0]]);
  });
});
