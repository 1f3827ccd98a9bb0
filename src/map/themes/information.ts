/** Information infrastructure: data centres, internet exchange, cross-border channels, wireless cities. */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { TOL_MUTED } from './style.ts';

export const information = defineTheme({
  id: 'information',
  group: 'industry_services',
  label: TEXT.labels.information,
  style: { color: TOL_MUTED.teal, shape: 'diamond', pointSize: 14 },
});
