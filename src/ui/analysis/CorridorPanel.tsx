/**
 * Corridor analysis for a selected line project (the leagues, cities and counties within a distance
 * the user sets, grouped by league) or a selected region (the line projects within that distance),
 * with the buffer handed up for the map to draw and the result as CSV or XLSX.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Catalogue } from '../../domain/catalogue.ts';
import { CORRIDOR_KM, lineCorridor, linesNearRegion, parseCorridorKm, type CorridorLine, type CorridorRegion, type LineCorridor, type NearbyLine } from '../../domain/corridor.ts';
import type { RegionProps } from '../../domain/types.ts';
import type { Lang } from '../../domain/url-state.ts';
import { loadCorridorBuffer } from '../../domain/atlas-view.ts';
import { download } from '../../export/download.ts';
import { CSV_MIME, lineCorridorSheet, nearbyLinesSheet, sheetCsv, sheetXlsx, tableFileName, type Sheet } from '../../export/table.ts';
import { themeOf } from '../../map/themes/index.ts';
import './analysis.css';

export type CorridorTarget = { kind: 'project'; id: string } | { kind: 'region'; code: string };

export interface CorridorPanelProps {
  catalogue: Catalogue;
  lang: Lang;
  /** A line project (regions near it) or a region (line projects near it). */
  target: CorridorTarget;
  /** The distance to start with, km (default 50). */
  initialKm?: number;
  /** Called with each valid distance the user sets. */
  onKmChange?: (km: number) => void;
  /** The area within the distance, for a caller that draws it itself; null when there is none (and on unmount). The app draws it from its view instead. */
  onBuffer?: (polygon: Feature<Polygon | MultiPolygon> | null) => void;
  onSelectRegion?: (code: string) => void;
  onSelectProject?: (id: string) => void;
}

/** Wait this long after the last keystroke before recomputing the buffer (turf's buffer takes ~0.1 s). */
const BUFFER_DELAY_MS = 250;

const isLine = (g: { type: string }): g is CorridorLine => g.type === 'LineString' || g.type === 'MultiLineString';

function fmt(km: number, lang: Lang): string {
  return km.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 });
}

