/** A small horizontal bar chart in plain SVG: a count per layer, with the layer's symbol colour. */
import type { Lang } from '../domain/url-state.ts';
import { rgbCss, THEME_BY_ID } from '../map/themes/index.ts';

export function SummaryChart({ counts, lang, label }: { counts: Array<[string, number]>; lang: Lang; label: string }) {
  const rows = counts.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return null;
  const max = Math.max(...rows.map(([, n]) => n));
  const rowH = 18;
  // Room for the longest label (CJK characters are about twice as wide as Latin ones).
  const textW = (t: string) => [...t].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 11.5 : 6.2), 0);
  const labelW = Math.ceil(Math.max(...rows.map(([id]) => textW(THEME_BY_ID.get(id)?.label[lang] ?? id)))) + 10;
  const barW = Math.max(90, 300 - labelW);
  const height = rows.length * rowH + 4;
  return (
    <svg className="summary-chart" width="100%" viewBox={`0 0 ${labelW + barW + 34} ${height}`} role="img" aria-label={label} data-testid="summary-chart">
      {rows.map(([id, n], i) => {
        const def = THEME_BY_ID.get(id);
        const y = i * rowH + 2;
        const w = Math.max(2, (n / max) * barW);
        return (
          <g key={id}>
            <text x={labelW - 6} y={y + rowH / 2} textAnchor="end" dominantBaseline="central" className="summary-chart__label">
              {def?.label[lang] ?? id}
            </text>
            <rect x={labelW} y={y + 3} width={w} height={rowH - 6} rx={2} fill={def ? rgbCss(def.spec.style.color, 0.85) : '#888'} />
            <text x={labelW + w + 5} y={y + rowH / 2} dominantBaseline="central" className="summary-chart__value">
              {n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
