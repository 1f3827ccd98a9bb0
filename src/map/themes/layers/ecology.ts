/** Ecological function zones, restoration programmes and wetlands (第五章 第一节). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { TOL_MUTED } from '../style.ts';

export default defineTheme({
  id: 'ecology',
  order: 100,
  group: 'ecology',
  label: TEXT.labels.ecology,
  style: { color: TOL_MUTED.green, shape: 'circle' },
  draws: (p) => p.properties.theme === 'ecology',
});
