/**
 * Global set-up of the e2e project: bring generated data up to date (scripts/ensure-built.ts),
 * build the app with Vite's JS API, serve dist/ on 127.0.0.1 at a free port (Vite preview), and
 * hand the URL to the tests (`inject('baseUrl')`).
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

let server: PreviewServer | undefined;

/**
 * A production build, whatever the caller's NODE_ENV: vitest sets NODE_ENV=test, and Vite defines
 * `process.env.NODE_ENV` from it, which would ship React's development build (and StrictMode's
 * double effects) to the tests.
 */
export async function buildProduction(): Promise<void> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { emptyOutDir: true } });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync('npx', ['tsx', 'scripts/ensure-built.ts'], { stdio: 'inherit' });
  await buildProduction();
  const port = await freePort();
  server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  const url = `http://127.0.0.1:${port}/`;
  console.log(`[e2e] serving dist/ at ${url}`);
  project.provide('baseUrl', url);
  return async () => {
    await server?.close();
  };
}
