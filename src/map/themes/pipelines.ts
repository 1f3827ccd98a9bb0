/** Oil and gas pipelines (第四章 第二节 (二)). */
import TEXT from '../../i18n/themes.json';
import { defineTheme } from './common.ts';
import { OKABE_ITO } from './style.ts';

export const pipelines = defineTheme({
  id: 'pipelines',
  group: 'energy',
  label: TEXT.labels.pipelines,
  style: { color: OKABE_ITO.purple, lineWidth: 2.6, shape: 'circle', lineOffset: 2.2 },
});
