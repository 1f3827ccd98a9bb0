/**
 * Everything drawn with deck.gl: the overlay and the layers of the themes and of the imported
 * layers. deck.gl and luma.gl are about 1 MB of the page's code and nothing of the basemap's first
 * frame needs them, so this module is a chunk of its own, loaded by loadDeck() (load-deck.ts) after
 * that frame and by the export before its first map. Nothing else may import deck.gl's code (types
 * are free): a static import would pull it back into the page's entry chunk.
 */
export { mountOverlay } from './overlay.ts';
export { buildThemeLayers } from './themes/deck-layers.ts';
export { buildUserLayers } from './imported-deck-layers.ts';
