/** Farming and livestock bases (第三章 第一节). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { TOL_MUTED } from './style.ts';

export const agriculture = defineTheme({
  id: 'agriculture',
  group: 'industry_services',
  label: TEXT.labels.agriculture,
  style: { color: [170, 140, 40], fill: TOL_MUTED.sand, shape: 'circle' },
});
