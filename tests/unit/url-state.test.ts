import { describe, expect, it } from 'vitest';
import { decodeLink, decodeUrlState, decodeView, EMPTY_STATE, encodeSearch, encodeUrlState, encodeView, linkWithEmbed, sameSelection, unknownProblem, unknownRegionProblem, type AppState } from '../../src/domain/url-state.ts';

const S = (over: Partial<AppState>): AppState => ({ ...EMPTY_STATE, ...over });

describe('decodeUrlState', () => {
  it('reads region, language and MapLibre view', () => {
    const { state, problems } = decodeUrlState('?region=150200&lang=en', '#map=6.2/40.9/109.84');
    expect(problems).toEqual([]);
    expect(state).toEqual(S({ region: '150200', selection: { kind: 'region', code: '150200' }, lang: 'en', view: { zoom: 6.2, lat: 40.9, lng: 109.84, bearing: 0, pitch: 0 } }));
  });

  it('accepts missing prefixes, bearing and pitch, and other hash parameters', () => {
    const { state, problems } = decodeUrlState('lang=zh', 'other=1&map=5/41/110/-12.5/30');
    expect(problems).toEqual([]);
    expect(state.lang).toBe('zh');
    expect(state.view).toEqual({ zoom: 5, lat: 41, lng: 110, bearing: -12.5, pitch: 30 });
  });

  it('returns an empty state for an empty URL', () => {
    expect(decodeUrlState('', '')).toEqual({ state: EMPTY_STATE, problems: [] });
    expect(decodeUrlState('?', '#')).toEqual({ state: EMPTY_STATE, problems: [] });
  });

  it('accepts country codes and normalises case', () => {
    expect(decodeUrlState('?region=mng', '').state.region).toBe('MNG');
    expect(decodeUrlState('?lang=EN', '').state.lang).toBe('en');
  });

  it('keeps what is valid and reports what is not, without throwing', () => {
    const { state, problems } = decodeUrlState('?region=15x200&lang=fr', '#map=6/40.9/109.8');
    expect(state).toEqual(S({ view: { zoom: 6, lat: 40.9, lng: 109.8, bearing: 0, pitch: 0 } }));
    expect(problems).toEqual([
      { param: 'region', value: '15x200', reason: 'malformed' },
      { param: 'lang', value: 'fr', reason: 'malformed' },
    ]);
  });

  it('reports malformed and out-of-range views', () => {
    expect(decodeUrlState('', '#map=abc').problems).toEqual([{ param: 'map', value: 'abc', reason: 'malformed' }]);
    expect(decodeUrlState('', '#map=5/95/110').problems).toEqual([{ param: 'map', value: '5/95/110', reason: 'out_of_range' }]);
    expect(decodeUrlState('', '#map=30/40/110').problems[0]?.reason).toBe('out_of_range');
    expect(decodeUrlState('', '#map=5/40/110/0/120').problems[0]?.reason).toBe('out_of_range');
    expect(decodeUrlState('', '#map=5/40').state.view).toBeNull();
    expect(decodeUrlState('', '#map=5/40/1e999').state.view).toBeNull();
  });

  it('reports a repeated parameter and keeps the first value', () => {
    const { state, problems } = decodeUrlState('?region=150200&region=150600', '');
    expect(state.region).toBe('150200');
    expect(problems).toEqual([{ param: 'region', value: '150600', reason: 'repeated' }]);
  });

  it('survives hostile input', () => {
    const hostile = ['?region=%E0%A4%A', '?%%%=%%%', '?region=' + 'x'.repeat(10_000), '?lang=<script>', '?region&lang', '?=&=&'];
    for (const search of hostile) {
      expect(() => decodeUrlState(search, '#map=%zz/1/2&map=NaN/NaN/NaN')).not.toThrow();
    }
    const long = decodeUrlState('?region=' + 'x'.repeat(10_000), '');
    expect(long.problems[0]?.value.length).toBeLessThanOrEqual(80);
    // @ts-expect-error: untyped callers
    expect(() => decodeUrlState(undefined, null)).not.toThrow();
  });

  it('ignores parameters it does not own', () => {
    const { state, problems } = decodeUrlState('?q=包头&utm=x', '#foo=bar');
    expect(state).toEqual(EMPTY_STATE);
    expect(problems).toEqual([]);
  });
});

