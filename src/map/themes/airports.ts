/** Airports: the gazetteer's airports, the airport works of 第四章 (三) and the aviation ports of 第八章. */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { OKABE_ITO } from './style.ts';

export const airports = defineTheme({
  id: 'airports',
  group: 'transport',
  label: TEXT.labels.airports,
  style: { color: OKABE_ITO.skyBlue, shape: 'triangle', pointSize: 16 },
});
