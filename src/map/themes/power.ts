/** Power transmission corridors and wind-power consumption bases (第四章 第二节 (一)). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { OKABE_ITO } from './style.ts';

export const power = defineTheme({
  id: 'power',
  group: 'energy',
  label: TEXT.labels.power,
  style: { color: OKABE_ITO.orange, lineWidth: 3, shape: 'circle', lineOffset: -1.2 },
});
