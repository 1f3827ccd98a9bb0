/**
 * Colours of the choropleth: a light-to-dark sequential ramp (ColorBrewer YlGnBu, colour-blind
 * safe), kept light enough for the thematic symbols drawn over it.
 */
export const CHOROPLETH_COLOURS = ['#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0'] as const;

/** The colour of class k of n classes (spread over the ramp when there are fewer classes than colours). */
export function choroplethColour(k: number, n: number): string {
  return CHOROPLETH_COLOURS[Math.round((k * (CHOROPLETH_COLOURS.length - 1)) / Math.max(1, n - 1))]!;
}
