/** Logistics parks and hubs (第三章 第三节 (二)). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { TOL_MUTED } from '../style.ts';

export default defineTheme({
  id: 'logistics',
  order: 60,
  group: 'transport',
  label: TEXT.labels.logistics,
  style: { color: TOL_MUTED.indigo, shape: 'square', pointSize: 13 },
  draws: (p) => p.properties.theme === 'logistics',
});
