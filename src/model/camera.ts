// Model: video cameras (视频监控) and their field of view. No logic.
import type { Feature, FeatureCollection } from './geo';

/**
 * street-bullet/street-dome: public network (天网) street cameras; checkpoint: 卡口;
 * traffic: traffic-enforcement (电子警察); social: unit and shop cameras connected to the police
 * (社会面); village-alarm: cheap village devices (小技防).
 */
export const CAMERA_KINDS = [
  'street-bullet',
  'street-dome',
  'checkpoint',
  'traffic',
  'social',
  'village-alarm',
] as const;
export type CameraKind = (typeof CAMERA_KINDS)[number];

export const CAMERA_STATUSES = ['online', 'offline', 'faulty'] as const;
export type CameraStatus = (typeof CAMERA_STATUSES)[number];

export interface CameraProps {
  id: string;
  name: string;
  kind: CameraKind;
  status: CameraStatus;
  /** Direction the camera looks, degrees clockwise from north. Domes rotate: fov 360. */
  heading: number;
  /** Horizontal field of view in degrees (360 for a dome that can turn all round). */
  fov: number;
  /** Distance at which a person is still recognisable, metres. */
  range: number;
  townId: string;
  installedYear: number;
  /** Mounting height above the ground, metres, when known. */
  height?: number;
}

/**
 * Field of view (degrees) and range (metres) a camera of each kind gets when the data do not say.
 * Editable assumptions, not measurements: typical figures for these device classes (a bullet with
 * a mid-focal lens recognises a face to about 80 m; a dome turns all round; checkpoint and traffic
 * cameras are zoomed onto lanes; shop and village devices are wide and short-sighted). Change them
 * here or per camera.
 */
export const CAMERA_DEFAULTS: Readonly<Record<CameraKind, { fov: number; range: number }>> = {
  'street-bullet': { fov: 60, range: 80 },
  'street-dome': { fov: 360, range: 60 },
  checkpoint: { fov: 40, range: 50 },
  traffic: { fov: 50, range: 60 },
  social: { fov: 90, range: 30 },
  'village-alarm': { fov: 100, range: 20 },
};
export interface PointGeometry {
  type: 'Point';
  coordinates: [number, number];
}
export type CameraFeature = Feature<PointGeometry, CameraProps>;
export type CameraCollection = FeatureCollection<PointGeometry, CameraProps>;
