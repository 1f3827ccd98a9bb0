/**
 * The atlas's one font, for the HTML UI and the map labels alike.
 *
 * public/fonts/manifest.json (from scripts/fonts.ts) lists subset woff2 files of Noto Sans and
 * Noto Sans SC with the exact characters each holds. Here they become:
 * - CSS font faces of the family "Atlas Sans" (the CSS Font Loading API's equivalent of
 *   `@font-face`, generated from the manifest so file names and unicode ranges stay in one place);
 *   src/styles/app.css sets `font-family: "Atlas Sans"` and nothing else, so no system font is used;
 * - MapLibre's `font-faces` style property, with the same files and ranges, so labels are drawn
 *   from the same font without a glyph server.
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import { assetUrl, getJson } from './assets.ts';
import type { FontManifest } from './font-manifest.ts';

export type { FontManifest };

const fontUrl = (file: string) => assetUrl(`fonts/${file}`);

export function loadFontManifest(): Promise<FontManifest> {
  return getJson<FontManifest>('fonts/manifest.json', ' (run npm run prepare-data)');
}

/**
 * Registers every face with `document.fonts`. Faces load lazily, like `@font-face`, when text that
 * needs them is drawn; `preloadWeights` loads the given weights now, so the first paint of the UI
 * already uses the atlas font.
 */
export async function registerCssFonts(manifest: FontManifest, preloadWeights: number[] = [400]): Promise<void> {
  const loads: Array<Promise<unknown>> = [];
  for (const w of manifest.weights) {
    for (const face of w.faces) {
      const ff = new FontFace(manifest.family, `url("${fontUrl(face.file)}") format("woff2")`, {
        weight: String(w.weight),
        style: 'normal',
        display: 'swap',
        unicodeRange: face.unicodeRange.join(','),
      });
      document.fonts.add(ff);
      if (preloadWeights.includes(w.weight)) loads.push(ff.load());
    }
  }
  await Promise.all(loads);
}

/** The `font-faces` style property: one MapLibre font name per weight, its files by unicode range. */
export function maplibreFontFaces(manifest: FontManifest): FontFacesSpecification {
  const out: FontFacesSpecification = {};
  for (const w of manifest.weights) {
    out[w.maplibreName] = w.faces.map((f) => ({ url: fontUrl(f.file), 'unicode-range': f.unicodeRange }));
  }
  return out;
}

/** `text-font` stacks for the map: regular and semibold (falls back to regular). */
export function maplibreFontStacks(manifest: FontManifest): { regular: string[]; semibold: string[] } {
  const regular = manifest.weights.find((w) => w.weight === 400)?.maplibreName ?? manifest.weights[0]!.maplibreName;
  const semibold = manifest.weights.find((w) => w.weight > 400)?.maplibreName ?? regular;
  return { regular: [regular], semibold: [semibold] };
}
