/**
 * Exports from the command line, without clicking:
 *
 *   npm run export -- --state '<app URL or state>' --format png|pdf|pdf-vector|svg|pptx --size 1920x1080 --out FILE
 *   npm run export -- --atlas --format pptx --out atlas.pptx          (one slide per league, all 12)
 *   npm run export -- --views views.json --format pdf --out deck.pdf  (one page per saved view)
 *   npm run export -- --progress --format pptx --out progress.pptx    (progress deck: one slide per
 *                   league in now mode, its projects counted by status; with a link's `date=2020`
 *                   in --state, the status at the end of that year)
 *
 * Options: --state  an atlas link (http://…/?region=150200#map=6/41/110) or just its query and hash
 *                   (`?region=150200&lang=en#map=6/41/110`); default: the first view
 *          --format png | pdf | pdf-vector | svg | pptx (default png); pdf has the map as an image,
 *                   pdf-vector and svg draw it as vectors with real text (src/export/README.md)
 *          --size   WIDTHxHEIGHT or a preset id: slide-1920, slide-3840, slide-4x3,
 *                   a4-landscape-150 … a3-portrait-300 (default 1920x1080)
 *          --lang   zh | en (default: the link's language, else zh)
 *          --title, --subtitle   text for the page (default: from the selection)
 *          --no-quote  leave out the plan's words of a selected project or measure (by default
 *                   quoted in the PDF's caption and the PPTX's speaker notes)
 *          --out    output file (default: the export's own name in the current folder)
 *          --build  rebuild the app first
 *          --timings FILE   write where the time went (JSON: each step's milliseconds) to FILE
 *
 * It builds the app if dist/ is missing or older than its sources, serves dist/ on 127.0.0.1, opens
 * it in headless Debian Chromium (playwright-core, the flags of tests/e2e/browser.ts) at a
 * 1600×900 window, and calls the page's own export (`window.__planExport`, src/ui/export/api.ts):
 * the file is exactly what the Export dialog makes.
 */
import { newest } from './newest.ts';
import { ensureBuilt as ensurePrepared } from './ensure-built.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { serveStatic } from './static-server.ts';
import { parseFile, STORAGE_KEY } from '../src/export/saved-views.ts';
import { FORMATS, isSinglePage, sizeFromSpec, type ExportFormat } from '../src/export/presets.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');

interface Args {
  state: string;
  format: ExportFormat;
  size: string;
  out: string | null;
  lang: 'zh' | 'en' | null;
  title: string | null;
  subtitle: string | null;
  atlas: boolean;
  progress: boolean;
  views: string | null;
  build: boolean;
  timings: string | null;
  quote: boolean;
}

function usage(message?: string): never {
  if (message) console.error(`export: ${message}\n`);
  console.error(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, ''));
  process.exit(message ? 2 : 0);
}

function parseArgs(argv: string[]): Args {
  const a: Args = { state: '', format: 'png', size: '1920x1080', out: null, lang: null, title: null, subtitle: null, atlas: false, progress: false, views: null, build: false, timings: null, quote: true };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = () => {
      const x = argv[++i];
      if (x === undefined) usage(`${k} needs a value`);
      return x;
    };
    if (k === '--state') a.state = v();
    else if (k === '--format') {
      const f = v().toLowerCase();
      if (!(FORMATS as readonly string[]).includes(f)) usage(`unknown format "${f}" (${FORMATS.join(', ')})`);
      a.format = f as ExportFormat;
    } else if (k === '--size') a.size = v();
    else if (k === '--out') a.out = v();
    else if (k === '--lang') {
      const l = v();
      if (l !== 'zh' && l !== 'en') usage(`unknown language "${l}"`);
      a.lang = l;
    } else if (k === '--title') a.title = v();
    else if (k === '--subtitle') a.subtitle = v();
    else if (k === '--atlas') a.atlas = true;
    else if (k === '--progress') a.progress = true;
    else if (k === '--views') a.views = v();
    else if (k === '--build') a.build = true;
    else if (k === '--timings') a.timings = v();
    else if (k === '--no-quote') a.quote = false;
    else if (k === '--help' || k === '-h') usage();
    else usage(`unknown option ${k}`);
  }
  if (!sizeFromSpec(a.size)) usage(`unknown size "${a.size}" (WIDTHxHEIGHT, 320–16384 px, or a preset id)`);
  if ((a.atlas || a.progress || a.views) && isSinglePage(a.format)) usage('--atlas, --progress and --views make several pages: use --format pdf, pdf-vector or pptx');
  if (Number(a.atlas) + Number(a.progress) + Number(Boolean(a.views)) > 1) usage('--atlas, --progress and --views cannot be combined');
  return a;
}

