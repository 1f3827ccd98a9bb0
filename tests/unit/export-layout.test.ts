/** Export: sizes, line breaking and page layout (pure parts of src/export). */
import { describe, expect, it } from 'vitest';
import { layout, type ExportContent, type LegendGroup } from '../../src/export/layout.ts';
import { customPreset, fitWithin, parseSize, pptxSize, PRESETS, presetById, resolveSize, sizeFromSpec } from '../../src/export/presets.ts';
import { approximateMeasure, tokens, truncate, wrap, type TextStyle } from '../../src/export/text.ts';

const st: TextStyle = { size: 10, weight: 400, color: '#000', lineHeight: 13 };

describe('presets', () => {
  it('has the slide and print sizes the issue asks for, with exact pixel sizes', () => {
    const sizes = Object.fromEntries(PRESETS.map((p) => [p.id, `${p.width}x${p.height}`]));
    expect(sizes['slide-1920']).toBe('1920x1080');
    expect(sizes['slide-3840']).toBe('3840x2160');
    expect(sizes['slide-4x3']).toBe('1600x1200');
    // A4 = 210 × 297 mm, A3 = 297 × 420 mm.
    expect(sizes['a4-portrait-300']).toBe('2480x3508');
    expect(sizes['a4-landscape-150']).toBe('1754x1240');
    expect(sizes['a3-landscape-300']).toBe('4961x3508');
    expect(sizes['a3-portrait-150']).toBe('1754x2480');
    expect(PRESETS.filter((p) => p.kind === 'print')).toHaveLength(8);
  });

  it('lays a slide out on 1280 design px and print on its paper size at 96 dpi', () => {
    const s = resolveSize(presetById('slide-3840')!);
    expect(s.designWidth).toBe(1280);
    expect(s.designHeight).toBe(720);
    expect(s.scale).toBe(3);
    const a3 = resolveSize(presetById('a3-landscape-300')!);
    expect(a3.designWidth).toBeCloseTo((420 / 25.4) * 96, 6);
    expect(a3.scale).toBeCloseTo(300 / 96, 2);
    const custom = resolveSize(customPreset(1000, 1000));
    expect(custom.designWidth * custom.designHeight).toBeCloseTo(1280 * 720, 3);
  });

  it('parses sizes and preset ids, refuses nonsense', () => {
    expect(parseSize('1920x1080')).toEqual({ width: 1920, height: 1080 });
    expect(parseSize('1920×1080')).toEqual({ width: 1920, height: 1080 });
    expect(parseSize('19x10')).toBeNull();
    expect(parseSize('99999x100')).toBeNull();
    expect(parseSize('abc')).toBeNull();
    expect(sizeFromSpec('1920x1080')?.id).toBe('slide-1920');
    expect(sizeFromSpec('A3-landscape-300')?.width).toBe(4961);
    expect(sizeFromSpec('2000x1000')?.kind).toBe('custom');
  });

  it('PPTX is always 16:9; fitting keeps the aspect', () => {
    expect(pptxSize(presetById('slide-4x3')!)).toMatchObject({ width: 1920, height: 1080 });
    expect(pptxSize(presetById('slide-3840')!).width).toBe(3840);
    const f = fitWithin(presetById('a3-landscape-300')!, 4000, 4000);
    expect(f.width).toBeLessThanOrEqual(4000);
    expect(f.width / f.height).toBeCloseTo(4961 / 3508, 2);
  });
});

