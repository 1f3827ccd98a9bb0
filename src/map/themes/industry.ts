/** Industrial bases and parks: energy, metallurgy, chemicals, equipment, new materials, cashmere (第三章 第二节). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { TOL_MUTED } from './style.ts';

export const industry = defineTheme({
  id: 'industry',
  group: 'industry_services',
  label: TEXT.labels.industry,
  style: { color: TOL_MUTED.olive, shape: 'circle', pointSize: 13 },
});
