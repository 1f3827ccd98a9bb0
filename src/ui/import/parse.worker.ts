/**
 * The import worker: decodes, parses and checks a user's file (a layer or a views file) off the
 * page's main thread, reporting progress; the page cancels by ending the worker.
 */
import { runJob, type Job, type WorkerMessage } from './parse-jobs.ts';

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<Job>) => {
  let last = 0;
  try {
    const value = runJob(e.data, (stage, fraction) => {
      const now = performance.now();
      // At most every 50 ms: a message per feature would cost more than the check.
      if (fraction > 0 && now - last < 50) return;
      last = now;
      post({ type: 'progress', stage, fraction });
    });
    post({ type: 'done', value });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
};
