/**
 * The plan's text for traceability tests: $PLAN_TEXT, or ../shared/seeds/plan.zh.txt beside the
 * checkout (CI always has it). On a user's machine it may be absent: those tests are skipped, saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/cli/load.ts';

const candidates = [process.env.PLAN_TEXT, join(repoRoot, '../shared/seeds/plan.zh.txt')].filter((p): p is string => !!p);
const found = candidates.find((p) => existsSync(p));

export const planTextPath: string | undefined = found;
export const planText: string | undefined = found ? readFileSync(found, 'utf8') : undefined;
if (!planText)
  console.warn(`[tests] plan text not found (looked at ${candidates.join(', ')}): traceability checks are skipped. Set PLAN_TEXT to run them.`);

/** Sentences of the plan: split at 。；and line ends, so a verb and its object stay together. */
export function planSentences(text: string): string[] {
  return text.split(/[。；;\n]/u).map((s) => s.trim()).filter(Boolean);
}
