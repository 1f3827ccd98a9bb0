/**
 * Seaports of the Bohai Rim, and the dry ports and berths Inner Mongolia builds with them (第三章).
 * Logistics projects at a seaport (无水港, 岸线码头) are drawn here, inside the port's symbol.
 */
import TEXT from '../../../i18n/themes.json';
import { pointPlaceKind } from '../prepare.ts';
import { defineTheme } from '../define-theme.ts';
import { OKABE_ITO } from '../style.ts';

export default defineTheme({
  id: 'seaports',
  order: 40,
  group: 'transport',
  label: TEXT.labels.seaports,
  style: { color: OKABE_ITO.blue, shape: 'anchor', pointSize: 18 },
  draws: (p, cat) => p.properties.theme === 'logistics' && pointPlaceKind(p, cat) === 'seaport',
  placeKind: 'seaport',
});
