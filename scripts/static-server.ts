/**
 * A plain static file server on 127.0.0.1 for built sites: the export command line and the
 * benchmarks serve dist/ (and the benchmark's baseline pages) with it. Each first path segment in
 * `roots` maps to a folder ('' maps the rest); nothing outside the folders is served; no
 * compression, so byte counts are the files' own.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.pbf': 'application/x-protobuf',
};

export interface StaticServer {
  server: Server;
  /** http://127.0.0.1:PORT (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

export function serveStatic(roots: Record<string, string>, headers: Record<string, string> = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [, first = '', ...rest] = path.split('/');
    const prefixed = first !== '' && first in roots;
    const root = prefixed ? roots[first] : roots[''];
    if (root === undefined) return void res.writeHead(404).end();
    let file = normalize(join(root, prefixed ? rest.join('/') : path));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if ((file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({
        server,
        origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}
