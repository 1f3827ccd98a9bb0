/** Joint pollution control: air-pollution areas and lake governance (第五章 第二节). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { OKABE_ITO } from './style.ts';

export const environment = defineTheme({
  id: 'environment',
  group: 'ecology',
  label: TEXT.labels.environment,
  style: { color: OKABE_ITO.green, shape: 'square', pointSize: 12 },
});
