/**
 * The map's legend, floating over the map: exactly what is drawn — the visible layers that have
 * features after the filters, each with only the rows it draws — then the choropleth's classes.
 * Built from legendOf(view), the same function the export uses.
 *
 * Compact by default (one row per theme with its symbols side by side, and a key of the symbol
 * variants said once), so it leaves the map visible at laptop sizes; "details" lists every row.
 */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../domain/catalogue.ts';
import type { AtlasView } from '../domain/atlas-view.ts';
import type { Choropleth } from '../domain/choropleth.ts';
import type { Lang } from '../domain/url-state.ts';
import { choroplethColour } from '../map/choropleth-style.ts';
import { CORRIDOR_SYMBOL } from '../map/themes/index.ts';
import { legendOf, THEME_BY_ID } from '../map/themes/index.ts';
import { legendKey } from '../map/themes/legend-key.ts';
import { SymbolIcon } from './SymbolIcon.tsx';
import { UserLayersLegend, useHasVisibleUserLayers } from './import/UserLayersLegend.tsx';

export interface MapLegendProps {
  catalogue: Catalogue;
  lang: Lang;
  /** What the state draws (src/domain/atlas-view.ts). */
  view: AtlasView;
}

export const MapLegend = memo(function MapLegend({ catalogue, lang, view }: MapLegendProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => !window.matchMedia('(max-width: 720px)').matches);
  const [detailed, setDetailed] = useState(false);
  const legends = useMemo(() => legendOf(view, catalogue), [view, catalogue]);
  const choropleth = view.choropleth;
  const choroTitle = choropleth ? (choropleth.of === 'all' ? t('choropleth.all') : (THEME_BY_ID.get(choropleth.of)?.label[lang] ?? choropleth.of)) : '';
  const hasUserLayers = useHasVisibleUserLayers();
  const empty = legends.length === 0 && !choropleth && !hasUserLayers;
  const key = useMemo(
    () => legendKey(legends.map((l) => ({ rows: l.entries.map((e) => ({ label: e.label[lang], symbol: e.symbol })) }))),
    [legends, lang],
  );
  return (
    <section className={`map-legend${open ? '' : ' map-legend--closed'}`} aria-labelledby="map-legend-heading" data-testid="map-legend">
      <button type="button" className="map-legend__toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span id="map-legend-heading">{t('legend.heading')}</span>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <div className="map-legend__body">
          {empty && <p className="muted">{t('legend.nothing')}</p>}
          {detailed
            ? legends.map((l) => (
                <div key={l.id} className="map-legend__layer" data-layer={l.id} data-testid={`legend-${l.id}`}>
                  <h4>{l.label[lang]}</h4>
                  <ul>
                    {l.entries.map((e, i) => (
                      <li key={i}>
                        <SymbolIcon symbol={e.symbol} />
                        <span>{e.label[lang]}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))
            : legends.length > 0 && (
                <>
                  <ul className="map-legend__compact">
                    {legends.map((l) => (
                      <li key={l.id} data-layer={l.id} data-testid={`legend-${l.id}`}>
                        <span className="map-legend__symbols">
                          {l.entries.map((e, i) => (
                            <SymbolIcon key={i} symbol={e.symbol} width={20} height={14} />
                          ))}
                        </span>
                        <span className="map-legend__name">{l.label[lang]}</span>
                      </li>
                    ))}
                  </ul>
                  {key.length > 0 && (
                    <div className="map-legend__layer" data-testid="legend-key">
                      <h4 className="muted">{t('export.legendKey')}</h4>
                      <ul>
                        {key.map((r) => (
                          <li key={r.label}>
                            <SymbolIcon symbol={r.symbol} width={24} height={14} />
                            <span>{r.label}</span>
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                </>
              )}
          <UserLayersLegend lang={lang} />
          {view.corridor && (
            <div className="map-legend__layer" data-testid="legend-corridor">
              <h4>{t('corridor.heading')}</h4>
              <ul>
                <li>
                  <SymbolIcon symbol={CORRIDOR_SYMBOL} />
                  <span>{t('corridor.legend', { km: view.corridor.km.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') })}</span>
                </li>
              </ul>
            </div>
          )}
          {choropleth && (
            <div className="map-legend__layer" data-testid="legend-choropleth">
              <h4>{t('choropleth.legendTitle', { what: choroTitle })}</h4>
              {[
                ['leagues', choropleth.leagues],
                ['counties', choropleth.counties],
              ].map(([key, c]) =>
                (c as Choropleth).classes.length ? (
                  <div key={key as string} className="choropleth-scale">
                    <span className="choropleth-scale__label">{t(`choropleth.${key as string}`)}</span>
                    <ul>
                      {(c as Choropleth).classes.map((k, i, all) => (
                        <li key={i}>
                          <span className="swatch" style={{ background: choroplethColour(i, all.length) }} aria-hidden="true" />
                          {k.min === k.max ? `${k.min}` : `${k.min}–${k.max}`}
                        </li>
                      ))}
                      <li>
                        <span className="swatch swatch--none" aria-hidden="true" />0
                      </li>
                    </ul>
                  </div>
                ) : null,
              )}
            </div>
          )}
          {legends.length > 0 && (
            <button type="button" className="link-button map-legend__detail" aria-pressed={detailed} data-testid="legend-detail" onClick={() => setDetailed((d) => !d)}>
              {detailed ? t('legend.compact') : t('legend.detailed')}
            </button>
          )}
          {/* The compact key already says what the line styles mean; the detailed legend spells it out. */}
          {(detailed || legends.length === 0) && <p className="map-legend__note muted">{t('legend.stageNote')}</p>}
        </div>
      )}
    </section>
  );
});
