/**
 * What the import worker (parse.worker.ts) is asked to do, and what it answers: the same pure
 * functions the page would run, off its main thread. Shared by the worker and its client.
 */
import { decodeFile, importUserLayer, problem, type ImportProblem, type ImportResult } from '../../domain/import.ts';
import { parseFile, type ImportResult as ViewsResult } from '../../export/saved-views.ts';

export type JobStage = 'decode' | 'parse' | 'check';

export type Job =
  | { kind: 'layer'; bytes: ArrayBuffer; fileName: string; size: number; layerId: string }
  | {
      kind: 'views';
      bytes: ArrayBuffer;
      /** What the atlas knows, to check a view's link against (absent: not checked). */
      known: { layers?: string[]; regions?: string[]; projects?: string[]; measures?: string[] };
    };

export type JobResult = { kind: 'layer'; result: ImportResult } | { kind: 'views'; result: ViewsResult };

export type WorkerMessage = { type: 'progress'; stage: JobStage; fraction: number } | { type: 'done'; value: JobResult } | { type: 'failed'; message: string };

/** Runs a job where it is called (in the worker, or on the page when there is no worker). */
export function runJob(job: Job, progress: (stage: JobStage, fraction: number) => void): JobResult {
  progress('decode', 0);
  const decoded = decodeFile(new Uint8Array(job.bytes));
  if (job.kind === 'layer') {
    if (!decoded.ok) return { kind: 'layer', result: { ok: false, problems: [decoded.problem] } };
    return { kind: 'layer', result: importUserLayer(decoded.text, job.fileName, job.size, job.layerId, progress) };
  }
  if (!decoded.ok) return { kind: 'views', result: { ok: false, problems: [{ code: 'encoding', params: {} }] } };
  const set = (list?: string[]) => (list ? new Set(list) : null);
  const layers = set(job.known.layers);
  const regions = set(job.known.regions);
  const projects = set(job.known.projects);
  const measures = set(job.known.measures);
  progress('parse', 0);
  const result = parseFile(decoded.text, {
    ...(layers ? { knownLayer: (id: string) => layers.has(id) } : {}),
    ...(regions ? { knownRegion: (c: string) => regions.has(c) } : {}),
    ...(projects ? { knownProject: (id: string) => projects.has(id) } : {}),
    ...(measures ? { knownMeasure: (id: string) => measures.has(id) } : {}),
  });
  return { kind: 'views', result };
}

/** A failure of the machinery itself (not of the file) as an import problem. */
export function unreadable(message: string): ImportProblem {
  return problem('unreadable', [], { message });
}
