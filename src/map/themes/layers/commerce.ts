/** Commerce, finance, tourism and culture (第三章 第三节). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { TOL_MUTED } from '../style.ts';

export default defineTheme({
  id: 'commerce',
  order: 150,
  group: 'industry_services',
  label: TEXT.labels.commerce,
  style: { color: TOL_MUTED.rose, shape: 'star', pointSize: 15 },
  draws: (p) => p.properties.theme === 'commerce_tourism' || p.properties.theme === 'culture',
});
