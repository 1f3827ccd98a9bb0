/** The newest modification time (ms) under a path, skipping node_modules and dist: "is the build older than its sources?". */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = st.mtimeMs;
  for (const e of readdirSync(path)) if (e !== 'node_modules' && e !== 'dist') n = Math.max(n, newest(join(path, e)));
  return n;
}
