/**
 * The plan's text for the reader (public/data/plan-text.json): data/plan/plan.zh.txt parsed into
 * headings and paragraphs with the catalogue's measure ids, and where each project's phrase stands.
 * Stops the compiler, naming file, id and field, when the text and the catalogue disagree: a heading
 * that no measure has (or the reverse), a phrase not in the text, a phrase that stands twice with no
 * `paragraph` hint that settles it.
 */
import { locatePhrases, parsePlanText, type PhraseAmbiguity, type PlanTextFile } from '../src/domain/plan-text.ts';
import { CatalogueError, type CatalogueSources } from './load.ts';

export const PLAN_TEXT_PATH = 'data/plan/plan.zh.txt';

export interface CompiledPlanText {
  file: PlanTextFile;
  /** Phrases that stand more than once and the paragraph each was given (for the coverage report). */
  ambiguities: PhraseAmbiguity[];
}

export function buildPlanText(text: string, src: Pick<CatalogueSources, 'measures' | 'projects'>): CompiledPlanText {
  const printed = new Map(src.measures.filter((m) => m.value.printed).map((m) => [m.value.id, m.value.heading_zh] as const));
  const plan = parsePlanText(text, { headings: printed });
  const problems = plan.problems.map((p) => `${PLAN_TEXT_PATH}: ${p}`);

  const measureIds = new Set(src.measures.map((m) => m.value.id));
  const headingIds = new Set(plan.headings.map((h) => h.id));
  for (const h of plan.headings) if (!measureIds.has(h.id)) problems.push(`${PLAN_TEXT_PATH}: ${h.id} (${h.text ?? 'unprinted'}) has no measure in data/measures.yaml`);
  for (const id of measureIds) if (!headingIds.has(id)) problems.push(`data/measures.yaml: measure ${id}: not in ${PLAN_TEXT_PATH}`);

  const fileOf = new Map(src.projects.map((p) => [p.value.id, p.file] as const));
  const located = locatePhrases(
    plan.paragraphs,
    src.projects.map(({ value: p }) => ({ id: p.id, phrase: p.phrase, paragraph: p.paragraph })),
  );
  problems.push(...located.problems.map((p) => `${fileOf.get(/^project ([^:]+):/.exec(p)?.[1] ?? '') ?? 'data/projects'}: ${p}`));
  if (problems.length) throw new CatalogueError(problems.join('\n'));

  return {
    file: {
      version: 1,
      headings: plan.headings,
      paragraphs: plan.paragraphs.map(({ id, measure, text: t, head }) => ({ id, measure, text: t, head })),
      projects: located.located,
    },
    ambiguities: located.ambiguities,
  };
}
