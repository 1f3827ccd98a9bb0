// Temporary: screenshots of the built app to look at. Usage: tsx scripts/.shot.tmp.ts out-prefix 'path1' 'path2' ...
import { atlasDrawn, launch } from '../tests/e2e/browser.ts';
import { serveStatic } from './static-server.ts';
const [prefix, ...paths] = process.argv.slice(2);
const server = await serveStatic({ '': 'dist' });
const s = await launch();
let i = 0;
for (const p of paths) {
  const page = await s.context.newPage();
  await page.goto(`${server.origin}/${p}`);
  await atlasDrawn(page);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/${prefix}-${i++}.png`, timeout: 120_000 });
  await page.close();
}
await s.close();
await server.close();
