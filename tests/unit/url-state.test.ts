import { describe, expect, it } from 'vitest';
import { decodeUrlState, decodeView, encodeSearch, encodeUrlState, encodeView, unknownRegionProblem } from '../../src/domain/url-state.ts';

describe('decodeUrlState', () => {
  it('reads region, language and MapLibre view', () => {
    const { state, problems } = decodeUrlState('?region=150200&lang=en', '#map=6.2/40.9/109.84');
    expect(problems).toEqual([]);
    expect(state).toEqual({ region: '150200', lang: 'en', view: { zoom: 6.2, lat: 40.9, lng: 109.84, bearing: 0, pitch: 0 } });
  });

  it('accepts missing prefixes, bearing and pitch, and other hash parameters', () => {
    const { state, problems } = decodeUrlState('lang=zh', 'other=1&map=5/41/110/-12.5/30');
    expect(problems).toEqual([]);
    expect(state.lang).toBe('zh');
    expect(state.view).toEqual({ zoom: 5, lat: 41, lng: 110, bearing: -12.5, pitch: 30 });
  });

  it('returns an empty state for an empty URL', () => {
    expect(decodeUrlState('', '')).toEqual({ state: { region: null, lang: null, view: null }, problems: [] });
    expect(decodeUrlState('?', '#')).toEqual({ state: { region: null, lang: null, view: null }, problems: [] });
  });

  it('accepts country codes and normalises case', () => {
    expect(decodeUrlState('?region=mng', '').state.region).toBe('MNG');
    expect(decodeUrlState('?lang=EN', '').state.lang).toBe('en');
  });

  it('keeps what is valid and reports what is not, without throwing', () => {
    const { state, problems } = decodeUrlState('?region=15x200&lang=fr', '#map=6/40.9/109.8');
    expect(state).toEqual({ region: null, lang: null, view: { zoom: 6, lat: 40.9, lng: 109.8, bearing: 0, pitch: 0 } });
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
    const { state, problems } = decodeUrlState('?layers=railway,power&q=包头', '#foo=bar');
    expect(state).toEqual({ region: null, lang: null, view: null });
    expect(problems).toEqual([]);
  });
});

describe('encode', () => {
  it('writes region and lang, keeping other parameters', () => {
    expect(encodeSearch({ region: '150200', lang: 'en' }, '?layers=railway&region=150600')).toBe('?region=150200&lang=en&layers=railway');
    expect(encodeSearch({ region: null, lang: null }, '?region=150600&lang=zh')).toBe('');
    expect(encodeSearch({ region: null, lang: 'zh' })).toBe('?lang=zh');
  });

  it('writes MapLibre view strings', () => {
    expect(encodeView({ zoom: 6.2, lat: 40.9, lng: 109.84, bearing: 0, pitch: 0 })).toBe('6.2/40.9/109.84');
    expect(encodeView({ zoom: 4, lat: 44.123456, lng: 112.987654, bearing: 10, pitch: 0 })).toBe('4/44.12/112.99/10');
    expect(encodeView({ zoom: 4, lat: 44, lng: 112, bearing: 0, pitch: 20 })).toBe('4/44/112/0/20');
  });

  it('round-trips', () => {
    const state = { region: '152500', lang: 'en' as const, view: { zoom: 7.25, lat: 43.933, lng: 116.067, bearing: 0, pitch: 0 } };
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