describe('line breaking', () => {
  it('breaks Chinese between characters and keeps punctuation off the line start', () => {
    expect(tokens('包头，呼和浩特')).toEqual(['包', '头，', '呼', '和', '浩', '特']);
    const lines = wrap('内蒙古融入环渤海地区合作发展规划', 60, st, approximateMeasure);
    expect(lines.join('')).toBe('内蒙古融入环渤海地区合作发展规划');
    for (const l of lines) expect(approximateMeasure(l, st)).toBeLessThanOrEqual(60);
  });

  it('breaks English at spaces and cuts over-long words', () => {
    const lines = wrap('Plan for Inner Mongolia integration', 80, st, approximateMeasure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Plan for Inner Mongolia integration');
    const long = wrap('Supercalifragilisticexpialidocious', 50, st, approximateMeasure);
    expect(long.join('')).toBe('Supercalifragilisticexpialidocious');
    for (const l of long) expect(approximateMeasure(l, st)).toBeLessThanOrEqual(50);
  });

  it('truncates with an ellipsis', () => {
    const t = truncate('包头至银川高速铁路包头至银川高速铁路', 50, st, approximateMeasure);
    expect(t.endsWith('…')).toBe(true);
    expect(approximateMeasure(t, st)).toBeLessThanOrEqual(50);
    expect(truncate('短', 50, st, approximateMeasure)).toBe('短');
  });
});

function content(legendRows: number, notes: number, lang: 'zh' | 'en' = 'zh'): ExportContent {
  const legend: LegendGroup[] = [];
  for (let i = 0; i < legendRows; i += 2)
    legend.push({
      heading: `图层 ${i}`,
      rows: [
        { symbol: { kind: 'line', color: [0, 0, 0], width: 3, dashed: false }, label: '建成·开工·加快·建设' },
        { symbol: { kind: 'point', color: [200, 0, 0], shape: 'circle', size: 14 }, label: '确切位置' },
      ],
    });
  return {
    lang,
    title: '包头市 · 规划项目',
    subtitle: '内蒙古融入环渤海地区合作发展规划 · 2026年11月26日',
    legendHeading: '图例',
    legendKey: '线型与符号',
    legend,
    notesHeading: notes ? `涉及的规划项目（${notes} 个）` : null,
    notes: Array.from({ length: notes }, (_, i) => `项目 ${i + 1}（建设）`),
    more: (n) => `……另有 ${n} 项`,
    source: '资料来源：《内蒙古融入环渤海地区合作发展规划》。'.repeat(4),
  };
}

function inside(c: ReturnType<typeof layout>) {
  for (const e of c.elements) {
    const w = 'w' in e ? e.w : 0;
    const h = 'h' in e ? e.h : e.type === 'text' ? e.lines.length * e.style.lineHeight : 0;
    expect(e.x, JSON.stringify(e).slice(0, 120)).toBeGreaterThanOrEqual(-0.01);
    expect(e.y).toBeGreaterThanOrEqual(-0.01);
    expect(e.x + w).toBeLessThanOrEqual(c.width + 2.01);
    expect(e.y + h).toBeLessThanOrEqual(c.height + 0.01);
  }
}

describe('page layout', () => {
  it('slides: title on top, map on the left, legend and list on the right, all on the page', () => {
    const c = layout(resolveSize(presetById('slide-1920')!), content(8, 12), approximateMeasure);
    inside(c);
    const title = c.elements.find((e) => e.type === 'text' && e.role === 'title')!;
    expect(title.y).toBeLessThan(c.map.y);
    expect(c.legend.x).toBeGreaterThan(c.map.x + c.map.w);
    expect(c.map.w).toBeGreaterThan(c.width * 0.6);
    expect(c.legendOmitted).toBe(0);
    expect(c.elements.filter((e) => e.type === 'symbol')).toHaveLength(8);
    const notes = c.elements.filter((e) => e.type === 'text' && e.role === 'note').flatMap((e) => (e.type === 'text' ? e.lines : []));
    expect(notes).toHaveLength(12);
  });

  it('portrait pages put the legend under the map', () => {
    const c = layout(resolveSize(presetById('a4-portrait-300')!), content(10, 30), approximateMeasure);
    inside(c);
    expect(c.legend.y).toBeGreaterThan(c.map.y + c.map.h);
    expect(c.map.w).toBeGreaterThan(c.width * 0.85);
  });

  it('a long legend goes compact rather than off the page, and says what it left out', () => {
    const c = layout(resolveSize(presetById('slide-1920')!), content(40, 80), approximateMeasure);
    inside(c);
    const many = layout(resolveSize(presetById('slide-1920')!), content(400, 0), approximateMeasure);
    inside(many);
    expect(many.legendOmitted).toBeGreaterThan(0);
    const said = many.elements.some((e) => e.type === 'text' && e.lines.some((l) => l.includes('另有')));
    expect(said).toBe(true);
  });

  it('a long project list is cut with "… and N more"', () => {
    const c = layout(resolveSize(presetById('slide-1920')!), content(4, 200), approximateMeasure);
    expect(c.notesOmitted).toBeGreaterThan(0);
    const lines = c.elements.filter((e) => e.type === 'text' && e.role === 'note').flatMap((e) => (e.type === 'text' ? e.lines : []));
    expect(lines[lines.length - 1]).toContain(`另有 ${c.notesOmitted} 项`);
  });
});
