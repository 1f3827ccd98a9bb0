/** Oil and gas pipelines (第四章 第二节 (二)). */
import TEXT from '../../../i18n/themes.json';
import { defineTheme } from '../define-theme.ts';
import { OKABE_ITO } from '../style.ts';

export default defineTheme({
  id: 'pipelines',
  order: 80,
  group: 'energy',
  label: TEXT.labels.pipelines,
  style: { color: OKABE_ITO.purple, lineWidth: 2.6, shape: 'circle', lineOffset: 2.2 },
  draws: (p) => p.properties.theme === 'pipeline',
});
