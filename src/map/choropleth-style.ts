/**
 * Colours of the choropleth: a light-to-dark sequential ramp (ColorBrewer YlGnBu, colour-blind
 * safe), kept light enough for the thematic symbols drawn over it.
 */
import { classOf, type Choropleth } from '../domain/choropleth.ts';

export const CHOROPLETH_COLOURS = ['#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0'] as const;

/** The colour of class k of n classes (spread over the ramp when there are fewer classes than colours). */
export function choroplethColour(k: number, n: number): string {
  return CHOROPLETH_COLOURS[Math.round((k * (CHOROPLETH_COLOURS.length - 1)) / Math.max(1, n - 1))]!;
}

/** Region code → the colour of its class, over the given choropleths (regions in no class are left out). */
export function choroplethColours(choropleths: readonly Choropleth[]): Map<string, string> {
  const colours = new Map<string, string>();
  for (const c of choropleths)
    for (const [code, n] of c.counts) {
      const k = classOf(n, c.classes);
      if (k >= 0) colours.set(code, choroplethColour(k, c.classes.length));
    }
  return colours;
}
