/**
 * A plain static file server on 127.0.0.1 for built sites: the export command line and the
 * benchmarks serve dist/ (and the benchmark's baseline pages) with it. Each first path segment in
 * `roots` maps to a folder ('' maps the rest); nothing outside the folders is served; no
 * compression, so byte counts are the files' own; byte ranges are served (PMTiles archives are read by them).
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
    const type = { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes', ...headers };
    const size = statSync(file).size;
    // Byte ranges, as any static host serves them: a PMTiles archive is read by ranges.
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      res.writeHead(206, { ...type, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { ...type, 'content-length': size });
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
