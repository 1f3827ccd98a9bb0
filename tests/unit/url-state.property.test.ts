/**
 * Property tests of the URL state (src/domain/url-state.ts) with fast-check, 1,000 runs each:
 * - any search and hash decode without throwing, into a state whose every value is valid, and
 *   every owned part of the link is either kept in the state or reported as a problem;
 * - a valid state survives encode → decode, and encoding is stable (encode(decode(encode(s))));
 * - a valid link, mutated (characters inserted, deleted or replaced, truncated, a parameter
 *   duplicated, percent garbage), keeps the parts the mutation did not touch, and reports what it
 *   drops;
 * - every problem renders in the notice (src/ui/Notice.tsx) in both languages.
 * A failing run prints its seed and the shrunk counterexample; re-run with `seed` to reproduce.
 */
import fc from 'fast-check';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHAPTERS, ALL_STAGES, ALL_THEMES } from '../../src/domain/filters.ts';
import {
  decodeLink,
  decodeUrlState,
  decodeView,
  encodeSearch,
  encodeUrlState,
  type AppState,
  type Decoded,
  type MapView,
  type UrlParam,
  type UrlProblem,
} from '../../src/domain/url-state.ts';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';
import { Notice } from '../../src/ui/Notice.tsx';

/** 1,000 runs each (FC_RUNS=n to explore further locally). */
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 1000) };

// ------------------------------------------------------------------------------------------------
// Generators

const QUERY_KEYS = ['region', 'project', 'measure', 'lang', 'layers', 'ch', 'theme', 'stage', 'choro', 'mode', 'date', 'para', 'corridor', 'embed'] as const;
const LIST_KEYS = new Set(['layers', 'ch', 'theme', 'stage']);
const REASONS = ['malformed', 'out_of_range', 'repeated', 'unknown', 'conflict'];

const layerId = fc.stringMatching(/^[a-z][a-z_]{0,14}$/).filter((s) => s !== 'none');
const view: fc.Arbitrary<MapView> = fc.record({
  zoom: fc.double({ min: 0, max: 22, noNaN: true }),
  lat: fc.double({ min: -90, max: 90, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
  bearing: fc.oneof(fc.constant(0), fc.double({ min: -180, max: 180, noNaN: true })),
  pitch: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 85, noNaN: true })),
});
const selection = fc.oneof(
  fc.constant(null),
  fc.stringMatching(/^(\d{6}|[A-Z]{3})$/).map((code) => ({ kind: 'region' as const, code })),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,40}$/).map((id) => ({ kind: 'project' as const, id })),
  fc.stringMatching(/^c\d(\.s\d(\.i\d{1,2})?)?$/).map((id) => ({ kind: 'measure' as const, id })),
);
/** A valid AppState, as the app would hold it (filters in canonical order, lists without repeats). */
const appState: fc.Arbitrary<AppState> = fc
  .record({
    selection,
    layers: fc.option(fc.uniqueArray(layerId, { maxLength: 6 }), { nil: null }),
    filters: fc.record({ chapters: fc.subarray([...ALL_CHAPTERS]), themes: fc.subarray([...ALL_THEMES]), stages: fc.subarray([...ALL_STAGES]) }),
    choropleth: fc.option(fc.oneof(fc.constant('all'), layerId), { nil: null }),
    mode: fc.constantFrom('plan' as const, 'now' as const),
    date: fc.option(fc.oneof(fc.integer({ min: 2016, max: 2030 }).map(String), fc.tuple(fc.integer({ min: 2016, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)), { nil: null }),
    paragraph: fc.option(fc.stringMatching(/^c\d(\.s\d(\.i\d{1,2})?)?\.p\d{1,3}$/), { nil: null }),
    lang: fc.constantFrom(null, 'zh' as const, 'en' as const),
    view: fc.option(view, { nil: null }),
    corridor: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
    embed: fc.boolean(),
  })
  .map((s) => ({ ...s, mode: s.date ? ('now' as const) : s.mode, region: s.selection?.kind === 'region' ? s.selection.code : null }));

/** Pieces that make random strings look like links often enough to reach every branch. */
const token = fc.oneof(
  fc.constantFrom(...QUERY_KEYS, 'map', '=', '&', ',', '#', '?', '%', '+', ' ', '/', '.', '-', 'none', 'all', 'NaN', 'Infinity', '1e999'),
  fc.constantFrom('%E0%A4%A', '%zz', '%', '%2C', '%26', '%3D', '%23', '%ED%A0%80', '%F0%9F%98%80', '\uD800', '包头'),
  fc.constantFrom(...ALL_THEMES, ...ALL_STAGES, 'zh', 'en', 'EN', '150200', 'mng', 'c4.s1.i1', 'rail-baotou-yinchuan-hsr', 'railways'),
  fc.integer({ min: -200, max: 200 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const urlish = fc.array(token, { maxLength: 30 }).map((t) => t.join(''));
/** `key=value&…` with owned keys and values made of the tokens above. */
const pairsish = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS, 'map'), token), fc.array(token, { maxLength: 4 }).map((t) => t.join(''))), { maxLength: 8 })
  .map((ps) => ps.map(([k, v]) => `${k}=${v}`).join('&'));
const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), urlish, pairsish);