/** The query and hash of an atlas link, whatever form it comes in. */
export function linkPart(state: string): string {
  const s = state.trim();
  if (!s) return '';
  if (/^https?:\/\//.test(s)) {
    const u = new URL(s);
    return `${u.search}${u.hash}`;
  }
  if (s.startsWith('?') || s.startsWith('#')) return s;
  return `?${s}`;
}


async function ensureBuilt(force: boolean): Promise<void> {
  ensurePrepared(false, ROOT);
  const inputs = Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'public')), newest(join(ROOT, 'index.html')), newest(join(ROOT, 'vite.config.ts')));
  if (!force && newest(join(DIST, 'index.html')) >= inputs) return;
  console.error('[export] building the app…');
  // Vite is loaded only to build: importing it costs the command's start ~0.5 s.
  const { build } = await import('vite');
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'warn', build: { emptyOutDir: true } });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let viewsJson: string | null = null;
  if (args.views) {
    viewsJson = readFileSync(args.views, 'utf8');
    const r = parseFile(viewsJson);
    if (!r.ok) {
      const lines = r.problems.map((p) => `${p.view ? `view ${p.view}: ` : ''}${p.code}${Object.keys(p.params).length ? ` ${JSON.stringify(p.params)}` : ''}`);
      console.error(`export: ${args.views} is not a valid views file:\n  ${lines.join('\n  ')}`);
      process.exit(2);
    }
    if (r.views.length === 0) usage(`${args.views} holds no views`);
  }
  // Where the time goes (--timings): each step's wall time, in order.
  const steps: Record<string, number> = {};
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - last);
    last = now;
  };
  steps['node start'] = Math.round(performance.now());
  // Chromium starts while the build is checked (its start is a second or more of the command).
  const launching = launchBrowser();
  launching.catch(() => undefined);
  await ensureBuilt(args.build);
  step('build check');
  const site = await serveStatic({ '': DIST });
  const url = `${site.origin}/`;
  const browser = await launching;
  step('browser start (what is left of it)');
  const t0 = Date.now();
  let inPage: Record<string, number> | null = null;
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: false, serviceWorkers: 'block' });
    await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true;');
    await context.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn);');
    // The page's test hooks (window.__atlas, window.__planExport) are opt-in.
    await context.addInitScript('globalThis.__ATLAS_HOOKS__ = true');
    if (viewsJson) await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [STORAGE_KEY, viewsJson] as const);
    const page = await context.newPage();
    const origin = new URL(url).origin;
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith('data:') || u.startsWith('blob:') || new URL(u).origin === origin) return route.continue();
      return route.abort('blockedbyclient');
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(new URL(linkPart(args.state), url).href, { waitUntil: 'load' });
    step('page load (HTML, scripts)');
    await page.waitForFunction(() => Boolean(window.__planExport) && Boolean(document.querySelector('[data-testid=export-open]:not([disabled])')), undefined, { timeout: 120_000 });
    step('app ready (map, catalogue, thematic layers)');
    // The map settles: a link with a selection and no view flies to it (the flight may start a
    // moment after the app is ready). Any other link's view is the map's already: no wait (a forced
    // repaint of the on-screen map cost ~0.5 s under software WebGL for nothing the export reads).
    const part = linkPart(args.state);
    const flies = /[?&](region|project|measure)=/.test(part) && !/[#&]map=/.test(part);
    // What the export reads from the page (its style, src/ui/export/env.ts) is there once the map has
    // had its first quiet frame with the thematic layers and no source is loading.
    await page.waitForFunction(() => Boolean(window.__atlas?.ready && window.__atlas.atlasIdleAt && window.__atlas.map.isStyleLoaded()), undefined, { timeout: 120_000, polling: 50 });
    await page.evaluate(
      (flies) =>
        new Promise<void>((resolve) => {
          const map = window.__atlas!.map;
          const wait = () => (map.isMoving() ? map.once('moveend', wait) : flies ? (map.once('idle', () => resolve()), map.triggerRepaint()) : resolve());
          setTimeout(wait, flies ? 1200 : 0);
        }),
      flies,
    );
    step('map settled');
    const size = sizeFromSpec(args.size)!;
    const check = await page.evaluate(([f, s]) => window.__planExport!.check(f, s), [args.format, args.size] as const);
    step('size check (creates the export map)');
    if (!check.ok) {
      console.error(
        `export: ${size.width}×${size.height} px is more than this browser can render (largest canvas side ${check.maxSide} px).` +
          (check.largest ? ` The largest that works: --size ${check.largest.width}x${check.largest.height}` : ''),
      );
      process.exitCode = 3;
      return;
    }
    const scope = args.atlas ? 'atlas' : args.progress ? 'progress' : args.views ? 'views' : 'view';
    console.error(`[export] rendering ${scope === 'atlas' ? 'the atlas (12 leagues)' : scope === 'progress' ? 'the progress deck (12 leagues)' : scope === 'views' ? 'the saved views' : 'the view'} as ${args.format.toUpperCase()} at ${size.width}×${size.height}…`);
    const result = await page.evaluate(
      (o) => window.__planExport!.run(o),
      {
        format: args.format,
        size: args.size,
        scope,
        ...(args.lang ? { lang: args.lang } : {}),
        ...(args.title ? { title: args.title } : {}),
        ...(args.subtitle ? { subtitle: args.subtitle } : {}),
        quote: args.quote,
      } as const,
    );
    step('export in the page');
    inPage = { totalMs: Math.round(result.timings.totalMs), mapMs: Math.round(result.timings.pages.reduce((n, p) => n + p.mapMs, 0)), encodeMs: Math.round(result.timings.encodeMs), pages: result.pages };
    const fonts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.woff2?(\?|$)/.test(e.name))
        .map((e) => ({ at: Math.round((e as PerformanceResourceTiming).responseEnd), bytes: (e as PerformanceResourceTiming).encodedBodySize })),
    );
    inPage.fontFiles = fonts.length;
    inPage.fontKB = Math.round(fonts.reduce((n, f) => n + f.bytes, 0) / 1024);
    inPage.lastFontAtMs = Math.max(0, ...fonts.map((f) => f.at));
    const out = resolve(args.out ?? result.filename);
    writeFileSync(out, Buffer.from(result.base64, 'base64'));
    step('file written');
    const mb = (result.bytes / 1048576).toFixed(2);
    console.log(`${out}\n  ${result.pages} ${result.pages === 1 ? 'page' : 'pages'}, ${result.width}×${result.height} px, ${mb} MB, ${(result.timings.totalMs / 1000).toFixed(1)} s in the page (${((Date.now() - t0) / 1000).toFixed(1)} s in all)`);
    for (const w of result.warnings) console.error(`  warning: ${w}`);
    if (errors.length) console.error(`  page errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
    await site.close();
    step('browser closed');
    if (args.timings) writeFileSync(args.timings, `${JSON.stringify({ steps, inPage, totalMs: Math.round(performance.now()) }, null, 2)}\n`);
  }
}

await main();
