/** Railways: high-speed, fast and freight lines, electrification, port railways (第四章 (一)). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { OKABE_ITO } from '../style.ts';

export default defineTheme({
  id: 'railways',
  order: 10,
  group: 'transport',
  label: TEXT.labels.railways,
  style: { color: OKABE_ITO.black, lineWidth: 3, shape: 'square', pointSize: 13, fill: [90, 90, 90] },
  draws: (p) => p.properties.theme === 'railway',
});
