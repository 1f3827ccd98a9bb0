/**
 * Plan Atlas: a full-window map with a side panel. State worth sharing lives in the URL: the view in
 * MapLibre's hash (`#map=zoom/lat/lng`), the selection and the language in the query
 * (`?region=150200&lang=en`); see src/domain/url-state.ts.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeSearch, unknownRegionProblem, type Decoded, type Lang, type UrlProblem } from './domain/url-state.ts';
import { applyDocumentLang, DEFAULT_LANG } from './i18n/index.ts';
import { AtlasMap } from './map/AtlasMap.tsx';
import type { GeoData, RegionInfo } from './map/geodata.ts';
import { hasWebGL2 } from './map/webgl.ts';
import type { FontManifest } from './styles/font-manifest.ts';
import { SidePanel } from './ui/SidePanel.tsx';

export interface AppProps {
  initial: Decoded;
  fonts: FontManifest;
  /** The geography, already on its way (started before the fonts; see main.tsx). */
  geoData: Promise<GeoData>;
}

/** Width the floating panel takes from the map (kept in step with app.css). */
function panelInset(): { right: number; bottom: number } {
  const narrow = window.matchMedia('(max-width: 720px)').matches;
  return narrow ? { right: 0, bottom: Math.round(window.innerHeight * 0.45) } : { right: 380, bottom: 0 };
}

export function App({ initial, fonts, geoData }: AppProps) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<Lang>(initial.state.lang ?? DEFAULT_LANG);
  const [selected, setSelected] = useState<string | null>(initial.state.region);
  const [focusRequest, setFocusRequest] = useState<{ code: string; seq: number } | null>(null);
  const [hovered, setHovered] = useState<RegionInfo | null>(null);
  const [problems, setProblems] = useState<UrlProblem[]>(initial.problems);
  const [geo, setGeo] = useState<GeoData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const webgl = useMemo(hasWebGL2, []);

  useEffect(() => {
    let live = true;
    geoData.then(
      (g) => {
        if (!live) return;
        setGeo(g);
        const region = initial.state.region;
        if (region && !g.byCode.has(region)) {
          setSelected(null);
          setProblems((p) => [...p, unknownRegionProblem(region)]);
        } else if (region && !initial.state.view) {
          // A link with a selection but no view: bring the region into view.
          setFocusRequest({ code: region, seq: 1 });
        }
      },
      (e: unknown) => live && setError(t('map.loadError', { message: e instanceof Error ? e.message : String(e) })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Language: i18next, <html lang>, title.
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
    applyDocumentLang(lang);
  }, [lang, i18n]);

  // Selection and language → query string (the hash belongs to MapLibre).
  useEffect(() => {
    if (!geo && selected) return; // keep the link as given until we know whether the region exists
    const search = encodeSearch({ region: selected, lang: lang === DEFAULT_LANG ? null : lang }, window.location.search);
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
    }
  }, [selected, lang, geo]);

  const select = useCallback((code: string | null) => setSelected(code), []);
  const selectFromPanel = useCallback((code: string) => {
    setSelected(code);
    setFocusRequest((r) => ({ code, seq: (r?.seq ?? 0) + 1 }));
  }, []);
  const clear = useCallback(() => setSelected(null), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setSelected(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const info = selected && geo ? (geo.byCode.get(selected) ?? null) : null;
  const parent = info?.parent && geo ? (geo.byCode.get(info.parent) ?? null) : null;

  let mapArea;
  if (!webgl) {
    mapArea = (
      <div className="map-message" role="alert" data-testid="no-webgl">
        <h2>{t('map.noWebgl')}</h2>
        <p>{t('map.noWebglDetail')}</p>
      </div>
    );
  } else if (error) {
    mapArea = (
      <div className="map-message" role="alert" data-testid="map-error">
        <p>{error}</p>
      </div>
    );
  } else if (!geo) {
    mapArea = (
      <div className="map-message map-message--loading" role="status">
        <p>{t('map.loading')}</p>
      </div>
    );
  } else {
    mapArea = (
      <AtlasMap
        geo={geo}
        fonts={fonts}
        lang={lang}
        selected={info ? selected : null}
        focusRequest={focusRequest}
        initialView={initial.state.view}
        panelInset={panelInset()}
        onSelect={select}
        onHover={setHovered}
        onError={(message) => setError(message)}
      />
    );
  }

  return (
    <div className="app" data-lang={lang}>
      <a className="skip-link" href="#panel">
        {t('app.skipToPanel')}
      </a>
      <main className="map-area">{mapArea}</main>
      <SidePanel
        lang={lang}
        onLang={setLang}
        problems={problems}
        onDismissProblems={() => setProblems([])}
        selected={info}
        parent={parent}
        hovered={hovered}
        onSelect={selectFromPanel}
        onClear={clear}
      />
    </div>
  );
}
