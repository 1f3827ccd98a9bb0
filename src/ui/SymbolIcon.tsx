/**
 * A legend symbol as a small inline SVG: the same description (LegendSymbol) and the same shape
 * paths the map's layers use, so the legend, the lists and the map agree.
 */
import { useId } from 'react';
import { rgbCss, SHAPE_PATHS, type LegendSymbol } from '../map/themes/index.ts';

export function SymbolIcon({ symbol, width = 30, height = 18 }: { symbol: LegendSymbol; width?: number; height?: number }) {
  const hatchId = useId().replace(/:/g, '');
  const cy = height / 2;
  let body;
  if (symbol.kind === 'line') {
    const w = Math.min(symbol.width, 8);
    const dash = symbol.dashArray ? `${symbol.dashArray[0]} ${symbol.dashArray[1]}` : undefined;
    body = (
      <>
        {symbol.casing && <line x1={3} y1={cy} x2={width - 3} y2={cy} stroke={rgbCss(symbol.casing)} strokeWidth={w + 2.5} strokeLinecap="round" />}
        <line
          x1={3}
          y1={cy}
          x2={width - 3}
          y2={cy}
          stroke={rgbCss(symbol.color, symbol.opacity ?? 1)}
          strokeWidth={w}
          strokeLinecap="round"
          strokeDasharray={dash}
        />
      </>
    );
  } else if (symbol.kind === 'point') {
    const r = Math.min(symbol.size, height) / 2;
    const transform = `translate(${width / 2} ${cy}) scale(${r})`;
    body = (
      <g transform={transform} opacity={symbol.opacity ?? 1}>
        {symbol.hollow ? (
          <path d={SHAPE_PATHS[symbol.shape]} fill="#fff" stroke={rgbCss(symbol.color)} strokeWidth={0.3} strokeLinejoin="round" />
        ) : (
          <>
            <path d={SHAPE_PATHS[symbol.shape]} fill="none" stroke="#fff" strokeWidth={0.28} strokeLinejoin="round" />
            <path d={SHAPE_PATHS[symbol.shape]} fill={rgbCss(symbol.color)} />
          </>
        )}
      </g>
    );
  } else {
    const dash = symbol.dashed ? (symbol.dashArray ?? [4, 3]).join(' ') : undefined;
    body = (
      <>
        {symbol.hatch && (
          <defs>
            <pattern id={hatchId} width={5} height={5} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1={0} y1={0} x2={0} y2={5} stroke={rgbCss(symbol.stroke)} strokeWidth={1.2} />
            </pattern>
          </defs>
        )}
        <rect x={2} y={2} width={width - 4} height={height - 4} rx={2} fill={rgbCss(symbol.fill, Math.max(symbol.fillOpacity, 0.12))} />
        {symbol.hatch && <rect x={2} y={2} width={width - 4} height={height - 4} rx={2} fill={`url(#${hatchId})`} />}
        <rect
          x={2}
          y={2}
          width={width - 4}
          height={height - 4}
          rx={2}
          fill="none"
          stroke={rgbCss(symbol.stroke, symbol.dashed ? 1 : 0.7)}
          strokeWidth={symbol.strokeWidth ?? 1.5}
          strokeDasharray={dash}
        />
      </>
    );
  }
  return (
    <svg className="symbol-icon" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      {body}
    </svg>
  );
}