describe('encode', () => {
  it('writes region and lang, keeping other parameters', () => {
    expect(encodeSearch({ region: '150200', lang: 'en' }, '?q=x&region=150600')).toBe('?region=150200&lang=en&q=x');
    expect(encodeSearch({ region: null, lang: null }, '?region=150600&lang=zh')).toBe('');
    expect(encodeSearch({ region: null, lang: 'zh' })).toBe('?lang=zh');
  });

  it('writes MapLibre view strings', () => {
    expect(encodeView({ zoom: 6.2, lat: 40.9, lng: 109.84, bearing: 0, pitch: 0 })).toBe('6.2/40.9/109.84');
    expect(encodeView({ zoom: 4, lat: 44.123456, lng: 112.987654, bearing: 10, pitch: 0 })).toBe('4/44.12/112.99/10');
    expect(encodeView({ zoom: 4, lat: 44, lng: 112, bearing: 0, pitch: 20 })).toBe('4/44/112/0/20');
  });

  it('round-trips', () => {
    const state = S({ region: '152500', selection: { kind: 'region', code: '152500' }, lang: 'en' as const, view: { zoom: 7.25, lat: 43.933, lng: 116.067, bearing: 0, pitch: 0 } });
    const link = encodeUrlState(state);
    const [search, hash] = link.split('#') as [string, string];
    expect(decodeUrlState(search, hash)).toEqual({ state, problems: [] });
  });

  it('describes an unknown region', () => {
    expect(unknownRegionProblem('999999')).toEqual({ param: 'region', value: '999999', reason: 'unknown' });
  });
});

describe('decodeView', () => {
  it('rejects empty parts and too many parts', () => {
    expect(decodeView('5//110').problem).toBe('malformed');
    expect(decodeView('5/40/110/0/0/9').problem).toBe('malformed');
    expect(decodeView('5/40/110').problem).toBeNull();
  });
});

describe('selection, layers, filters, choropleth', () => {
  it('reads a project or a measure selection', () => {
    expect(decodeUrlState('?project=rail-baotou-yinchuan-hsr', '').state.selection).toEqual({ kind: 'project', id: 'rail-baotou-yinchuan-hsr' });
    expect(decodeUrlState('?measure=c4.s1.i1', '').state.selection).toEqual({ kind: 'measure', id: 'c4.s1.i1' });
    expect(decodeUrlState('?measure=c4.s1.i1', '').state.region).toBeNull();
    expect(decodeUrlState('?measure=c44', '').problems).toEqual([{ param: 'measure', value: 'c44', reason: 'malformed' }]);
    expect(decodeUrlState('?project=Bad_Id', '').problems[0]?.reason).toBe('malformed');
  });

  it('keeps the first of two selections and reports the second', () => {
    const { state, problems } = decodeUrlState('?region=150200&project=rail-x', '');
    expect(state.selection).toEqual({ kind: 'region', code: '150200' });
    expect(problems).toEqual([{ param: 'project', value: 'rail-x', reason: 'conflict' }]);
  });

  it('reads layers, with none and the default', () => {
    expect(decodeUrlState('?layers=railways,highways', '').state.layers).toEqual(['railways', 'highways']);
    expect(decodeUrlState('?layers=none', '').state.layers).toEqual([]);
    expect(decodeUrlState('', '').state.layers).toBeNull();
    const bad = decodeUrlState('?layers=railways,<b>,highways', '');
    expect(bad.state.layers).toEqual(['railways', 'highways']);
    expect(bad.problems).toEqual([{ param: 'layers', value: '<b>', reason: 'malformed' }]);
  });

  it('reads filters, dropping the bad values and keeping the good ones', () => {
    const { state, problems } = decodeUrlState('?ch=5,4,12,x&theme=railway,rocket&stage=study,build,maybe', '');
    expect(state.filters).toEqual({ chapters: [4, 5], themes: ['railway'], stages: ['build', 'study'] });
    expect(problems).toEqual([
      { param: 'ch', value: '12', reason: 'out_of_range' },
      { param: 'ch', value: 'x', reason: 'malformed' },
      { param: 'theme', value: 'rocket', reason: 'unknown' },
      { param: 'stage', value: 'maybe', reason: 'unknown' },
    ]);
  });

  it('reads the choropleth', () => {
    expect(decodeUrlState('?choro=all', '').state.choropleth).toBe('all');
    expect(decodeUrlState('?choro=railways', '').state.choropleth).toBe('railways');
    expect(decodeUrlState('?choro=%3Cx%3E', '').problems).toEqual([{ param: 'choro', value: '<x>', reason: 'malformed' }]);
  });

  it('round-trips a full state and omits defaults', () => {
    const state = S({
      selection: { kind: 'project', id: 'rail-baotou-yinchuan-hsr' },
      layers: ['railways', 'power'],
      filters: { chapters: [4], themes: ['railway', 'power'], stages: ['build', 'study'] },
      choropleth: 'all',
      lang: 'en',
      view: { zoom: 6.5, lat: 41, lng: 110, bearing: 0, pitch: 0 },
    });
    const link = encodeUrlState(state, '', ['railways', 'highways', 'power']);
    expect(link).toBe('?project=rail-baotou-yinchuan-hsr&layers=railways,power&ch=4&theme=railway,power&stage=build,study&choro=all&lang=en#map=6.5/41/110');
    expect(decodeLink(link)).toEqual({ state, problems: [] });
    expect(encodeSearch(S({ layers: ['a', 'b'] }), '', ['a', 'b'])).toBe('');
    expect(encodeSearch(S({ layers: [] }), '', ['a', 'b'])).toBe('?layers=none');
    expect(decodeLink('http://x/y/?measure=c5#map=4/40/110').state.selection).toEqual({ kind: 'measure', id: 'c5' });
  });

  it('compares selections', () => {
    expect(sameSelection(null, null)).toBe(true);
    expect(sameSelection({ kind: 'region', code: '150200' }, { kind: 'region', code: '150200' })).toBe(true);
    expect(sameSelection({ kind: 'region', code: '150200' }, { kind: 'project', id: '150200' })).toBe(false);
    expect(sameSelection({ kind: 'measure', id: 'c4' }, null)).toBe(false);
  });

  it('describes unknown values', () => {
    expect(unknownProblem('layers', 'rockets')).toEqual({ param: 'layers', value: 'rockets', reason: 'unknown' });
  });

  it('never throws on hostile filters', () => {
    for (const s of ['?ch=,,,', '?theme=%', '?stage=' + ','.repeat(5000), '?layers=' + 'a,'.repeat(3000), '?choro=&choro=all'])
      expect(() => decodeUrlState(s, '')).not.toThrow();
  });
});

