/**
 * The measure tool's panel: distance or area, the running total of the points clicked on the map
 * (the app hands them in), each leg, and undo / clear. The arithmetic is src/domain/measure.ts; what
 * to draw on the map is its measureDrawData.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Position } from 'geojson';
import { measureArea, measurePath, roundKm, roundKm2, type MeasureMode } from '../../domain/measure.ts';
import type { Lang } from '../../domain/url-state.ts';
import './analysis.css';

export interface MeasureToolProps {
  /** The points clicked so far, [longitude, latitude] (WGS84), in order. */
  points: readonly Position[];
  mode: MeasureMode;
  lang: Lang;
  onModeChange: (mode: MeasureMode) => void;
  /** Remove the last point. */
  onUndo: () => void;
  /** Remove all points. */
  onClear: () => void;
  /** Leave the tool (no close button without it). */
  onClose?: () => void;
  /** Finished: the result stays, the map's clicks select again. */
  done?: boolean;
  /** Stop taking points (no finish button without it). */
  onFinish?: () => void;
  /** Take points again after finishing. */
  onResume?: () => void;
}

export function MeasureTool({ points, mode, lang, onModeChange, onUndo, onClear, onClose, done = false, onFinish, onResume }: MeasureToolProps) {
  const { t } = useTranslation();
  const uid = useId();
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const num = (x: number) => x.toLocaleString(locale, { maximumFractionDigits: 2 });
  const km = (x: number) => t('measure.km', { value: num(roundKm(x)) });
  const path = measurePath(points);
  const area = mode === 'area' ? measureArea(points) : null;
  const need = mode === 'area' ? Math.max(0, 3 - points.length) : Math.max(0, 2 - points.length);

  return (
    <section className="analysis measure-tool" aria-labelledby={`${uid}-h`}>
      <div className="analysis__head">
        <h2 id={`${uid}-h`} className="analysis__heading">
          {t('measure.heading')}
        </h2>
        {onClose && (
          <button type="button" className="button-quiet" onClick={onClose} aria-label={t('measure.close')} title={t('measure.close')}>
            ×
          </button>
        )}
      </div>
      <div className="measure-tool__modes" role="group" aria-label={t('measure.mode')}>
        {(['distance', 'area'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={mode === m} className={mode === m ? 'is-on' : ''} onClick={() => onModeChange(m)} data-mode={m}>
            {t(`measure.${m}`)}
          </button>
        ))}
      </div>
      <p className="analysis__note" data-testid="measure-hint">
        {done ? t('measure.finished') : t(mode === 'area' ? 'measure.hintArea' : 'measure.hintDistance')}
        {!done && onFinish && ` ${t('measure.keys')}`}
      </p>

      <div className="measure-tool__result" aria-live="polite" data-testid="measure-result">
        {need > 0 ? (
          <p className="measure-tool__need">
            {t('measure.points', { count: points.length })} · {t('measure.needMore', { count: need })}
          </p>
        ) : mode === 'distance' ? (
          <p className="measure-tool__total">
            <span>{t('measure.total')}</span> <strong data-testid="measure-total">{km(path.totalKm)}</strong>
          </p>
        ) : (
          area && (
            <>
              <p className="measure-tool__total">
                <span>{t('measure.areaValue')}</span> <strong data-testid="measure-total">{t('measure.km2', { value: num(roundKm2(area.km2)) })}</strong>
              </p>
              <p className="measure-tool__sub">
                {t('measure.perimeter')} {km(area.perimeterKm)} · {t('measure.points', { count: points.length })}
              </p>
              {area.selfIntersecting && (
                <p className="analysis__caveat" role="alert">
                  {t('measure.selfIntersecting')}
                </p>
              )}
            </>
          )
        )}
      </div>

      {mode === 'distance' && path.legsKm.length > 1 && (
        <details className="measure-tool__legs">
          <summary>
            {t('measure.legs')} ({path.legsKm.length})
          </summary>
          <ol>
            {path.legsKm.map((k, i) => (
              <li key={i}>
                <span>{t('measure.leg', { n: i + 1 })}</span> <span className="corridor__num">{km(k)}</span>
              </li>
            ))}
          </ol>
        </details>
      )}

      <div className="analysis__actions">
        {onFinish && !done && (
          <button type="button" className="button-quiet" onClick={onFinish} disabled={need > 0} data-testid="measure-finish">
            {t('measure.finish')}
          </button>
        )}
        {onResume && done && (
          <button type="button" className="button-quiet" onClick={onResume} data-testid="measure-resume">
            {t('measure.resume')}
          </button>
        )}
        <button type="button" className="button-quiet" onClick={onUndo} disabled={points.length === 0} data-testid="measure-undo">
          {t('measure.undo')}
        </button>
        <button type="button" className="button-quiet" onClick={onClear} disabled={points.length === 0} data-testid="measure-clear">
          {t('measure.clear')}
        </button>
      </div>
      <p className="analysis__method">{t('measure.method')}</p>
    </section>
  );
}
