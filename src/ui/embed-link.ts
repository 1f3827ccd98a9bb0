/**
 * Links between the full atlas and its embed (`?embed=1`): this page's address with the map's
 * present view, as an embed or as the full atlas, and the iframe snippet the Views dialog offers.
 */
import { encodeView, linkWithEmbed } from '../domain/url-state.ts';
import type { MapController } from '../map/controller.ts';

/**
 * This page's address, as an embed or as the full atlas, with the view the map shows now in the
 * hash (MapLibre writes its hash a moment after a move; the query is the app's, written after
 * each change). Origin and path are the page's own, so it works wherever the atlas is served.
 */
export function currentLink(map: MapController | null, embed: boolean, href = window.location.href): string {
  const here = new URL(href);
  if (map) {
    const parts = here.hash.replace(/^#/, '').split('&').filter((p) => p !== '' && !p.startsWith('map='));
    here.hash = [`map=${encodeView(map.view())}`, ...parts].join('&');
  }
  return linkWithEmbed(here.href, embed);
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** An iframe element for a page: its size, and a title that names it for screen readers. */
export function iframeSnippet(src: string, title: string, width = 800, height = 600): string {
  return `<iframe src="${attr(src)}" width="${width}" height="${height}" title="${attr(title)}" style="border:0" loading="lazy" allowfullscreen></iframe>`;
}
