/**
 * The projects' notes and sources (map/catalogue-data.ts `detailsSource`), handed down from App by
 * context; a panel that shows them asks for the file and renders again when it has arrived.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { DetailsFile, ProjectDetails } from '../domain/types.ts';
import type { DetailsSource } from '../map/catalogue-data.ts';

export const DetailsContext = createContext<DetailsSource | null>(null);

export type DetailsState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; details: ProjectDetails | undefined };

/** One project's details: loading until details.json has arrived, then its entry (undefined: none). A failure is retried for the next project shown. */
export function useProjectDetails(id: string): DetailsState {
  const source = useContext(DetailsContext);
  const [file, setFile] = useState<DetailsFile | null>(source?.loaded ?? null);
  const [failed, setFailed] = useState<{ id: string; message: string } | null>(null);
  useEffect(() => {
    if (!source || file) return;
    let live = true;
    source.load().then(
      (f) => live && setFile(f),
      (e: unknown) => live && setFailed({ id, message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [source, file, id]);
  if (file) return { kind: 'ready', details: file.byProject[id] };
  if (!source) return { kind: 'failed', message: 'no details source' };
  if (failed?.id === id) return { kind: 'failed', message: failed.message };
  return { kind: 'loading' };
}
