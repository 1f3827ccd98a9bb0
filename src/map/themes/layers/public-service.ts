/** Public services: schools, health, poverty relief; and science platforms (第六章, 第七章). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { TOL_MUTED } from '../style.ts';

export default defineTheme({
  id: 'public_service',
  order: 160,
  group: 'industry_services',
  label: TEXT.labels.public_service,
  style: { color: TOL_MUTED.purple, shape: 'circle', pointSize: 13 },
  draws: (p) => p.properties.theme === 'public_service' || p.properties.theme === 'science',
});
