/**
 * Test-only page: the plan reader with the real compiled data, outside the app (which wires it in
 * itself). Served by Vite's dev server from the repository root (tests/harness/reader-shot.ts).
 * Query: ?lang=en, ?p=<paragraph id> to focus, ?select=<project id>.
 */
import { regionsOf, withAreaOutlines, type RegionTopology, type StoredProjectCollection } from '../../src/domain/region-topology.ts';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import '../../src/styles/app.css';
import { Catalogue } from '../../src/domain/catalogue.ts';
import type { PlanTextFile } from '../../src/domain/plan-text.ts';
import type { Lang } from '../../src/domain/url-state.ts';
import { i18next, initI18n } from '../../src/i18n/index.ts';
import { loadFontManifest, registerCssFonts } from '../../src/styles/fonts.ts';
import { PlanReader } from '../../src/ui/reader/PlanReader.tsx';
import { readerPlaces, readerProjects } from '../../src/ui/reader/reader-data.ts';

const get = async <T,>(path: string): Promise<T> => (await (await fetch(path)).json()) as T;

async function main() {
  const q = new URLSearchParams(location.search);
  const lang = (q.get('lang') === 'en' ? 'en' : 'zh') as Lang;
  const fonts = await loadFontManifest();
  await initI18n(lang);
  initReactI18next.init(i18next);
  await registerCssFonts(fonts, [400, 600]);
  const [topology, measures, places, stored, touches, keys, text] = await Promise.all([
    get<RegionTopology>('geo/regions.topo.json'),
    get('data/measures.json'),
    get('data/places.geojson'),
    get('data/projects.geojson'),
    get('data/touches.json'),
    get<{ regions: Record<string, { pinyin: string; initials: string }> }>('data/search-keys.json'),
    get<PlanTextFile>('data/plan-text.json'),
  ]);
  const cat = new Catalogue({ regions: regionsOf(topology), measures, places, projects: withAreaOutlines(stored as StoredProjectCollection, topology), touches } as ConstructorParameters<typeof Catalogue>[0]);
  const readerProjectsList = readerProjects(cat);
  const readerPlacesList = readerPlaces(cat, keys.regions);

  function Harness() {
    const [selected, setSelected] = useState<string | null>(q.get('select'));
    const [hover, setHover] = useState<string | null>(null);
    const [focus, setFocus] = useState<string | null>(q.get('p') ?? (selected ? (text.projects[selected]?.paragraph ?? null) : null));
    const name = (id: string | null) => (id ? (cat.project(id)?.properties[lang === 'en' ? 'name_en' : 'name_zh'] ?? id) : '—');
    return (
      <div style={{ display: 'grid', gridTemplateColumns: lang === 'en' ? '1fr' : '620px 1fr', height: '100vh' }}>
        <div style={{ minHeight: 0, borderRight: '1px solid #ccc' }}>
          <PlanReader
            text={text}
            measures={cat.allMeasures()}
            projects={readerProjectsList}
            places={readerPlacesList}
            lang={lang}
            selectedProjectId={selected}
            focusParagraphId={focus}
            onSelectProject={(id) => {
              setSelected(id);
              setFocus(text.projects[id]?.paragraph ?? null);
            }}
            onHoverProject={setHover}
            onSelectParagraph={setFocus}
          />
        </div>
        {lang !== 'en' && (
          <pre data-testid="harness-state" style={{ padding: 12, fontSize: 12, fontFamily: 'var(--font)' }}>
            {`selected: ${name(selected)}\nhover: ${name(hover)}\nparagraph: ${focus ?? '—'}`}
          </pre>
        )}
      </div>
    );
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Harness />
    </StrictMode>,
  );
}

main().catch((e: unknown) => {
  document.body.textContent = `harness failed: ${String(e)}`;
});
