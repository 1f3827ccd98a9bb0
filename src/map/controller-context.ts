/** The live map's controller, handed down by React context (null while there is no map). */
import { createContext, useContext } from 'react';
import type { MapController } from './controller.ts';

export const MapControllerContext = createContext<MapController | null>(null);

export function useMapController(): MapController | null {
  return useContext(MapControllerContext);
}
