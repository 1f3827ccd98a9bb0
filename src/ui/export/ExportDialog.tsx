/**
 * The export dialog: format (PNG, PDF with the map as an image or as vectors, SVG, PPTX), size (slide and print presets, or custom), language,
 * title and subtitle, what to export (this view, the saved views as a deck, the atlas of the 12
 * leagues, the progress deck: the 12 leagues by present status), a live preview of the composition, the browser's size limit said before exporting (with
 * the largest size that works), and the selection's data as GeoJSON or CSV.
 */
import { useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../domain/url-state.ts';
import { projectsCsv, projectsGeoJson } from '../../export/data.ts';
import { checkSize, download, effectiveSize, ExportTooLargeError, missingInTexts, renderPreview, runExport, type ExportResult } from '../../export/export.ts';
import { CUSTOM_MAX, CUSTOM_MIN, customPreset, DEFAULT_PRESET, FORMATS, isSinglePage, PRESETS, presetById, type ExportFormat, type SizePreset } from '../../export/presets.ts';
import type { SavedView } from '../../export/saved-views.ts';
import { withQuotes } from '../../export/quote.ts';
import { selectionProjects } from '../../export/scene.ts';
import type { PlanTextFile } from '../../domain/plan-text.ts';
import { loadReaderText } from '../reader/reader-data.ts';
import { projectPasses } from '../../domain/filters.ts';
import { useAtlas } from '../app-context.ts';
import { DetailsContext } from '../details-context.ts';
import type { DetailsFile } from '../../domain/types.ts';
import { currentState, exportEnv, insetData, tFor } from './env.ts';
import { docTitleKey, scenesFor, type Scope } from './scenes.ts';
import { useModal } from './use-modal.ts';

export interface ExportDialogProps {
  onClose: () => void;
  views: SavedView[];
  initialScope?: Scope;
}

type Status = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; result: ExportResult } | { kind: 'error'; message: string };

function presetLabel(p: SizePreset, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (p.kind === 'slide') return t(`export.presets.${p.id}`);
  const [paper, orientation, dpi] = p.id.split('-') as [string, string, string];
  return t('export.presets.print', { paper: paper.toUpperCase(), orientation: t(`export.orientation.${orientation}`), dpi, width: p.width, height: p.height });
}

