/** Land ports of entry (口岸) and the cooperation zones, trade zones and border zones at them (第八章). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { TOL_MUTED } from './style.ts';

export const portsOfEntry = defineTheme({
  id: 'ports',
  group: 'transport',
  label: TEXT.labels.ports,
  style: { color: TOL_MUTED.wine, shape: 'diamond', pointSize: 17 },
});
