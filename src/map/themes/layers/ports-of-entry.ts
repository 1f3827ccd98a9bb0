/**
 * Land ports of entry (口岸) and the cooperation zones, trade zones and border zones at them (第八章).
 * Opening-up projects at a port of entry (口岸合作区, 跨境经济合作区, 互市贸易区) are drawn here, inside the port's symbol.
 */
import TEXT from '../../../i18n/themes.json';
import { pointPlaceKind } from '../prepare.ts';
import { defineTheme } from '../define-theme.ts';
import { TOL_MUTED } from '../style.ts';

export default defineTheme({
  id: 'ports',
  order: 50,
  group: 'transport',
  label: TEXT.labels.ports,
  style: { color: TOL_MUTED.wine, shape: 'diamond', pointSize: 17 },
  draws: (p, cat) => p.properties.theme === 'opening' && pointPlaceKind(p, cat) === 'port_of_entry',
  placeKind: 'port_of_entry',
});
