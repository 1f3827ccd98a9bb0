/** Water works: water transfer and supply (第四章 第三节). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { OKABE_ITO } from './style.ts';

export const water = defineTheme({
  id: 'water',
  group: 'energy',
  label: TEXT.labels.water,
  style: { color: OKABE_ITO.skyBlue, shape: 'circle' },
});
