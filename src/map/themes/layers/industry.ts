/** Industrial bases and parks: energy, metallurgy, chemicals, equipment, new materials, cashmere (第三章 第二节). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { TOL_MUTED } from '../style.ts';

export default defineTheme({
  id: 'industry',
  order: 120,
  group: 'industry_services',
  label: TEXT.labels.industry,
  style: { color: TOL_MUTED.olive, shape: 'circle', pointSize: 13 },
  draws: (p) => p.properties.theme === 'industry',
});
