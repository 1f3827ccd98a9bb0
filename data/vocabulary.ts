/**
 * The catalogue's closed vocabularies, free of zod so the browser can import them without the
 * schema library. data/schema.ts builds its enums from these lists.
 */
export const THEMES = [
  'railway',
  'highway',
  'airport',
  'power',
  'pipeline',
  'water',
  'information',
  'ecology',
  'environment',
  'industry',
  'agriculture',
  'logistics',
  'commerce_tourism',
  'culture',
  'opening',
  'cooperation',
  'public_service',
  'science',
] as const;

/** Normalised stage; the plan's own verb is kept verbatim beside it. */
export const STAGES = ['complete', 'start', 'accelerate', 'build', 'advance', 'support', 'study', 'seek', 'preliminary'] as const;
