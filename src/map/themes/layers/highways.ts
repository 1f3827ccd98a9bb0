/** Highways and roads (第四章 (二)). Drawn a little to the side, so a road beside a railway shows both. */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { OKABE_ITO } from '../style.ts';

export default defineTheme({
  id: 'highways',
  order: 20,
  group: 'transport',
  label: TEXT.labels.highways,
  style: { color: OKABE_ITO.vermillion, lineWidth: 2.6, shape: 'square', lineOffset: 1.2 },
  draws: (p) => p.properties.theme === 'highway',
});
