/** Joint pollution control: air-pollution areas and lake governance (第五章 第二节). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { OKABE_ITO } from '../style.ts';

export default defineTheme({
  id: 'environment',
  order: 110,
  group: 'ecology',
  label: TEXT.labels.environment,
  style: { color: OKABE_ITO.green, shape: 'square', pointSize: 12 },
  draws: (p) => p.properties.theme === 'environment',
});
