/** How a stage reads in the UI: the plan's verb verbatim, then the normalised stage in the UI language. */
import type { TFunction } from 'i18next';
import type { Stage } from '../domain/types.ts';
import { stageClass } from '../domain/stages.ts';

export function stageText(t: TFunction, verb: string, stage: Stage, lang: 'zh' | 'en'): string {
  const label = t(`stage.${stage}`);
  if (lang === 'zh') return verb === label ? verb : `${verb}（${label}）`;
  return `${verb} · ${label}`;
}

export { stageClass };
