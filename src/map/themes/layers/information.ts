/** Information infrastructure: data centres, internet exchange, cross-border channels, wireless cities. */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { TOL_MUTED } from '../style.ts';

export default defineTheme({
  id: 'information',
  order: 140,
  group: 'industry_services',
  label: TEXT.labels.information,
  style: { color: TOL_MUTED.teal, shape: 'diamond', pointSize: 14 },
  draws: (p) => p.properties.theme === 'information',
});
