/**
 * The basemap's colours: a quiet, warm paper palette in which Inner Mongolia carries the strongest
 * tint, the six other Bohai Rim provinces a lighter one of the same family, and everything else
 * (other provinces, neighbouring countries, the sea) steps back.
 */
export const PALETTE = {
  sea: '#d5e3ea',
  seaLabel: '#6f93a6',

  /** Neighbouring countries: grey, slightly cooler than China. */
  foreignLand: '#e9e7e1',
  foreignBorder: '#a29d91',
  foreignLabel: '#8d877a',

  /** Chinese provinces outside the plan. */
  otherProvince: '#f4f1ea',
  /** Beijing, Tianjin, Hebei, Shanxi, Liaoning, Shandong. */
  bohaiProvince: '#f3e6cc',
  /** Inner Mongolia. */
  innerMongolia: '#e6d6ad',

  provinceBorder: '#a69c89',
  prefectureBorder: '#c7b899',
  /** League / city boundaries of Inner Mongolia. */
  leagueBorder: '#8c7446',
  countyBorder: '#a48d62',
  /** The outline of Inner Mongolia. */
  innerMongoliaBorder: '#6b5428',
  nationalBorder: '#7e776a',

  labelDark: '#3b3426',
  labelProvince: '#5b5344',
  labelOtherProvince: '#857d6e',
  labelLeague: '#54401a',
  labelPrefecture: '#6a5f4b',
  labelCounty: '#6e6047',
  halo: 'rgba(253, 251, 246, 0.92)',

  /** OpenStreetMap's railways: a cool grey, apart from the warm browns of the borders, under the plan's lines. */
  railway: '#80838a',
  railwayHighSpeed: '#4f535b',
  railwayDash: '#f7f4ee',
  railwayLabel: '#5a5e66',
  /** Rivers and lakes: a quiet blue, lighter than any theme's line. */
  river: '#7eaac6',
  lake: '#cfe1eb',
  lakeEdge: '#9dbfd3',
  waterLabel: '#4f7f9f',
  /** Town dots and names: ink a step under the region labels. */
  town: '#4a4234',
  townLabel: '#463e30',
  townHalo: 'rgba(253, 251, 246, 0.95)',

  hoverFill: 'rgba(182, 92, 31, 0.10)',
  hoverLine: '#b65c1f',
  selectionFill: 'rgba(182, 62, 21, 0.16)',
  selectionLine: '#a3361a',
  selectionCasing: '#fffaf0',
} as const;
