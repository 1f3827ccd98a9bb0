/**
 * Airports: the gazetteer's airports, the airport works of 第四章 (三) and the aviation ports of 第八章.
 * Opening-up projects at an airport (航空口岸) are drawn here, inside the airport's symbol.
 */
import TEXT from '../../../i18n/themes.json';
import { pointPlaceKind } from '../prepare.ts';
import { defineTheme } from '../define-theme.ts';
import { OKABE_ITO } from '../style.ts';

export default defineTheme({
  id: 'airports',
  order: 30,
  group: 'transport',
  label: TEXT.labels.airports,
  style: { color: OKABE_ITO.skyBlue, shape: 'triangle', pointSize: 16 },
  draws: (p, cat) => p.properties.theme === 'airport' || (p.properties.theme === 'opening' && pointPlaceKind(p, cat) === 'airport'),
  placeKind: 'airport',
});
