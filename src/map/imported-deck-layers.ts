/**
 * The imported layers drawn with deck.gl, from their definitions (imported-layers.ts). Loaded with
 * deck.gl after the basemap's first quiet frame (deck.ts); the legend, the panels and the picking
 * read the definitions without it.
 */
import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { Position } from 'geojson';
import type { UserLayer } from '../domain/user-layers.ts';
import { userLayerDef, type AreaDatum, type PathDatum, type PointDatum, type UserLayerContext, type UserLayerDef } from './imported-layers.ts';

/** The deck.gl layers of one imported layer: its areas (fill and outline), lines and points. */
export function userDeckLayers(def: UserLayerDef, { scale: s }: UserLayerContext): Layer[] {
  const { data, style, colour } = def;
  const prefix = `user-${def.id}`;
  const out: Layer[] = [];
  if (data.areas.length)
    out.push(
      new SolidPolygonLayer<AreaDatum>({
        id: `${prefix}-area-fill`,
        data: data.areas,
        getPolygon: (d) => d.polygon as [number, number][][],
        getFillColor: [...colour, Math.round(style.area.fillOpacity * 255)],
      }),
      new PathLayer<Position[]>({
        id: `${prefix}-area-line`,
        data: data.areas.flatMap((a) => a.polygon),
        getPath: (d) => d as [number, number][],
        getColor: style.area.stroke,
        getWidth: style.area.strokeWidth * s,
        widthUnits: 'pixels',
        jointRounded: true,
        updateTriggers: { getWidth: s },
      }),
    );
  if (data.paths.length)
    out.push(
      new PathLayer<PathDatum>({
        id: `${prefix}-line`,
        data: data.paths,
        getPath: (d) => d.path as [number, number][],
        getColor: style.line.color,
        getWidth: style.line.width * s,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
        updateTriggers: { getWidth: s },
      }),
    );
  if (data.points.length)
    out.push(
      new ScatterplotLayer<PointDatum>({
        id: `${prefix}-point`,
        data: data.points,
        getPosition: (d) => d.position as [number, number],
        getRadius: (style.point.size / 2) * s,
        radiusUnits: 'pixels',
        stroked: true,
        getFillColor: colour,
        getLineColor: style.point.stroke,
        getLineWidth: 1.5 * s,
        lineWidthUnits: 'pixels',
        updateTriggers: { getRadius: s, getLineWidth: s },
      }),
    );
  return out;
}

/**
 * deck.gl layers of the visible imported layers: every layer's areas, then lines, then points (a
 * later polygon layer does not cover an earlier layer's points), all above the thematic layers.
 */
export function buildUserLayers(layers: readonly UserLayer[], visible: ReadonlySet<string>, ctx: UserLayerContext): Layer[] {
  const all = layers.filter((l) => visible.has(l.id)).flatMap((l) => userDeckLayers(userLayerDef(l), ctx));
  const rank = (l: Layer) => (l.id.includes('-area-') ? 0 : l.id.endsWith('-point') ? 2 : 1);
  const ordered = [...all].sort((a, b) => rank(a) - rank(b));
  return ctx.beforeId ? ordered.map((l) => l.clone({ beforeId: ctx.beforeId } as never)) : ordered;
}
