/** Opening-up: land–sea corridors, the development axis and the pilot and free-trade zones (第八章). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { OKABE_ITO } from '../style.ts';

export default defineTheme({
  id: 'opening',
  order: 170,
  group: 'opening',
  label: TEXT.labels.opening,
  style: { color: OKABE_ITO.blue, lineWidth: 9, corridor: true, shape: 'star' },
  draws: (p) => p.properties.theme === 'opening',
});