describe('embed', () => {
  it('reads embed=1 as an embed, 0 or nothing as the full atlas, anything else as a problem', () => {
    expect(decodeUrlState('?embed=1&project=rail-baotou-yinchuan-hsr', '').state).toEqual(S({ embed: true, selection: { kind: 'project', id: 'rail-baotou-yinchuan-hsr' } }));
    expect(decodeUrlState('?embed=0', '')).toEqual({ state: EMPTY_STATE, problems: [] });
    expect(decodeUrlState('?embed=', '')).toEqual({ state: EMPTY_STATE, problems: [] });
    const bad = decodeUrlState('?embed=yes&lang=en', '');
    expect(bad.state).toEqual(S({ lang: 'en' }));
    expect(bad.problems).toEqual([{ param: 'embed', value: 'yes', reason: 'malformed' }]);
    expect(decodeUrlState('?embed=1&embed=0', '').problems).toEqual([{ param: 'embed', value: '0', reason: 'repeated' }]);
  });

  it('writes embed=1 only for an embed, and keeps it through a re-encoding of the page', () => {
    expect(encodeSearch(S({ embed: true, lang: 'en' }))).toBe('?lang=en&embed=1');
    expect(encodeSearch(S({ embed: false }), '?embed=1')).toBe('');
    const link = encodeUrlState(S({ embed: true, selection: { kind: 'region', code: '150200' }, view: { zoom: 6, lat: 41, lng: 110, bearing: 0, pitch: 0 } }));
    expect(decodeLink(link).state.embed).toBe(true);
  });

  it('turns a link into its embed and back, leaving every other part as it was', () => {
    const full = 'https://example.org/maps/atlas/?project=rail-baotou-yinchuan-hsr&layers=railways,highways&lang=en&utm=x%26y#map=6.2/40.9/109.84';
    const embed = linkWithEmbed(full, true);
    expect(embed).toBe('https://example.org/maps/atlas/?project=rail-baotou-yinchuan-hsr&layers=railways,highways&lang=en&utm=x%26y&embed=1#map=6.2/40.9/109.84');
    expect(linkWithEmbed(embed, false)).toBe(full);
    expect(linkWithEmbed(linkWithEmbed(embed, true), true)).toBe(embed);
    expect(linkWithEmbed('https://example.org/a/b.html', true)).toBe('https://example.org/a/b.html?embed=1');
    expect(linkWithEmbed('https://example.org/a/?embed=1#map=5/41/110', false)).toBe('https://example.org/a/#map=5/41/110');
    // The state a link carries is the same with and without embed, but for embed itself.
    const { state } = decodeLink(embed);
    expect({ ...state, embed: false }).toEqual(decodeLink(full).state);
  });
});
