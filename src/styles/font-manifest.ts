/** The shape of public/fonts/manifest.json, written by scripts/fonts.ts. Pure types. */
export interface ManifestFace {
  /** File name inside public/fonts/. */
  file: string;
  /** The Fontsource file it was cut from. */
  source: string;
  /** CSS unicode-range entries of exactly the characters it holds. */
  unicodeRange: string[];
  chars: number;
  bytes: number;
  gzipBytes: number;
}

export interface ManifestWeight {
  weight: number;
  /** The font name map layers use in `text-font`, e.g. "Atlas Sans Regular". */
  maplibreName: string;
  faces: ManifestFace[];
  bytes: number;
}

export interface FontManifest {
  version: 1;
  /** CSS family name, e.g. "Atlas Sans". */
  family: string;
  maplibreNames: Record<string, string>;
  weights: ManifestWeight[];
  chars: number;
  /** Characters no source font covers; empty when all is well. */
  missing: string;
  totalBytes: number;
  inputs: string[];
  licence: string;
}
