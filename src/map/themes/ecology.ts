/** Ecological function zones, restoration programmes and wetlands (第五章 第一节). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { TOL_MUTED } from './style.ts';

export const ecology = defineTheme({
  id: 'ecology',
  group: 'ecology',
  label: TEXT.labels.ecology,
  style: { color: TOL_MUTED.green, shape: 'circle' },
});
