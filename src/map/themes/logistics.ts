/** Logistics parks and hubs (第三章 第三节 (二)). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { TOL_MUTED } from './style.ts';

export const logistics = defineTheme({
  id: 'logistics',
  group: 'transport',
  label: TEXT.labels.logistics,
  style: { color: TOL_MUTED.indigo, shape: 'square', pointSize: 13 },
});