export function CorridorPanel({ catalogue, lang, target, initialKm, onKmChange, onBuffer, onSelectRegion, onSelectProject }: CorridorPanelProps) {
  const { t } = useTranslation();
  const uid = useId();
  const start = parseCorridorKm(initialKm ?? CORRIDOR_KM.default) ?? CORRIDOR_KM.default;
  const [text, setText] = useState(String(start));
  const [km, setKm] = useState(start);
  const [note, setNote] = useState('');
  const typed = parseCorridorKm(text);
  const invalid = typed == null;

  const onBufferRef = useRef(onBuffer);
  onBufferRef.current = onBuffer;

  const project = target.kind === 'project' ? catalogue.project(target.id) : undefined;
  const region = target.kind === 'region' ? catalogue.regions.get(target.code) : undefined;
  const line = project && isLine(project.geometry) ? project.geometry : undefined;

  const regionName = (code: string, l: Lang = lang) => {
    const r = catalogue.region(code);
    return r ? (l === 'zh' ? r.name_zh : r.name_en) : code;
  };
  const projectName = (id: string) => {
    const p = catalogue.project(id)?.properties;
    return p ? (lang === 'zh' ? p.name_zh : p.name_en) : id;
  };

  const result = useMemo((): { kind: 'line'; corridor: LineCorridor } | { kind: 'region'; lines: NearbyLine[] } | null => {
    if (project && line) {
      // The catalogue's km inside each region, measured when it was compiled: the same figures the panels show.
      const known = new Map(catalogue.regionsTouchedBy(project.properties.id).flatMap((r) => (r.touch.km != null ? [[r.region.code, r.touch.km] as const] : [])));
      return { kind: 'line', corridor: lineCorridor(line, catalogue.regions, km, known) };
    }
    if (region) {
      const lines = catalogue.allProjects().flatMap((p) => (isLine(p.geometry) ? [{ id: p.properties.id, geometry: p.geometry }] : []));
      const known = new Map(catalogue.projectsTouching(region.properties.code).map((pt) => [pt.project.properties.id, pt.touch.km]));
      return { kind: 'region', lines: linesNearRegion(region, lines, catalogue.regions, km, (id) => known.get(id)) };
    }
    return null;
  }, [catalogue, project, line, region, km]);

  // The buffer, after the typing settles; cleared when the panel goes.
  const shape = line ?? region?.geometry;
  const wantsBuffer = onBuffer != null;
  useEffect(() => {
    if (!wantsBuffer) return;
    if (!shape) {
      onBufferRef.current?.(null);
      return;
    }
    let live = true;
    // A chunk that fails to load is reported by App, which loads the same module for the state's corridor.
    const timer = setTimeout(() => void loadCorridorBuffer().then((bufferOf) => live && onBufferRef.current?.(bufferOf(shape, km)), () => live && onBufferRef.current?.(null)), BUFFER_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [shape, km, wantsBuffer]);
  useEffect(() => () => onBufferRef.current?.(null), []);

  const onInput = (value: string) => {
    setText(value);
    const v = parseCorridorKm(value);
    if (v != null && v !== km) {
      setKm(v);
      onKmChange?.(v);
    }
  };

  const sheet = (): Sheet | null => {
    if (!result) return null;
    const h = (k: string) => t(`corridor.columns.${k}`);
    if (result.kind === 'line')
      return lineCorridorSheet(result.corridor, {
        name: t('corridor.sheetName'),
        regionName: (c) => regionName(c),
        levelName: (l) => t(`corridor.levels.${l}`),
        header: { league: h('league'), county: h('county'), level: h('level'), distance: h('distance'), inside: h('inside') },
      });
    return nearbyLinesSheet(
      t('corridor.sheetName'),
      result.lines,
      (id) => {
        const p = catalogue.project(id)!;
        return { name: projectName(id), layer: themeOf(p, catalogue)?.label[lang] ?? '' };
      },
      { projectId: h('projectId'), project: h('project'), layer: h('layer'), distance: h('distance'), inside: h('inside') },
    );
  };

  const runExport = async (format: 'csv' | 'xlsx') => {
    const s = sheet();
    if (!s) return;
    const name = project ? projectName(project.properties.id) : region ? regionName(region.properties.code) : '';
    const file = tableFileName(t('corridor.fileTitle', { name, km }), new Date(), format);
    try {
      download(format === 'csv' ? new Blob([sheetCsv(s)], { type: CSV_MIME }) : await sheetXlsx(s), file);
      setNote(t('table.exported', { file }));
    } catch (err) {
      setNote(t('table.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  const regionCell = (r: CorridorRegion, league: boolean, props?: RegionProps) => {
    const name = regionName(r.code);
    const province = league && props?.parent && props.level === 'prefecture' && props.parent !== '150000' ? regionName(props.parent) : null;
    return (
      <th scope={league ? 'rowgroup' : 'row'} className="corridor__name">
        {province && <span className="corridor__province">{province} </span>}
        {onSelectRegion ? (
          <button type="button" className="link-button" onClick={() => onSelectRegion(r.code)} title={t('corridor.selectRegion', { name })} data-region={r.code}>
            {name}
          </button>
        ) : (
          <span data-region={r.code}>{name}</span>
        )}
      </th>
    );
  };

  const numbers = (r: { distanceKm: number; kmInside: number }) => (
    <>
      <td className="corridor__num">{fmt(r.distanceKm, lang)}</td>
      <td className="corridor__num">{r.kmInside > 0 ? fmt(r.kmInside, lang) : '—'}</td>
    </>
  );

  const name = project ? projectName(project.properties.id) : region ? regionName(region.properties.code) : '';

  return (
    <section className="analysis corridor" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} className="analysis__heading">
        {t('corridor.heading')}
      </h2>
      <div className="corridor__input">
        <label htmlFor={`${uid}-km`}>{t('corridor.distance')}</label>
        <input
          id={`${uid}-km`}
          type="number"
          inputMode="decimal"
          min={CORRIDOR_KM.min}
          max={CORRIDOR_KM.max}
          step={1}
          value={text}
          aria-invalid={invalid}
          aria-describedby={`${uid}-hint`}
          onChange={(e) => onInput(e.target.value)}
          data-testid="corridor-km"
        />
        <span id={`${uid}-hint`} className={invalid ? 'corridor__error' : 'corridor__hint'} role={invalid ? 'alert' : undefined}>
          {invalid ? t('corridor.invalid') : t('corridor.distanceHint')}
        </span>
      </div>

      {!project && !region && <p className="analysis__note">{t('corridor.unknownTarget')}</p>}
      {project && !line && <p className="analysis__note">{t('corridor.notLine')}</p>}

      {result?.kind === 'line' && (
        <>
          <p className="corridor__title">{t('corridor.forLine', { name, km: fmt(km, lang) })}</p>
          <p className="corridor__summary" aria-live="polite" data-testid="corridor-summary">
            {t('corridor.summaryLine', {
              leagues: result.corridor.leagues.length,
              counties: result.corridor.leagues.reduce((s, l) => s + l.counties.length, 0),
              km: fmt(Math.round(result.corridor.lineKm), lang),
            })}
          </p>
          {project!.properties.precision === 'schematic' && <p className="analysis__caveat">{t('corridor.schematic')}</p>}
          {result.corridor.leagues.length === 0 ? (
            <p className="analysis__note">{t('corridor.none')}</p>
          ) : (
            <table className="corridor__table">
              <thead>
                <tr>
                  <th scope="col">{t('corridor.columns.region')}</th>
                  <th scope="col">{t('corridor.columns.distance')}</th>
                  <th scope="col">{t('corridor.columns.inside')}</th>
                </tr>
              </thead>
              {result.corridor.leagues.map((l) => (
                <tbody key={l.code} className="corridor__group" data-league={l.code}>
                  <tr className="corridor__league">
                    {regionCell(l, true, catalogue.region(l.code))}
                    {numbers(l)}
                  </tr>
                  {l.counties.map((c) => (
                    <tr key={c.code} className="corridor__county">
                      {regionCell(c, false)}
                      {numbers(c)}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          )}
        </>
      )}

      {result?.kind === 'region' && (
        <>
          <p className="corridor__title">{t('corridor.forRegion', { name, km: fmt(km, lang) })}</p>
          <p className="corridor__summary" aria-live="polite" data-testid="corridor-summary">
            {t('corridor.summaryRegion', { count: result.lines.length })}
          </p>
          {result.lines.length === 0 ? (
            <p className="analysis__note">{t('corridor.noneLines')}</p>
          ) : (
            <table className="corridor__table">
              <thead>
                <tr>
                  <th scope="col">{t('corridor.columns.project')}</th>
                  <th scope="col">{t('corridor.columns.distance')}</th>
                  <th scope="col">{t('corridor.columns.inside')}</th>
                </tr>
              </thead>
              <tbody>
                {result.lines.map((l) => {
                  const p = catalogue.project(l.id)!.properties;
                  const pname = projectName(l.id);
                  return (
                    <tr key={l.id} data-project={l.id}>
                      <th scope="row" className="corridor__name">
                        {onSelectProject ? (
                          <button type="button" className="link-button" onClick={() => onSelectProject(l.id)} title={t('corridor.selectProject', { name: pname })}>
                            {pname}
                          </button>
                        ) : (
                          pname
                        )}
                        {p.precision === 'schematic' && <span className="analysis__tag">{t('precision.schematic')}</span>}
                      </th>
                      {numbers(l)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}

      {result && (
        <>
          <p className="analysis__method">
            {t('corridor.method')}
            {result.kind === 'line' && ` ${t('corridor.leagueNote')}`}
          </p>
          <div className="analysis__actions">
            <button type="button" className="button-quiet" onClick={() => void runExport('csv')} data-testid="corridor-csv">
              {t('corridor.exportCsv')}
            </button>
            <button type="button" className="button-quiet" onClick={() => void runExport('xlsx')} data-testid="corridor-xlsx">
              {t('corridor.exportXlsx')}
            </button>
            <span role="status" className="analysis__status">
              {note}
            </span>
          </div>
        </>
      )}
    </section>
  );
}
