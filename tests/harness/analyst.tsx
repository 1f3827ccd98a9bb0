/**
 * Test-only page: the analysts' pieces with the real compiled data, outside the app (which wires
 * them in itself). Served by Vite's dev server from the repository root (tests/harness/analyst-shot.ts).
 * Query: ?view=table | table-big (the catalogue ten times over) | corridor | corridor-region | measure;
 * ?lang=en; ?project=<id>, ?region=<code>, ?km=<n> for the corridor; ?select=<id> for the table.
 *
 * Beside the corridor and the measure tool, a plain SVG sketch (Web Mercator, like the map) draws the
 * regions, the line, the buffer the panel hands up, and the measured path: enough to see that the
 * geometry is right, without the map.
 */
import { regionsOf, withAreaOutlines, type RegionTopology, type StoredProjectCollection } from '../../src/domain/region-topology.ts';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import '../../src/styles/app.css';
import { Catalogue, type CatalogueData } from '../../src/domain/catalogue.ts';
import { lineCorridor, linesNearRegion } from '../../src/domain/corridor.ts';
import { measureDrawData, type MeasureMode } from '../../src/domain/measure.ts';
import type { Lang } from '../../src/domain/url-state.ts';
import { i18next, initI18n } from '../../src/i18n/index.ts';
import { loadFontManifest, registerCssFonts } from '../../src/styles/fonts.ts';
import { CorridorPanel, type CorridorTarget } from '../../src/ui/analysis/CorridorPanel.tsx';
import { MeasureTool } from '../../src/ui/analysis/MeasureTool.tsx';
import { ProjectTable } from '../../src/ui/table/ProjectTable.tsx';
import { enlargedCatalogue } from '../unit/support/big-catalogue.ts';

const get = async <T,>(path: string): Promise<T> => (await (await fetch(path)).json()) as T;

type BBox = [number, number, number, number];
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;

/** A Web Mercator sketch of a box into a w × h SVG. */
function projector(box: BBox, w: number, h: number) {
  const rad = Math.PI / 180;
  const [x0, y0, x1, y1] = [box[0] * rad, mercY(box[1]), box[2] * rad, mercY(box[3])];
  const s = Math.min(w / (x1 - x0), h / (y1 - y0));
  return {
    xy: (p: Position): [number, number] => [(p[0]! * rad - x0) * s, (y1 - mercY(p[1]!)) * s],
    lonLat: (x: number, y: number): Position => [(x / s + x0) / rad, latOf(y1 - y / s)],
  };
}

function ringsPath(geom: Polygon | MultiPolygon, xy: (p: Position) => [number, number]): string {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  return polys.flatMap((poly) => poly.map((ring) => `M${ring.map((p) => xy(p).map((v) => v.toFixed(1)).join(',')).join('L')}Z`)).join('');
}

