/**
 * Runs an import job (parse-jobs.ts) in a worker of its own: the page's main thread only reads the
 * file's bytes and receives the answer, whatever the file holds. Progress is reported; aborting the
 * signal ends the worker at once (the job is abandoned, nothing changes). Without Worker support
 * the job runs on the page.
 */
import { runJob, type Job, type JobResult, type JobStage, type WorkerMessage } from './parse-jobs.ts';

export interface JobProgress {
  stage: JobStage;
  fraction: number;
}

export class JobCancelled extends Error {
  override name = 'JobCancelled';
}

export function runInWorker(job: Job, onProgress: (p: JobProgress) => void, signal?: AbortSignal): Promise<JobResult> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => runJob(job, (stage, fraction) => onProgress({ stage, fraction })));
  return new Promise<JobResult>((resolve, reject) => {
    if (signal?.aborted) return reject(new JobCancelled());
    const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'atlas-import' });
    const end = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      end();
      reject(new JobCancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress({ stage: m.stage, fraction: m.fraction });
      else {
        end();
        if (m.type === 'done') resolve(m.value);
        else reject(new Error(m.message));
      }
    };
    // The worker's script failed to load or threw outside the job (e.g. out of memory).
    worker.onerror = (e) => {
      e.preventDefault();
      end();
      reject(new Error(e.message || 'the import worker stopped'));
    };
    worker.postMessage(job, [job.bytes]);
  });
}
