/** Key cooperation zones (第八章 第二节): 乌大张, 锡赤通朝锦, the counties around Beijing–Tianjin–Hebei. */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { TOL_MUTED } from './style.ts';

export const cooperation = defineTheme({
  id: 'cooperation',
  group: 'opening',
  label: TEXT.labels.cooperation,
  style: { color: TOL_MUTED.indigo, shape: 'circle' },
});
