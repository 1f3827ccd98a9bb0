/** Farming and livestock bases (第三章 第一节). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { TOL_MUTED } from '../style.ts';

export default defineTheme({
  id: 'agriculture',
  order: 130,
  group: 'industry_services',
  label: TEXT.labels.agriculture,
  style: { color: [170, 140, 40], fill: TOL_MUTED.sand, shape: 'circle' },
  draws: (p) => p.properties.theme === 'agriculture',
});
