/**
 * The app's icons for its web manifest (installable, vite.config.ts), drawn here rather than
 * downloaded: a blue tile with a white railway-like line through three stations, the last one the
 * plan's red. `public/icons/icon-192.png`, `icon-512.png`, and `icon-maskable-512.png` (full bleed,
 * the drawing inside the central 80 % that launchers keep). Run by scripts/ensure-built.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

type RGB = [number, number, number];
const BLUE: RGB = [29, 78, 137];
const WHITE: RGB = [255, 255, 255];
const RED: RGB = [200, 30, 45];

/** Distance from p to the segment a–b. */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at a point of the unit square (0–1), or null outside the drawing. */
function shade(x: number, y: number, maskable: boolean): RGB | null {
  // Rounded tile (the maskable icon fills the square: the launcher cuts its own shape).
  const r = maskable ? 0 : 0.18;
  const qx = Math.max(r - x, 0, x - (1 - r));
  const qy = Math.max(r - y, 0, y - (1 - r));
  if (!maskable && Math.hypot(qx, qy) > r) return null;
  // The drawing, scaled into the safe zone for the maskable icon.
  const s = maskable ? 0.8 : 1;
  const u = (x - 0.5) / s + 0.5;
  const v = (y - 0.5) / s + 0.5;
  const stations: [number, number][] = [
    [0.22, 0.7],
    [0.47, 0.42],
    [0.78, 0.3],
  ];
  const [a, b, c] = stations as [[number, number], [number, number], [number, number]];
  if (Math.hypot(u - c[0], v - c[1]) < 0.085) return RED;
  for (const [sx, sy] of [a, b]) if (Math.hypot(u - sx, v - sy) < 0.075) return WHITE;
  if (segDist(u, v, a[0], a[1], b[0], b[1]) < 0.035 || segDist(u, v, b[0], b[1], c[0], c[1]) < 0.035) return WHITE;
  return BLUE;
}

export function drawIcon(size: number, maskable = false): Buffer {
  const png = new PNG({ width: size, height: size });
  const ss = 4; // 4 × 4 samples a pixel: smooth edges
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let j = 0; j < ss; j++)
        for (let i = 0; i < ss; i++) {
          const c = shade((px + (i + 0.5) / ss) / size, (py + (j + 0.5) / ss) / size, maskable);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      const k = (py * size + px) * 4;
      png.data[k] = a ? Math.round(r / a) : 0;
      png.data[k + 1] = a ? Math.round(g / a) : 0;
      png.data[k + 2] = a ? Math.round(b / a) : 0;
      png.data[k + 3] = Math.round((255 * a) / (ss * ss));
    }
  return PNG.sync.write(png);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync('public/icons', { recursive: true });
  writeFileSync('public/icons/icon-192.png', drawIcon(192));
  writeFileSync('public/icons/icon-512.png', drawIcon(512));
  writeFileSync('public/icons/icon-maskable-512.png', drawIcon(512, true));
  console.log('[icons] public/icons/icon-192.png, icon-512.png, icon-maskable-512.png');
}
