/**
 * The export without clicking, for the command line (scripts/export-cli.ts), the end-to-end tests
 * and the benchmark, which get it from the hooks module (src/hooks.ts) on request. It exports what
 * the page shows (its state and view), the saved views, the 12 leagues or the progress deck,
 * exactly as the dialog does, and hands the file back as base64.
 */
import type { Lang } from '../../domain/url-state.ts';
import { checkSize, ExportTooLargeError, runExport, type ExportResult, type ExportTimings } from '../../export/export.ts';
import { sizeFromSpec, type ExportFormat } from '../../export/presets.ts';
import type { SavedView } from '../../export/saved-views.ts';
import { buildScene, withCorridorBuffer } from '../../export/scene.ts';
import type { AtlasContextValue } from '../app-context.ts';
import { withQuotes } from '../../export/quote.ts';
import { loadReaderText } from '../reader/reader-data.ts';
import { exportEnv, insetData } from './env.ts';
import { docTitleKey, scenesFor, type Scope } from './scenes.ts';

export interface RunOptions {
  /** png, pdf (the map as an image), pdf-vector, svg or pptx. */
  format: ExportFormat;
  /** A preset id (slide-1920, a3-landscape-300 …) or WIDTHxHEIGHT; default 1920x1080. */
  size?: string;
  scope?: Scope;
  title?: string;
  subtitle?: string;
  /** Language of the export (default: the atlas's). */
  lang?: Lang;
  /** Quote the plan's text of a selected project or measure in the PDF's caption and the PPTX's notes (default true). */
  quote?: boolean;
}

export interface RunResult {
  filename: string;
  mime: string;
  width: number;
  height: number;
  pages: number;
  bytes: number;
  base64: string;
  timings: ExportTimings;
  warnings: string[];
  boxes: ExportResult['boxes'];
  /** SVG and vector PDF: paths, texts and names of places drawn. */
  vector?: ExportResult['vector'];
}

export interface PlanExportApi {
  ready: boolean;
  run(opts: RunOptions): Promise<RunResult>;
  /** Whether a size fits the browser's limits, and the largest that does. */
  check(format: ExportFormat, size: string): Promise<{ ok: boolean; maxSide: number; largest?: { width: number; height: number } }>;
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('could not read the file'));
    r.readAsDataURL(blob);
  });
}

export function createScriptingApi(getAtlas: () => AtlasContextValue, getViews: () => SavedView[]): PlanExportApi {
  const sizeOf = (spec: string | undefined) => {
    const p = sizeFromSpec(spec ?? '1920x1080');
    if (!p) throw new Error(`unknown size "${spec}": use WIDTHxHEIGHT (320–16384) or a preset id`);
    return p;
  };
  const api: PlanExportApi = {
    ready: true,
    async run(opts) {
      const atlas = getAtlas();
      if (!atlas.catalogue || !atlas.geo) throw new Error('the catalogue is not loaded yet');
      const lang = opts.lang ?? atlas.state.lang ?? 'zh';
      const scope = opts.scope ?? 'view';
      const pages = scenesFor(scope, atlas.state, lang, atlas.geo, getViews(), { ...(opts.title ? { title: opts.title } : {}), ...(opts.subtitle ? { subtitle: opts.subtitle } : {}) }, [...(atlas.user?.visible ?? [])], atlas.map);
      const scenes = opts.quote === false ? pages : withQuotes(pages, atlas.catalogue, (await loadReaderText()).text);
      if (!scenes.length) throw new Error(scope === 'views' ? 'there are no saved views' : 'the map is not ready yet');
      const env = exportEnv(atlas.catalogue, atlas.geo, atlas.map, atlas.fonts, atlas.user?.layers);
      const t = env.tFor(lang);
      const result = await runExport({
        format: opts.format,
        preset: sizeOf(opts.size),
        scenes,
        env,
        inset: insetData(atlas.geo),
        ...(docTitleKey(scope) ? { docTitle: t(docTitleKey(scope)!) } : {}),
      });
      return {
        filename: result.filename,
        mime: result.mime,
        width: result.width,
        height: result.height,
        pages: result.pages,
        bytes: result.blob.size,
        base64: await blobToBase64(result.blob),
        timings: result.timings,
        warnings: result.warnings,
        boxes: result.boxes,
        ...(result.vector ? { vector: result.vector } : {}),
      };
    },
    async check(format, size) {
      const atlas = getAtlas();
      if (!atlas.catalogue || !atlas.geo) throw new Error('the catalogue is not loaded yet');
      const env = exportEnv(atlas.catalogue, atlas.geo, atlas.map, atlas.fonts, atlas.user?.layers);
      const lang = atlas.state.lang ?? 'zh';
      const [spec] = scenesFor('view', atlas.state, lang, atlas.geo, [], {}, [], atlas.map);
      if (!spec) throw new Error('the map is not ready yet');
      const scene = buildScene(spec, { ...(await withCorridorBuffer(env, [spec])), t: env.tFor(lang) });
      try {
        const c = await checkSize(format, sizeOf(size), scene.style, scene.content);
        return c.ok ? { ok: true, maxSide: c.limits.maxSide } : { ok: false, maxSide: c.limits.maxSide, largest: { width: c.largest.width, height: c.largest.height } };
      } catch (e) {
        if (e instanceof ExportTooLargeError) return { ok: false, maxSide: e.limits.maxSide, largest: { width: e.largest.width, height: e.largest.height } };
        throw e;
      }
    },
  };
  return api;
}
