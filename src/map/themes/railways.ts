/** Railways: high-speed, fast and freight lines, electrification, port railways (第四章 (一)). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { OKABE_ITO } from './style.ts';

export const railways = defineTheme({
  id: 'railways',
  group: 'transport',
  label: TEXT.labels.railways,
  style: { color: OKABE_ITO.black, lineWidth: 3, shape: 'square', pointSize: 13, fill: [90, 90, 90] },
});
