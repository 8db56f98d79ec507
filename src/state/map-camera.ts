// State: requests to move the map ("fly to this hot spot"). Panels ask here; the map view
// hands each request to the map controller once. The map's own position is not stored.
import { create } from 'zustand';

export interface CameraRequest {
  center: [number, number];
  zoom: number;
}

export const useMapCamera = create<{ request: CameraRequest | null; flyTo(r: CameraRequest): void }>((set) => ({
  request: null,
  flyTo(request) {
    set({ request });
  },
}));
