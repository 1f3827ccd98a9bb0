/**
 * The plan's text for traceability tests: data/plan/plan.zh.txt, in the repository, so these tests
 * always run (a missing file fails them rather than skipping).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/cli/load.ts';

export const planTextPath = join(repoRoot, 'data/plan/plan.zh.txt');
export const planText: string = readFileSync(planTextPath, 'utf8');

/** Sentences of the plan: split at 。；and line ends, so a verb and its object stay together. */
export function planSentences(text: string): string[] {
  return text.split(/[。；;\n]/u).map((s) => s.trim()).filter(Boolean);
}
