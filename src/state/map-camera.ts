// State: requests to move the map ("fly to this hot spot", "show this grid"). Panels ask here; the
// map view hands each request to the map controller once. The map's own position is not stored.
import { create } from 'zustand';
import type { BBox } from '../model';

/**
 * A point and zoom to fly to, or an area ([west, south, east, north], degrees) to fit in view —
 * with `margin`, a share of the map's width and height kept free on each side besides the room
 * for the map's own controls (the wall screen frames each hotspot well inside the picture).
 */
export type CameraRequest = { center: [number, number]; zoom: number } | { bounds: BBox; margin?: number };

export const useMapCamera = create<{ request: CameraRequest | null; flyTo(r: CameraRequest): void }>((set) => ({
  request: null,
  flyTo(request) {
    set({ request });
  },
}));
