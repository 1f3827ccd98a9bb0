/** Power transmission corridors and wind-power consumption bases (第四章 第二节 (一)). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { OKABE_ITO } from '../style.ts';

export default defineTheme({
  id: 'power',
  order: 70,
  group: 'energy',
  label: TEXT.labels.power,
  style: { color: OKABE_ITO.orange, lineWidth: 3, shape: 'circle', lineOffset: -1.2 },
  draws: (p) => p.properties.theme === 'power',
});
