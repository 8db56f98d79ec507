// What-if edits of cameras (state/camera-whatif): edits merge into the register's view, are
// clamped to what a camera can be, an edit back to the register's values is dropped, and the
// cameras as drawn keep unedited features by identity.
import { beforeEach, describe, expect, it } from 'vitest';
import type { CameraCollection, CameraFeature } from '../../src/model';
import { camerasWithEdits, editCamera, resetAllCameras, resetCamera, useCameraWhatIf } from '../../src/state/camera-whatif';

const camera = (id: string, lng: number): CameraFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, 33] },
  properties: { id, name: id, kind: 'street-bullet', status: 'online', heading: 340, fov: 60, range: 80, townId: 't', installedYear: 2020 },
});
const a = camera('A', 117);
const b = camera('B', 117.01);
const cameras: CameraCollection = { type: 'FeatureCollection', features: [a, b] };

describe('camera what-if edits', () => {
  beforeEach(() => resetAllCameras());

  it('merges edits into the register view and clamps them', () => {
    editCamera(a, { heading: 350 + 30 });
    expect(useCameraWhatIf.getState().edits.A).toEqual({ lng: 117, lat: 33, heading: 20, fov: 60, range: 80 });
    editCamera(a, { fov: 400, range: -5 });
    expect(useCameraWhatIf.getState().edits.A).toEqual({ lng: 117, lat: 33, heading: 20, fov: 360, range: 1 });
    editCamera(a, { heading: -15 });
    expect(useCameraWhatIf.getState().edits.A.heading).toBe(345);
  });

  it('drops an edit that returns to the register values, and resets', () => {
    editCamera(a, { heading: 10 });
    editCamera(b, { lng: 117.02 });
    editCamera(a, { heading: 340 });
    expect(Object.keys(useCameraWhatIf.getState().edits)).toEqual(['B']);
    resetCamera('B');
    expect(useCameraWhatIf.getState().edits).toEqual({});
  });

  it('applies edits to the collection, keeping unedited features by identity', () => {
    expect(camerasWithEdits(cameras, {})).toBe(cameras);
    editCamera(b, { lng: 117.02, lat: 33.01, fov: 90 });
    const drawn = camerasWithEdits(cameras, useCameraWhatIf.getState().edits);
    expect(drawn.features[0]).toBe(a);
    expect(drawn.features[1].geometry.coordinates).toEqual([117.02, 33.01]);
    expect(drawn.features[1].properties).toEqual({ ...b.properties, fov: 90 });
    expect(b.geometry.coordinates).toEqual([117.01, 33]); // the register's camera is untouched
  });
});
