/** Water works: water transfer and supply (第四章 第三节). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { OKABE_ITO } from '../style.ts';

export default defineTheme({
  id: 'water',
  order: 90,
  group: 'energy',
  label: TEXT.labels.water,
  style: { color: OKABE_ITO.skyBlue, shape: 'circle' },
  draws: (p) => p.properties.theme === 'water',
});
