/**
 * The side panel's "Plan text" tab: loads the plan's text (public/data/plan-text.json) when first
 * opened and shows it in the reader, linked to the map both ways. A request to show a project's or a
 * measure's words is resolved here to its paragraph, which then goes into the link.
 */
import { pointOnFeature } from '@turf/turf';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '../../domain/catalogue.ts';
import type { NamedPlace, PlanTextFile } from '../../domain/plan-text.ts';
import type { Lang } from '../../domain/url-state.ts';
import { useMapController } from '../../map/controller-context.ts';
import { showTextPlaces, type TextPlacePoint } from '../../map/text-places.ts';
import { PlanReader, type SearchPlace } from './PlanReader.tsx';
import { loadReaderText, readerPlaces, readerProjects, type ReaderText } from './reader-data.ts';

/** What the reader is asked to show: a paragraph, or the words of a project or a measure. */
export type TextFocus = { kind: 'paragraph'; id: string } | { kind: 'project'; id: string } | { kind: 'measure'; id: string };

export interface PlanTextTabProps {
  catalogue: Catalogue;
  lang: Lang;
  selectedProjectId: string | null;
  focus: TextFocus | null;
  onSelectProject: (id: string) => void;
  onSelectParagraph: (id: string) => void;
  onSelectRegion: (code: string) => void;
}

/** The paragraph a focus stands for, once the text is known. */
export function focusParagraph(text: PlanTextFile, focus: TextFocus | null): string | null {
  if (!focus) return null;
  if (focus.kind === 'paragraph') return text.paragraphs.some((p) => p.id === focus.id) ? focus.id : null;
  if (focus.kind === 'project') return text.projects[focus.id]?.paragraph ?? null;
  return text.paragraphs.find((p) => p.measure === focus.id || p.id.startsWith(`${focus.id}.`))?.id ?? null;
}

export default function PlanTextTab({ catalogue, lang, selectedProjectId, focus, onSelectProject, onSelectParagraph, onSelectRegion }: PlanTextTabProps) {
  const { t } = useTranslation();
  const [data, setData] = useState<ReaderText | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadReaderText().then(
      (d) => live && setData(d),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  const projects = useMemo(() => readerProjects(catalogue), [catalogue]);
  const places = useMemo(() => (data ? readerPlaces(catalogue, data.keys) : []), [catalogue, data]);
  const paragraph = data ? focusParagraph(data.text, focus) : null;
  // A project's or a measure's words become a paragraph of the link.
  useEffect(() => {
    if (paragraph && focus && focus.kind !== 'paragraph') onSelectParagraph(paragraph);
  }, [paragraph, focus, onSelectParagraph]);

  // The places among the search's matches, on the map (a gazetteer place at its point, a region inside it).
  const controller = useMapController();
  const onSearchPlaces = useCallback(
    (found: readonly SearchPlace[]) => {
      if (!controller) return;
      const points: TextPlacePoint[] = [];
      for (const { place, count, word } of found) {
        const label = lang === 'en' ? place.name_en : word;
        if (place.kind === 'place') {
          const at = catalogue.place(place.id)?.geometry.coordinates;
          if (at) points.push({ key: `place:${place.id}`, lng: at[0]!, lat: at[1]!, label, count });
        } else if (place.kind === 'region') {
          const f = catalogue.regions.get(place.id);
          if (f) {
            const [lng, lat] = pointOnFeature(f).geometry.coordinates as [number, number];
            points.push({ key: `region:${place.id}`, lng, lat, label, count });
          }
        }
      }
      showTextPlaces(controller, points);
    },
    [controller, catalogue, lang],
  );

  if (error) return <p className="panel-section" role="alert">{t('reader.loadError', { message: error })}</p>;
  if (!data) return <p className="panel-section muted">{t('projects.loading')}</p>;
  return (
    <PlanReader
      text={data.text}
      measures={catalogue.data.measures.measures}
      projects={projects}
      places={places}
      lang={lang}
      selectedProjectId={selectedProjectId}
      focusParagraphId={focus?.kind === 'measure' ? null : paragraph}
      focusMeasureId={focus?.kind === 'measure' ? focus.id : null}
      onSelectProject={onSelectProject}
      onHoverProject={() => undefined}
      onSelectParagraph={onSelectParagraph}
      onSearchPlaces={onSearchPlaces}
      onSelectPlace={(p: NamedPlace) => {
        if (p.kind === 'region') onSelectRegion(p.id);
        else if (p.kind === 'place') {
          const region = catalogue.place(p.id)?.properties.region;
          if (region) onSelectRegion(region);
        }
      }}
    />
  );
}
