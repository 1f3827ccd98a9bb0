/**
 * Plan / now, and the timeline: in now mode the map shows each project's present status, or, with
 * a year on the slider, what the sources prove at the end of that year. The plan's target years are
 * marked; Play steps through the years. A native range input, so keys work as they do everywhere.
 */
import { memo, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AtlasMode } from '../domain/url-state.ts';
import type { PlanTimeline } from '../domain/status.ts';

export interface TimelineProps {
  mode: AtlasMode;
  /** 'YYYY' or 'YYYY-MM'; null = the latest known status. */
  date: string | null;
  timeline: PlanTimeline;
  onMode: (mode: AtlasMode) => void;
  onDate: (date: string | null) => void;
}

const STEP_MS = 900;

export const Timeline = memo(function Timeline({ mode, date, timeline, onMode, onDate }: TimelineProps) {
  const { t } = useTranslation();
  const id = useId();
  const [playing, setPlaying] = useState(false);
  const nowYear = timeline.now ? Number(timeline.now.slice(0, 4)) : timeline.end;
  const year = date ? Number(date.slice(0, 4)) : nowYear;

  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(() => {
      if (year >= timeline.end) setPlaying(false);
      else onDate(String(year + 1));
    }, STEP_MS);
    return () => window.clearTimeout(timer);
  }, [playing, year, timeline.end, onDate]);

  const play = () => {
    if (playing) return setPlaying(false);
    if (!date || year >= timeline.end) onDate(String(timeline.start));
    setPlaying(true);
  };

  return (
    <div className={`timeline timeline--${mode}`} role="group" aria-label={t('status.timeline.label')} data-testid="timeline">
      <div className="timeline__modes" role="radiogroup" aria-label={t('status.mode.label')}>
        {(['plan', 'now'] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            className={`timeline__mode${mode === m ? ' is-on' : ''}`}
            title={t(`status.mode.${m}Hint`)}
            onClick={() => {
              setPlaying(false);
              onMode(m);
            }}
            data-testid={`mode-${m}`}
          >
            {t(`status.mode.${m}`)}
          </button>
        ))}
      </div>
      {mode === 'now' && (
        <div className="timeline__track">
          <button type="button" className="timeline__play" onClick={play} aria-pressed={playing} data-testid="timeline-play">
            {playing ? t('status.timeline.pause') : t('status.timeline.play')}
          </button>
          <div className="timeline__slider">
            <input
              id={`${id}-year`}
              type="range"
              min={timeline.start}
              max={timeline.end}
              step={1}
              value={year}
              list={`${id}-targets`}
              aria-label={t('status.timeline.label')}
              aria-valuetext={date ? t('status.timeline.year', { year }) : `${t('status.timeline.year', { year })} (${t('status.timeline.latest')})`}
              onChange={(e) => {
                setPlaying(false);
                onDate(e.currentTarget.value);
              }}
              data-testid="timeline-slider"
            />
            <datalist id={`${id}-targets`}>
              {timeline.targets.map((y) => (
                <option key={y} value={y} label={String(y)} />
              ))}
            </datalist>
            <div className="timeline__ticks" aria-hidden="true">
              {timeline.targets.map((y) => (
                <span key={y} className="timeline__target" style={{ left: `${((y - timeline.start) / (timeline.end - timeline.start)) * 100}%` }} title={t('status.timeline.target')}>
                  {y}
                </span>
              ))}
            </div>
          </div>
          <output htmlFor={`${id}-year`} className="timeline__year" data-testid="timeline-year">
            {date ? t('status.timeline.year', { year: date }) : t('status.timeline.latest')}
          </output>
          {date && (
            <button type="button" className="timeline__latest button-quiet" onClick={() => (setPlaying(false), onDate(null))} data-testid="timeline-latest">
              {t('status.timeline.latest')}
            </button>
          )}
        </div>
      )}
    </div>
  );
});