// ------------------------------------------------------------------------------------------------
// An independent reading of a link, to check what the decoder kept or reported

function refDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
const clip = (v: string) => (v.length > 80 ? `${v.slice(0, 77)}...` : v);

interface Segment {
  key: string;
  value: string;
  inHash: boolean;
}

/** The `key=value` segments of a search and a hash (with or without their `?` / `#`). */
function segmentsOf(search: string, hash: string): Segment[] {
  const out: Segment[] = [];
  const scan = (text: string, inHash: boolean) => {
    for (const part of text.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      out.push({ key: refDecode(eq < 0 ? part : part.slice(0, eq)), value: eq < 0 ? '' : refDecode(part.slice(eq + 1)), inHash });
    }
  };
  scan(search.replace(/^\?/, ''), false);
  scan(hash.replace(/^#/, ''), true);
  return out;
}

/** The same for a whole link (`…?search#hash`). */
function segments(link: string): Segment[] {
  const hashAt = link.indexOf('#');
  const before = hashAt < 0 ? link : link.slice(0, hashAt);
  const q = before.indexOf('?');
  return segmentsOf(q < 0 ? '' : before.slice(q + 1), hashAt < 0 ? '' : link.slice(hashAt + 1));
}

const owned = (seg: Segment) => (seg.inHash ? seg.key === 'map' : (QUERY_KEYS as readonly string[]).includes(seg.key));

/** The values of the state that stand for one (normalised) item of a parameter. */
function keeps(state: AppState, key: string, item: string): boolean {
  const sel = state.selection;
  switch (key) {
    case 'region':
      return sel?.kind === 'region' && sel.code === item.toUpperCase() && state.region === sel.code;
    case 'project':
      return sel?.kind === 'project' && sel.id === item;
    case 'measure':
      return sel?.kind === 'measure' && sel.id === item;
    case 'lang':
      return state.lang === item.toLowerCase();
    case 'layers':
      return item.toLowerCase() === 'none' ? state.layers?.length === 0 : (state.layers ?? []).includes(item);
    case 'ch':
      return (state.filters.chapters as number[]).includes(Number(item)) && /^\d$/.test(item);
    case 'theme':
      return (state.filters.themes as string[]).includes(item);
    case 'stage':
      return (state.filters.stages as string[]).includes(item);
    case 'choro':
      return state.choropleth === item;
    case 'mode':
      return (item === 'now' && state.mode === 'now') || item === 'plan' || item === '';
    case 'date':
      return state.date === item;
    case 'para':
      return state.paragraph === item;
    case 'corridor':
      return state.corridor === Number(item);
    case 'embed':
      return (item === '1' && state.embed === true) || item === '0';
    case 'map': {
      const v = decodeView(item).view;
      return v != null && JSON.stringify(v) === JSON.stringify(state.view);
    }
  }
  return false;
}

/** Every owned part of the link is in the state or named by a problem (nothing silently dropped). */
function expectAccounted(segs: Segment[], { state, problems }: Decoded, link: string): void {
  for (const seg of segs) {
    if (!owned(seg)) continue;
    const value = seg.value.trim();
    const items = LIST_KEYS.has(seg.key) && value.toLowerCase() !== 'none' ? value.split(',').map((s) => s.trim()) : [value];
    for (const item of items) {
      if (item === '') continue;
      const reported = problems.some((p) => p.param === seg.key && (p.value === clip(item) || p.value === clip(seg.value)));
      if (!reported && !keeps(state, seg.key, item)) throw new Error(`dropped without a problem: ${seg.key}=${item} (from ${JSON.stringify(link)})`);
    }
  }
}

/** Every value of the state is one the atlas can use; every problem is well formed. */
function expectValid({ state, problems }: Decoded): void {
  const sel = state.selection;
  if (sel?.kind === 'region') expect(sel.code).toMatch(/^(\d{6}|[A-Z]{3})$/);
  if (sel?.kind === 'project') expect(sel.id).toMatch(/^[a-z][a-z0-9-]{0,79}$/);
  if (sel?.kind === 'measure') expect(sel.id).toMatch(/^c\d(\.s\d(\.i\d{1,2})?)?$/);
  expect(state.region).toBe(sel?.kind === 'region' ? sel.code : null);
  expect([null, 'zh', 'en']).toContain(state.lang);
  for (const l of state.layers ?? []) expect(l).toMatch(/^[a-z][a-z_]{0,39}$/);
  expect(new Set(state.layers ?? []).size).toBe((state.layers ?? []).length);
  for (const c of state.filters.chapters) expect(ALL_CHAPTERS).toContain(c);
  for (const t of state.filters.themes) expect(ALL_THEMES).toContain(t);
  for (const s of state.filters.stages) expect(ALL_STAGES).toContain(s);
  if (state.choropleth != null) expect(state.choropleth).toMatch(/^(all|[a-z][a-z_]{0,39})$/);
  if (state.view) {
    const v = state.view;
    expect([v.zoom, v.lat, v.lng, v.bearing, v.pitch].every(Number.isFinite)).toBe(true);
    expect(Math.abs(v.lat) <= 90 && Math.abs(v.lng) <= 180 && Math.abs(v.bearing) <= 180 && v.zoom >= 0 && v.zoom <= 22 && v.pitch >= 0 && v.pitch <= 85).toBe(true);
  }
  for (const p of problems) {
    expect([...QUERY_KEYS, 'map']).toContain(p.param);
    expect(REASONS).toContain(p.reason);
    expect(p.value.length).toBeLessThanOrEqual(80);
  }
}

/** The state with its view compared to the precision a link carries. */
function closeViews(a: MapView | null, b: MapView | null): boolean {
  if (!a || !b) return a === b;
  const precision = Math.max(0, Math.ceil((b.zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  const tol = 0.5 / 10 ** precision + 1e-12;
  return Math.abs(a.zoom - b.zoom) <= 0.005 + 1e-12 && Math.abs(a.lat - b.lat) <= tol && Math.abs(a.lng - b.lng) <= tol && Math.abs(a.bearing - b.bearing) <= 0.05 + 1e-9 && Math.abs(a.pitch - b.pitch) <= 0.5 + 1e-9;
}

/** encode(decode(link)) is a fixed point: decoding it again gives the same state, no problems, the same link. */
function expectStableRoundTrip(state: AppState): void {
  const link = encodeUrlState(state);
  const again = decodeLink(link);
  expect(again.problems).toEqual([]);
  expect({ ...again.state, view: null }).toEqual({ ...state, view: null });
  expect(closeViews(state.view, again.state.view)).toBe(true);
  expect(encodeUrlState(again.state)).toBe(link);
}

// ------------------------------------------------------------------------------------------------

describe('URL state, arbitrary input', () => {
  it('decodes any search and hash without throwing, keeping or reporting every owned part', () => {
    fc.assert(
      fc.property(anyString, anyString, (search, hash) => {
        let decoded!: Decoded;
        expect(() => (decoded = decodeUrlState(search, hash))).not.toThrow();
        expectValid(decoded);
        expectAccounted(segmentsOf(search, hash), decoded, `${search} | ${hash}`);
        expect(() => decodeLink(`${search}#${hash}`)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('re-encodes whatever it decoded into a stable link', () => {
    fc.assert(
      fc.property(anyString, anyString, (search, hash) => {
        const { state } = decodeUrlState(search, hash);
        expectStableRoundTrip(state);
      }),
      RUNS,
    );
  });

  it('encodes a state into any previous query without throwing, keeping its foreign parameters', () => {
    fc.assert(
      fc.property(appState, anyString, (state, previous) => {
        let search = '';
        expect(() => (search = encodeSearch(state, previous))).not.toThrow();
        const decoded = decodeUrlState(search, '');
        expect(decoded.problems).toEqual([]);
        expect({ ...decoded.state, view: null }).toEqual({ ...state, view: null });
      }),
      RUNS,
    );
  });
});

describe('URL state, valid links', () => {
  it('round-trips every valid state', () => {
    fc.assert(fc.property(appState, (state) => expectStableRoundTrip(state)), RUNS);
  });

  type Mutation = { kind: string; link: string };
  const mutation = (link: string): fc.Arbitrary<Mutation> => {
    const at = fc.integer({ min: 0, max: link.length });
    const inside = fc.integer({ min: 0, max: Math.max(0, link.length - 1) });
    const char = fc.oneof(fc.constantFrom('&', '=', ',', '#', '?', '%', '+', ' ', '/', '.', '-', '_', 'a', 'Z', '0', '9', '包'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const garbage = fc.constantFrom('%', '%z', '%E0%A4%A', '%ED%A0%80', '%%', '%2', '%C0%AF', '%FF');
    const parts = link.split(/(?=[&#])/); // each piece starts with its separator
    return fc.oneof(
      fc.tuple(at, char).map(([i, c]) => ({ kind: 'insert', link: link.slice(0, i) + c + link.slice(i) })),
      fc.tuple(at, garbage).map(([i, g]) => ({ kind: 'garbage', link: link.slice(0, i) + g + link.slice(i) })),
      inside.map((i) => ({ kind: 'delete', link: link.slice(0, i) + link.slice(i + 1) })),
      fc.tuple(inside, char).map(([i, c]) => ({ kind: 'replace', link: link.slice(0, i) + c + link.slice(i + 1) })),
      at.map((i) => ({ kind: 'truncate', link: link.slice(0, i) })),
      // A parameter repeated: a copy (possibly altered) inserted after the original or before it.
      fc.tuple(fc.integer({ min: 0, max: parts.length - 1 }), fc.integer({ min: 0, max: parts.length }), fc.string({ unit: 'binary', maxLength: 3 })).map(([from, to, extra]) => {
        const piece = (parts[from] ?? '').replace(/^[?#&]/, '');
        const copy = parts.slice();
        copy.splice(to, 0, `&${piece}${extra}`);
        return { kind: 'duplicate', link: copy.join('') };
      }),
    );
  };

  it('keeps the untouched parts of a mutated link and reports the parts it drops', () => {
    fc.assert(
      fc.property(
        appState.chain((state) => {
          const link = encodeUrlState(state);
          return fc.tuple(fc.constant(link), mutation(link));
        }),
        ([link, m]) => {
          let decoded!: Decoded;
          expect(() => (decoded = decodeLink(m.link))).not.toThrow();
          expectValid(decoded);
          const after = segments(m.link);
          expectAccounted(after, decoded, m.link);
          const original = decodeLink(link).state;
          // An untouched part: the same parameter with the same value, still the first of its name in
          // its half of the link (a repeated parameter counts once, the first time).
          for (const seg of segments(link)) {
            if (!owned(seg)) continue;
            const first = after.find((s) => s.key === seg.key && s.inHash === seg.inHash);
            if (!first || first.value !== seg.value) continue;
            expect(field(decoded.state, seg.key), `${seg.key} after ${m.kind}: ${JSON.stringify(link)} → ${JSON.stringify(m.link)}`).toEqual(field(original, seg.key));
          }
        },
      ),
      RUNS,
    );
  });
});

/** The part of the state one parameter sets. */
function field(state: AppState, key: string): unknown {
  switch (key) {
    case 'region':
    case 'project':
    case 'measure':
      return state.selection;
    case 'lang':
      return state.lang;
    case 'layers':
      return state.layers;
    case 'ch':
      return state.filters.chapters;
    case 'theme':
      return state.filters.themes;
    case 'stage':
      return state.filters.stages;
    case 'choro':
      return state.choropleth;
    case 'mode':
      return state.mode;
    case 'date':
      return state.date;
    case 'para':
      return state.paragraph;
    case 'map':
      return state.view;
  }
  return undefined;
}

// ------------------------------------------------------------------------------------------------

describe('the notice shows every problem', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.use(initReactI18next).init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng: 'zh', interpolation: { escapeValue: false } });
  });

  const render = (problems: UrlProblem[], lng: 'zh' | 'en') => {
    void i18n.changeLanguage(lng);
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Notice, { problems, onDismiss: () => {} })));
  };
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

  it('has a text for every parameter and reason, in both languages', () => {
    for (const lng of ['zh', 'en'] as const) {
      for (const param of [...QUERY_KEYS, 'map'] as UrlParam[])
        for (const reason of REASONS) {
          const html = render([{ param, value: 'v', reason } as UrlProblem], lng);
          expect(html).not.toContain('notice.');
          expect(html).toContain('v');
        }
    }
  });

  it('renders the problems of random links, one item each, with the offending value', () => {
    fc.assert(
      fc.property(urlish, urlish, fc.constantFrom('zh' as const, 'en' as const), (search, hash, lng) => {
        const { problems } = decodeUrlState(search, hash);
        const html = render(problems, lng);
        if (problems.length === 0) {
          expect(html).toBe('');
          return;
        }
        expect(html.match(/<li>/g)?.length).toBe(problems.length);
        for (const p of problems) expect(html).toContain(escape(p.value));
      }),
      { numRuns: 200 },
    );
  });
});

describe('bugs the property tests found (kept as examples)', () => {
  it('a bearing or pitch that rounds to 0 is left out of the link (encoding was not stable)', () => {
    const link = encodeUrlState({ view: { zoom: 5, lat: 40, lng: 110, bearing: 0.01, pitch: 0.3 } });
    expect(link).toBe('#map=5/40/110');
    expect(encodeUrlState(decodeLink(link).state)).toBe(link);
  });

  it('a lone surrogate in a foreign parameter does not make encoding throw', () => {
    expect(() => encodeSearch({ lang: 'en' }, '?q=\uD800')).not.toThrow();
    expect(encodeSearch({ lang: 'en' }, '?q=\uD800')).toBe('?lang=en&q=%EF%BF%BD');
  });

  it('`none` inside a layer list is reported, not taken for a layer (it re-encoded as "no layers")', () => {
    const { state, problems } = decodeUrlState('?layers=railways,none', '');
    expect(state.layers).toEqual(['railways']);
    expect(problems).toEqual([{ param: 'layers', value: 'none', reason: 'malformed' }]);
    expect(decodeUrlState('?layers=none', '').state.layers).toEqual([]);
  });
});
