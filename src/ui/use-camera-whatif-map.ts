// UI: connects the cameras' what-if edits to the map controller — the cameras as drawn (edits
// applied), the edited ones marked, and the drag gesture of the camera being moved.
import { useEffect, useMemo, type RefObject } from 'react';
import type { CameraCollection, MapData } from '../model';
import type { MapController } from '../map/map-controller';
import type { WhatIfCamera } from '../map/layers/whatif-layer';
import { camerasWithEdits, editCamera, originalEdit, useCameraWhatIf } from '../state/camera-whatif';

/** The cameras to draw and the what-if markers (null when nothing is edited). */
export function useWhatIfCameras(data: MapData): { cameras: CameraCollection; whatIf: WhatIfCamera[] | null } {
  const edits = useCameraWhatIf((s) => s.edits);
  return useMemo(() => {
    const cameras = camerasWithEdits(data.cameras, edits);
    if (cameras === data.cameras) return { cameras, whatIf: null };
    const whatIf: WhatIfCamera[] = [];
    for (const f of data.cameras.features) {
      const e = edits[f.properties.id];
      if (!e) continue;
      const o = originalEdit(f);
      whatIf.push({ id: f.properties.id, from: [o.lng, o.lat], to: [e.lng, e.lat], heading: e.heading, fov: e.fov, range: e.range });
    }
    return { cameras, whatIf };
  }, [data, edits]);
}

/** While a camera is being moved (its details' "drag on the map"), a press on it drags it. */
export function useCameraDrag(controller: RefObject<MapController | null>, data: MapData): void {
  const moving = useCameraWhatIf((s) => s.moving);
  useEffect(() => {
    const c = controller.current;
    const camera = moving ? data.cameras.features.find((f) => f.properties.id === moving) : undefined;
    if (!c) return;
    if (!camera) return c.dragCamera(null);
    const to = (p: [number, number]) => editCamera(camera, { lng: p[0], lat: p[1] });
    c.dragCamera({
      position: () => {
        const e = useCameraWhatIf.getState().edits[camera.properties.id];
        return e ? [e.lng, e.lat] : camera.geometry.coordinates;
      },
      onMove: to,
      onDone: to,
    });
    return () => c.dragCamera(null);
  }, [controller, data, moving]);
}
