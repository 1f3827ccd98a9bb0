/**
 * How firmly the plan commits to a project, in three classes that the map draws as line styles:
 * - firm (建成, 开工建设, 加快建设, 建设 …);
 * - push (推进, 推动, 支持);
 * - tentative (研究建设, 论证, 争取, 前期工作).
 */
import type { Stage } from './vocabulary.ts';

export type StageClass = 'firm' | 'push' | 'tentative';
export const STAGE_CLASSES: readonly StageClass[] = ['firm', 'push', 'tentative'];

export function stageClass(stage: Stage): StageClass {
  switch (stage) {
    case 'complete':
    case 'start':
    case 'accelerate':
    case 'build':
      return 'firm';
    case 'advance':
    case 'support':
      return 'push';
    case 'study':
    case 'seek':
    case 'preliminary':
      return 'tentative';
  }
}

/** Stages in the order the UI lists them (firmest first). */
export const STAGE_ORDER: readonly Stage[] = ['complete', 'start', 'accelerate', 'build', 'advance', 'support', 'study', 'seek', 'preliminary'];
