/** Seaports of the Bohai Rim, and the dry ports and berths Inner Mongolia builds with them (第三章). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { OKABE_ITO } from './style.ts';

export const seaports = defineTheme({
  id: 'seaports',
  group: 'transport',
  label: TEXT.labels.seaports,
  style: { color: OKABE_ITO.blue, shape: 'anchor', pointSize: 18 },
});
