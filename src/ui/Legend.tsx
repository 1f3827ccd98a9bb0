/** The basemap's legend: the plan's regions and the boundary lines. */
import { useTranslation } from 'react-i18next';
import { PALETTE } from '../map/basemap/palette.ts';

export function Legend() {
  const { t } = useTranslation();
  const fills: Array<[string, string]> = [
    [PALETTE.innerMongolia, 'legend.innerMongolia'],
    [PALETTE.bohaiProvince, 'legend.bohaiRim'],
    [PALETTE.otherProvince, 'legend.otherProvinces'],
    [PALETTE.foreignLand, 'legend.neighbours'],
  ];
  const lines: Array<[string, string, string]> = [
    [PALETTE.provinceBorder, 'solid', 'legend.provinceBoundary'],
    [PALETTE.leagueBorder, 'dashed', 'legend.leagueBoundary'],
    [PALETTE.foreignBorder, 'solid', 'legend.countryBoundary'],
  ];
  return (
    <section className="panel-section legend" aria-labelledby="legend-heading">
      <h3 id="legend-heading">{t('legend.heading')}</h3>
      <ul>
        {fills.map(([colour, key]) => (
          <li key={key}>
            <span className="swatch" style={{ background: colour }} aria-hidden="true" />
            {t(key)}
          </li>
        ))}
        {lines.map(([colour, style, key]) => (
          <li key={key}>
            <span className="swatch swatch--line" style={{ borderTopColor: colour, borderTopStyle: style as 'solid' }} aria-hidden="true" />
            {t(key)}
          </li>
        ))}
      </ul>
    </section>
  );
}
