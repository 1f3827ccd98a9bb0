/** Key cooperation zones (第八章 第二节): 乌大张, 锡赤通朝锦, the counties around Beijing–Tianjin–Hebei. */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { TOL_MUTED } from '../style.ts';

export default defineTheme({
  id: 'cooperation',
  order: 180,
  group: 'opening',
  label: TEXT.labels.cooperation,
  style: { color: TOL_MUTED.indigo, shape: 'circle' },
  draws: (p) => p.properties.theme === 'cooperation',
});