export function ExportDialog({ onClose, views, initialScope = 'view' }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const atlas = useAtlas();
  const { catalogue, geo, state } = atlas;
  const titleId = useId();
  const dialog = useModal<HTMLDivElement>(onClose);
  const [format, setFormat] = useState<ExportFormat>(initialScope === 'view' ? 'png' : 'pptx');
  const [presetId, setPresetId] = useState(DEFAULT_PRESET);
  const [custom, setCustom] = useState({ width: 2560, height: 1440 });
  const [lang, setLang] = useState<Lang>((state.lang ?? (i18n.language as Lang)) === 'en' ? 'en' : 'zh');
  const [title, setTitle] = useState('');
  const [subtitle, setSubtitle] = useState('');
  const [scope, setScope] = useState<Scope>(initialScope);
  const [defaults, setDefaults] = useState<{ title: string; subtitle: string } | null>(null);
  const [check, setCheck] = useState<{ ok: boolean; largest?: SizePreset; maxSide?: number } | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const detailsSource = useContext(DetailsContext);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [previewBusy, setPreviewBusy] = useState(false);
  const preview = useRef<HTMLCanvasElement>(null);
  // The frame and state are taken when the dialog opens: the dialog covers the map.
  const frozen = useMemo(() => ({ state: currentState(state, atlas.map), user: atlas.user, map: atlas.map }), []); // eslint-disable-line react-hooks/exhaustive-deps

  const preset: SizePreset = presetId === 'custom' ? customPreset(custom.width, custom.height) : (presetById(presetId) ?? PRESETS[0]!);
  const customValid = presetId !== 'custom' || (custom.width >= CUSTOM_MIN && custom.height >= CUSTOM_MIN && custom.width <= CUSTOM_MAX && custom.height <= CUSTOM_MAX);
  const multi = scope !== 'view';
  const formatOk = !(multi && isSinglePage(format));
  const eff = effectiveSize(format, preset);
  // The plan's words of a selected project or measure, in the PDF's caption and the PPTX's notes.
  const [planText, setPlanText] = useState<PlanTextFile | null>(null);
  const [quoteOn, setQuoteOn] = useState(true);
  useEffect(() => {
    let live = true;
    loadReaderText().then(
      (d) => live && setPlanText(d.text),
      () => undefined, // without the text the option stays off; the export still works
    );
    return () => {
      live = false;
    };
  }, []);
  const pages = useMemo(
    () => (geo ? scenesFor(scope, frozen.state, lang, geo, views, { title: title.trim(), subtitle: subtitle.trim() }, [...(frozen.user?.visible ?? [])], frozen.map) : []),
    [scope, frozen, lang, geo, views, title, subtitle],
  );
  const quoted = useMemo(() => (catalogue && planText ? withQuotes(pages, catalogue, planText) : []), [pages, catalogue, planText]);
  const quotable = quoted.some((s) => s.quote);
  const specs = useMemo(() => (quoteOn && quotable ? quoted : pages), [quoteOn, quotable, quoted, pages]);

  // Live preview (debounced) and the size check.
  useEffect(() => {
    if (!customValid || !catalogue || !geo || specs.length === 0) return;
    let live = true;
    const timer = setTimeout(async () => {
      setPreviewBusy(true);
      try {
        const env = exportEnv(catalogue, geo, frozen.map, atlas.fonts, frozen.user?.layers);
        const canvas = preview.current;
        if (!canvas || !live) return;
        const { scene, comp } = await renderPreview(specs[0]!, env, insetData(geo), format, preset, canvas, 560, 400);
        if (!live) return;
        if (scope === 'view') setDefaults({ title: scene.defaultTitle, subtitle: scene.defaultSubtitle });
        const c = await checkSize(format, preset, scene.style, scene.content);
        if (!live) return;
        setCheck(c.ok ? { ok: true, maxSide: c.limits.maxSide } : { ok: false, largest: c.largest, maxSide: c.limits.maxSide });
        setMissing(await missingInTexts([scene.content.title, scene.content.subtitle]));
        setPreviewError(comp.legendOmitted ? t('export.legendCut', { count: comp.legendOmitted }) : null);
      } catch (e) {
        if (live) setPreviewError(e instanceof Error ? e.message : String(e));
      } finally {
        if (live) setPreviewBusy(false);
      }
    }, 350);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [specs, format, presetId, custom.width, custom.height, customValid, catalogue, geo]); // eslint-disable-line react-hooks/exhaustive-deps

  const doExport = useCallback(async () => {
    if (!catalogue || !geo || specs.length === 0) return;
    setStatus({ kind: 'running', done: 0, total: specs.length });
    try {
      const env = exportEnv(catalogue, geo, frozen.map, atlas.fonts, frozen.user?.layers);
      const result = await runExport({
        format,
        preset,
        scenes: specs,
        env,
        inset: insetData(geo),
        ...(docTitleKey(scope) ? { docTitle: tFor(lang)(docTitleKey(scope)!) } : {}),
        onProgress: (done, total) => setStatus({ kind: 'running', done, total }),
      });
      download(result.blob, result.filename);
      setStatus({ kind: 'done', result });
    } catch (e) {
      if (e instanceof ExportTooLargeError) setCheck({ ok: false, largest: e.largest, maxSide: e.limits.maxSide });
      setStatus({ kind: 'error', message: e instanceof ExportTooLargeError ? t('export.tooLarge', { width: e.preset.width, height: e.preset.height, maxWidth: e.largest.width, maxHeight: e.largest.height }) : e instanceof Error ? e.message : String(e) });
    }
  }, [catalogue, geo, specs, format, preset, scope, lang, t]);

  const useLargest = () => {
    if (!check?.largest) return;
    setPresetId('custom');
    setCustom({ width: check.largest.width, height: check.largest.height });
  };

  const dataProjects = useMemo(() => {
    if (!catalogue) return [];
    if (frozen.state.selection) return selectionProjects(frozen.state, catalogue);
    return catalogue.allProjects().filter((p) => projectPasses(p, frozen.state.filters));
  }, [catalogue, frozen]);

  const downloadData = async (kind: 'geojson' | 'csv') => {
    if (!catalogue || !detailsSource) return;
    const base = (title.trim() || defaults?.title || 'plan-atlas').replace(/[\\/:*?"<>|]+/g, ' ').trim();
    let details: DetailsFile;
    try {
      details = await detailsSource.load();
    } catch (e) {
      setStatus({ kind: 'error', message: t('details.failed', { message: e instanceof Error ? e.message : String(e) }) });
      return;
    }
    if (kind === 'geojson') {
      const text = projectsGeoJson(catalogue, details, dataProjects, { title: base, link: window.location.href, date: new Date() });
      download(new Blob([text], { type: 'application/geo+json' }), `${base}.geojson`);
    } else {
      download(new Blob([projectsCsv(catalogue, details, dataProjects)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
    }
  };

  const running = status.kind === 'running';
  const canExport = customValid && formatOk && !running && specs.length > 0 && check?.ok !== false;
  const slidePresets = PRESETS.filter((p) => p.kind === 'slide');
  const printPresets = PRESETS.filter((p) => p.kind === 'print');

  return (
    <div className="export-modal" role="presentation">
      <div className="export-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialog} data-testid="export-dialog">
        <header className="export-dialog__head">
          <h2 id={titleId}>{t('export.heading')}</h2>
          <button type="button" className="button-quiet" onClick={onClose} aria-label={t('export.close')}>
            ✕
          </button>
        </header>
        <div className="export-dialog__body">
          <div className="export-preview">
            <div className={`export-preview__frame${previewBusy ? ' is-busy' : ''}`}>
              <canvas ref={preview} data-testid="export-preview" aria-label={t('export.preview')} role="img" />
            </div>
            <p className="export-preview__caption muted">
              {multi ? t('export.previewFirst', { count: specs.length }) : t('export.previewCaption')} · {eff.width}×{eff.height} px
              {format === 'pptx' && eff !== preset ? ` · ${t('export.pptx169')}` : ''}
            </p>
            {previewError && <p className="export-note">{previewError}</p>}
          </div>
          <form
            className="export-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (canExport) void doExport();
            }}
          >
            <fieldset>
              <legend>{t('export.scope')}</legend>
              <div className="export-segmented" role="radiogroup">
                {(['view', 'views', 'atlas', 'progress'] as const).map((s) => (
                  <label key={s} className={scope === s ? 'is-on' : ''}>
                    <input type="radio" name="scope" value={s} checked={scope === s} onChange={() => setScope(s)} disabled={s === 'views' && views.length === 0} data-testid={`scope-${s}`} />
                    {t(`export.scopes.${s}`, { count: s === 'views' ? views.length : 12 })}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend>{t('export.format')}</legend>
              <div className="export-segmented" role="radiogroup">
                {FORMATS.map((f) => (
                  <label key={f} className={format === f ? 'is-on' : ''}>
                    <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} data-testid={`format-${f}`} />
                    {t(`export.formats.${f}`)}
                  </label>
                ))}
              </div>
              {!formatOk && <p className="export-note">{t('export.pngOnePage')}</p>}
            </fieldset>
            <label className="export-field">
              <span>{t('export.size')}</span>
              <select value={presetId} onChange={(e) => setPresetId(e.target.value)} data-testid="export-size">
                <optgroup label={t('export.slides')}>
                  {slidePresets.map((p) => (
                    <option key={p.id} value={p.id}>
                      {presetLabel(p, t)}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('export.print')}>
                  {printPresets.map((p) => (
                    <option key={p.id} value={p.id}>
                      {presetLabel(p, t)}
                    </option>
                  ))}
                </optgroup>
                <option value="custom">{t('export.custom')}</option>
              </select>
            </label>
            {presetId === 'custom' && (
              <div className="export-custom">
                <label>
                  <span>{t('export.width')}</span>
                  <input type="number" min={CUSTOM_MIN} max={CUSTOM_MAX} value={custom.width} onChange={(e) => setCustom((c) => ({ ...c, width: Number(e.target.value) }))} data-testid="custom-width" />
                </label>
                <span aria-hidden="true">×</span>
                <label>
                  <span>{t('export.height')}</span>
                  <input type="number" min={CUSTOM_MIN} max={CUSTOM_MAX} value={custom.height} onChange={(e) => setCustom((c) => ({ ...c, height: Number(e.target.value) }))} data-testid="custom-height" />
                </label>
                <span className="muted">px</span>
              </div>
            )}
            {!customValid && <p className="export-note">{t('export.customRange', { min: CUSTOM_MIN, max: CUSTOM_MAX })}</p>}
            {check && !check.ok && check.largest && (
              <div className="export-warning" role="alert" data-testid="export-too-large">
                <p>{t('export.tooLarge', { width: eff.width, height: eff.height, maxWidth: check.largest.width, maxHeight: check.largest.height })}</p>
                <button type="button" className="button-quiet" onClick={useLargest} data-testid="use-largest">
                  {t('export.useLargest', { width: check.largest.width, height: check.largest.height })}
                </button>
              </div>
            )}
            <fieldset>
              <legend>{t('export.language')}</legend>
              <div className="export-segmented" role="radiogroup">
                {(['zh', 'en'] as const).map((l) => (
                  <label key={l} className={lang === l ? 'is-on' : ''} lang={l === 'zh' ? 'zh-Hans' : 'en'}>
                    <input type="radio" name="lang" value={l} checked={lang === l} onChange={() => setLang(l)} data-testid={`export-lang-${l}`} />
                    {t(`lang.${l}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            {scope === 'view' && (
              <>
                <label className="export-field">
                  <span>{t('export.titleField')}</span>
                  <input type="text" value={title} placeholder={defaults?.title ?? ''} onChange={(e) => setTitle(e.target.value)} maxLength={120} data-testid="export-title" />
                </label>
                <label className="export-field">
                  <span>{t('export.subtitleField')}</span>
                  <input type="text" value={subtitle} placeholder={defaults?.subtitle ?? ''} onChange={(e) => setSubtitle(e.target.value)} maxLength={240} data-testid="export-subtitle" />
                </label>
              </>
            )}
            <label className="export-check">
              <input type="checkbox" checked={quoteOn && quotable} disabled={!quotable} onChange={(e) => setQuoteOn(e.target.checked)} data-testid="export-quote" />
              <span>{t('export.quote.option')}</span>
            </label>
            {!quotable && <p className="muted export-hint">{t('export.quote.none')}</p>}
            {missing.length > 0 && (
              <p className="export-warning" role="alert">
                {t('export.missingGlyphs', { chars: missing.join(' ') })}
              </p>
            )}
            <div className="export-actions">
              <button type="submit" className="button-primary" disabled={!canExport} data-testid="export-run">
                {running ? t('export.running', { done: status.done, total: status.total }) : t('export.run', { format: t(`export.formats.${format}`) })}
              </button>
              <button type="button" className="button-quiet" onClick={onClose}>
                {t('export.cancel')}
              </button>
            </div>
            <p className="export-status" aria-live="polite" data-testid="export-status">
              {status.kind === 'done' &&
                t('export.done', {
                  file: status.result.filename,
                  size: (status.result.blob.size / 1048576).toFixed(1),
                  seconds: (status.result.timings.totalMs / 1000).toFixed(1),
                })}
              {status.kind === 'error' && <span className="export-error">{status.message}</span>}
            </p>
            <fieldset className="export-data">
              <legend>{t('export.data')}</legend>
              <p className="muted">{frozen.state.selection ? t('export.dataSelection', { count: dataProjects.length }) : t('export.dataAll', { count: dataProjects.length })}</p>
              <div className="export-actions">
                <button type="button" className="button-quiet" onClick={() => void downloadData('geojson')} disabled={dataProjects.length === 0} data-testid="data-geojson">
                  GeoJSON
                </button>
                <button type="button" className="button-quiet" onClick={() => void downloadData('csv')} disabled={dataProjects.length === 0} data-testid="data-csv">
                  CSV
                </button>
              </div>
            </fieldset>
          </form>
        </div>
      </div>
    </div>
  );
}
