/**
 * Dependencies point down only: geo/ and data/ build on src/domain; in the app, domain < map <
 * export < ui < the composition root (src/*.tsx). A file that imports from a layer above its own
 * fails here, naming the file and the import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Which layers each layer may import from (its own is always allowed). */
const ALLOWED: Record<string, string[]> = {
  'src/domain': [],
  'src/i18n': ['src/domain'],
  'src/styles': ['src/domain'],
  'src/map': ['src/domain', 'src/styles', 'src/i18n'],
  'src/export': ['src/domain', 'src/map', 'src/styles', 'src/i18n'],
  'src/ui': ['src/domain', 'src/map', 'src/export', 'src/styles', 'src/i18n'],
  'src/cli': ['src/domain'],
  data: ['src/domain'],
  geo: ['src/domain'],
};

function layerOf(path: string): string | null {
  const rel = relative(ROOT, path).split('\\').join('/');
  for (const layer of Object.keys(ALLOWED)) if (rel === layer || rel.startsWith(`${layer}/`)) return layer;
  if (rel.startsWith('src/')) return 'src';
  if (rel.startsWith('public/')) return 'public';
  return rel.split('/')[0] ?? null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative import specifiers: static `from '…'`, side-effect `import '…'` and dynamic `import('…')`. */
export function relativeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

export function upwardImports(files: string[], read: (file: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const from = layerOf(file)!;
    const allowed = ALLOWED[from];
    if (!allowed) continue;
    for (const spec of relativeImports(read(file))) {
      const to = layerOf(resolve(dirname(file), spec.split('?')[0]!));
      if (to === from || to === 'public' || (to && allowed.includes(to))) continue;
      problems.push(`${relative(ROOT, file)} (${from}) imports ${spec} (${to})`);
    }
  }
  return problems;
}

describe('layering', () => {
  it('finds imports in every form', () => {
    expect(relativeImports(`import a from './a.ts';\nimport './b.css';\nconst c = await import('../c.ts');\nexport { d } from "./d.ts";`)).toEqual([
      './a.ts',
      './b.css',
      '../c.ts',
      './d.ts',
    ]);
  });

  it('flags an upward import and allows a downward one', () => {
    const files: Record<string, string> = {
      [join(ROOT, 'src/domain/probe.ts')]: `import { x } from '../map/AtlasMap.tsx';\nimport { y } from './types.ts';`,
      [join(ROOT, 'geo/probe.ts')]: `import { z } from '../src/map/basemap/style.ts';\nimport { w } from '../src/domain/vocabulary.ts';`,
      [join(ROOT, 'src/ui/probe.ts')]: `import { v } from '../map/AtlasMap.tsx';`,
    };
    expect(upwardImports(Object.keys(files), (f) => files[f]!)).toEqual([
      'src/domain/probe.ts (src/domain) imports ../map/AtlasMap.tsx (src/map)',
      'geo/probe.ts (geo) imports ../src/map/basemap/style.ts (src/map)',
    ]);
  });

  it('no layer imports from a layer above it', () => {
    const files = ['src', 'data', 'geo'].flatMap((d) => sourceFiles(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(100);
    expect(upwardImports(files)).toEqual([]);
  });
});