async function main() {
  const q = new URLSearchParams(location.search);
  const lang = (q.get('lang') === 'en' ? 'en' : 'zh') as Lang;
  const view = q.get('view') ?? 'table';
  const fonts = await loadFontManifest();
  await initI18n(lang);
  initReactI18next.init(i18next);
  await registerCssFonts(fonts, [400, 600]);
  const [topology, measures, places, stored, touches] = await Promise.all([
    get<RegionTopology>('geo/regions.topo.json'),
    get('data/measures.json'),
    get('data/places.geojson'),
    get('data/projects.geojson'),
    get('data/touches.json'),
  ]);
  const base = new Catalogue({ regions: regionsOf(topology), measures, places, projects: withAreaOutlines(stored as StoredProjectCollection, topology), touches } as CatalogueData);
  const cat = view === 'table-big' ? enlargedCatalogue(base, 10) : base;

  function TableHarness() {
    const [selected, setSelected] = useState<string | null>(q.get('select'));
    const name = selected ? (cat.project(selected)?.properties.name_zh ?? selected) : '—';
    const all = useMemo(() => cat.allProjects(), []);
    return (
      <div style={{ display: 'grid', gridTemplateRows: 'auto 1fr', height: '100vh' }}>
        <div data-testid="harness-state" style={{ padding: '6px 12px', fontSize: 12, borderBottom: '1px solid #ccc', display: 'flex', gap: 12 }}>
          <span>selected: {name}</span>
          <button type="button" data-testid="harness-select-far" onClick={() => setSelected(all[all.length - 3]!.properties.id)}>
            select from outside: {all[all.length - 3]!.properties.name_zh}
          </button>
        </div>
        <div style={{ minHeight: 0 }}>
          <ProjectTable catalogue={cat} projects={all} lang={lang} selectedId={selected} onSelectProject={setSelected} />
        </div>
      </div>
    );
  }

  function Sketch({ box, buffer, line, highlight, measured }: { box: BBox; buffer: Feature<Polygon | MultiPolygon> | null; line?: Position[][]; highlight: Set<string>; measured?: { points: Position[]; mode: MeasureMode; onClick: (p: Position) => void } }) {
    const W = 760;
    const H = 760;
    const { xy, lonLat } = projector(box, W, H);
    // Leagues and cities (and provinces without them) first, banners and counties over them, filled only when listed.
    const rank = { province: 0, prefecture: 1, county: 2 } as const;
    const shown = cat.regions
      .all()
      .filter((f) => f.properties.level !== 'province' || cat.regions.children(f.properties.code).length === 0)
      .sort((a, b) => rank[a.properties.level] - rank[b.properties.level]);
    const draw = measured ? measureDrawData(measured.points, measured.mode) : null;
    return (
      <svg
        width={W}
        height={H}
        style={{ background: '#eef3f6', border: '1px solid #ccc' }}
        data-testid="sketch"
        onClick={(e) => {
          if (!measured) return;
          const r = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
          measured.onClick(lonLat(e.clientX - r.left, e.clientY - r.top));
        }}
      >
        {shown.map((f) => (
          <path
            key={f.properties.code}
            d={ringsPath(f.geometry, xy)}
            fill={highlight.has(f.properties.code) ? (f.properties.level === 'county' ? '#eeb98c' : '#f8e4d0') : f.properties.level === 'county' ? 'none' : '#fbf9f4'}
            stroke={f.properties.level === 'county' ? '#c9bfae' : '#8a8273'}
            strokeWidth={f.properties.level === 'county' ? 0.5 : 1}
          />
        ))}
        {buffer && <path d={ringsPath(buffer.geometry, xy)} fill="rgba(31,111,178,0.12)" stroke="#1f6fb2" strokeWidth={1.5} strokeDasharray="5 3" />}
        {line?.map((part, i) => <polyline key={i} points={part.map((p) => xy(p).join(',')).join(' ')} fill="none" stroke="#a3361a" strokeWidth={3} />)}
        {draw?.features.map((f, i) =>
          f.geometry.type === 'Point' ? (
            <circle key={i} cx={xy(f.geometry.coordinates)[0]} cy={xy(f.geometry.coordinates)[1]} r={4} fill="#fff" stroke="#2f2a21" strokeWidth={2} />
          ) : f.geometry.type === 'LineString' ? (
            <polyline key={i} points={f.geometry.coordinates.map((p) => xy(p).join(',')).join(' ')} fill="none" stroke="#2f2a21" strokeWidth={2} strokeDasharray="6 3" />
          ) : (
            <path key={i} d={ringsPath(f.geometry as Polygon, xy)} fill="rgba(47,42,33,0.15)" stroke="#2f2a21" strokeWidth={2} />
          ),
        )}
      </svg>
    );
  }

  function CorridorHarness() {
    const target: CorridorTarget = view === 'corridor-region' ? { kind: 'region', code: q.get('region') ?? '152502' } : { kind: 'project', id: q.get('project') ?? 'power-xilinguole-shandong-uhv' };
    const [buffer, setBuffer] = useState<Feature<Polygon | MultiPolygon> | null>(null);
    const [picked, setPicked] = useState<string>('—');
    const project = target.kind === 'project' ? cat.project(target.id) : undefined;
    const line = project?.geometry.type === 'LineString' ? [project.geometry.coordinates] : undefined;
    // For a region, the lines the panel lists, drawn in the sketch.
    const near = useMemo(() => {
      if (target.kind !== 'region') return undefined;
      const lines = cat.allProjects().flatMap((p) => (p.geometry.type === 'LineString' ? [{ id: p.properties.id, geometry: p.geometry }] : []));
      const ids = new Set(linesNearRegion(cat.regions.get(target.code)!, lines, cat.regions, Number(q.get('km') ?? 50)).map((n) => n.id));
      return lines.filter((l) => ids.has(l.id)).map((l) => l.geometry.coordinates);
    }, []);
    const box: BBox = target.kind === 'region' ? [108, 39, 124, 48] : [112.5, 35.8, 121, 45];
    // What the panel lists, tinted in the sketch (leagues light, counties darker), to check by eye against the buffer.
    const [km, setKm] = useState(Number(q.get('km') ?? 50));
    const highlight = useMemo(() => {
      const out = new Set<string>();
      if (target.kind === 'region') out.add(target.code);
      else if (project && line) for (const l of lineCorridor(project.geometry as LineString, cat.regions, km).leagues) [l, ...l.counties].forEach((r) => out.add(r.code));
      return out;
    }, [km]);
    return (
      <div style={{ display: 'grid', gridTemplateColumns: '400px 1fr', gap: 12, padding: 12, alignItems: 'start' }}>
        <div style={{ border: '1px solid #ccc', background: 'var(--paper)', maxHeight: 'calc(100vh - 24px)', overflow: 'auto' }}>
          <CorridorPanel
            catalogue={cat}
            lang={lang}
            target={target}
            initialKm={Number(q.get('km') ?? 50)}
            onKmChange={setKm}
            onBuffer={setBuffer}
            onSelectRegion={(c) => setPicked(`region ${c}`)}
            onSelectProject={(id) => setPicked(`project ${id}`)}
          />
        </div>
        <div>
          <div data-testid="harness-state" style={{ fontSize: 12, marginBottom: 4 }}>
            picked: {picked} · buffer: {buffer ? `${buffer.geometry.type} ${buffer.properties?.km} km` : 'none'}
          </div>
          <Sketch box={box} buffer={buffer} line={line ?? near} highlight={highlight} />
        </div>
      </div>
    );
  }

  function MeasureHarness() {
    const [mode, setMode] = useState<MeasureMode>((q.get('mode') as MeasureMode) ?? 'distance');
    const [points, setPoints] = useState<Position[]>([]);
    return (
      <div style={{ display: 'grid', gridTemplateColumns: '320px 1fr', gap: 12, padding: 12, alignItems: 'start' }}>
        <div style={{ border: '1px solid #ccc', background: 'var(--paper)' }}>
          <MeasureTool points={points} mode={mode} lang={lang} onModeChange={setMode} onUndo={() => setPoints((p) => p.slice(0, -1))} onClear={() => setPoints([])} onClose={() => setPoints([])} />
        </div>
        <Sketch box={[105, 37, 117, 44]} buffer={null} highlight={new Set()} measured={{ points, mode, onClick: (p) => setPoints((ps) => [...ps, p]) }} />
      </div>
    );
  }

  const App = view.startsWith('table') ? TableHarness : view === 'measure' ? MeasureHarness : CorridorHarness;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

main().catch((e: unknown) => {
  document.body.textContent = `harness failed: ${String(e)}`;
});
