/**
 * The slot for the plan's projects that touch a region. It reads public/data/touches.json (and
 * projects.geojson for names) written by the catalogue compiler; until the catalogue exists it says
 * so — it never shows placeholder data. The next issue (thematic layers, project panel) grows this.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectCollection, Touch, TouchesFile } from '../domain/types.ts';
import type { Lang } from '../domain/url-state.ts';
import { assetUrl } from '../map/geodata.ts';

interface Catalogue {
  touches: TouchesFile;
  names: Map<string, { zh: string; en: string }>;
}

/** Whether the build saw a compiled catalogue (checked at build time: no 404 probing at run time). */
export const HAS_CATALOGUE = typeof __ATLAS_DATA_FILES__ !== 'undefined' && __ATLAS_DATA_FILES__.includes('touches.json');

let cataloguePromise: Promise<Catalogue> | null = null;
function loadCatalogue(): Promise<Catalogue> {
  cataloguePromise ??= (async () => {
    const touches = (await (await fetch(assetUrl('data/touches.json'))).json()) as TouchesFile;
    const names = new Map<string, { zh: string; en: string }>();
    if (__ATLAS_DATA_FILES__.includes('projects.geojson')) {
      const projects = (await (await fetch(assetUrl('data/projects.geojson'))).json()) as ProjectCollection;
      for (const f of projects.features) names.set(f.properties.id, { zh: f.properties.name_zh, en: f.properties.name_en });
    }
    return { touches, names };
  })();
  return cataloguePromise;
}

export function RegionProjects({ code, lang }: { code: string; lang: Lang }) {
  const { t } = useTranslation();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!HAS_CATALOGUE) return;
    let live = true;
    loadCatalogue().then(
      (c) => live && setCatalogue(c),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  let body;
  if (!HAS_CATALOGUE || failed) {
    body = <p className="muted" data-testid="no-catalogue">{t('projects.noCatalogue')}</p>;
  } else if (!catalogue) {
    body = <p className="muted">{t('projects.loading')}</p>;
  } else {
    const touches: Touch[] = catalogue.touches.byRegion[code] ?? [];
    body =
      touches.length === 0 ? (
        <p className="muted">{t('projects.none')}</p>
      ) : (
        <>
          <p>{t('projects.count', { count: touches.length })}</p>
          <ul className="project-list">
            {touches.map((touch) => {
              const name = catalogue.names.get(touch.project);
              return (
                <li key={touch.project}>
                  <span>{name ? name[lang] : touch.project}</span>
                  <span className="tags">
                    {touch.named && <span className="tag">{t('projects.named')}</span>}
                    {touch.spatial && <span className="tag tag--muted">{t('projects.spatial')}</span>}
                    {touch.km !== undefined && <span className="tag tag--muted">{Math.round(touch.km)} km</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      );
  }

  return (
    <section className="panel-section" aria-labelledby="projects-heading" data-testid="region-projects">
      <h3 id="projects-heading">{t('projects.heading')}</h3>
      {body}
    </section>
  );
}
