/** Commerce, finance, tourism and culture (第三章 第三节). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { TOL_MUTED } from './style.ts';

export const commerce = defineTheme({
  id: 'commerce',
  group: 'industry_services',
  label: TEXT.labels.commerce,
  style: { color: TOL_MUTED.rose, shape: 'star', pointSize: 15 },
});
