// Map layer factory: cameras as symbols (shape = kind, colour = status) and, when zoomed in,
// their fields of view as sectors — the area a camera actually sees.
import { IconLayer, PolygonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { CameraCollection, CameraFeature } from '../../model';
import { cameraSector } from '../../analysis/cameras/camera-sector';
import { CAMERA_STATUS_COLORS, hexToRgba } from '../colors';
import { cameraIconAtlas, cameraIconName } from './camera-icons';

/** Fields of view are drawn from this zoom on; below it they are a blur of overlapping fans. */
export const FOV_MIN_ZOOM = 15;

const STATUS_RGBA = {
  online: hexToRgba(CAMERA_STATUS_COLORS.online),
  offline: hexToRgba(CAMERA_STATUS_COLORS.offline),
  faulty: hexToRgba(CAMERA_STATUS_COLORS.faulty),
};

interface Sector {
  polygon: [number, number][];
  camera: CameraFeature;
}
const sectorCache = new WeakMap<CameraCollection, Sector[]>();
function sectors(cameras: CameraCollection): Sector[] {
  let s = sectorCache.get(cameras);
  if (!s) {
    s = cameras.features.map((camera) => {
      const p = camera.properties;
      return { camera, polygon: cameraSector(camera.geometry.coordinates, p.heading, p.fov, p.range) };
    });
    sectorCache.set(cameras, s);
  }
  return s;
}

export interface CameraLayerInput {
  cameras: CameraCollection;
  visible: boolean;
  zoom: number;
  selectedId: string | null;
}

export function cameraLayers(p: CameraLayerInput): Layer[] {
  const atlas = cameraIconAtlas();
  const layers: Layer[] = [];
  if (p.visible && p.zoom >= FOV_MIN_ZOOM) {
    layers.push(
      new PolygonLayer<Sector>({
        id: 'camera-fov',
        data: sectors(p.cameras),
        getPolygon: (d) => d.polygon,
        // Only a working camera covers anything: broken ones keep an outline and no fill.
        getFillColor: (d) => (d.camera.properties.status === 'online' ? [0, 114, 178, 30] : [0, 0, 0, 0]),
        getLineColor: (d) => [...STATUS_RGBA[d.camera.properties.status].slice(0, 3), 160] as [number, number, number, number],
        getLineWidth: 1,
        lineWidthUnits: 'pixels',
        stroked: true,
        filled: true,
        pickable: false,
      }),
    );
  }
  layers.push(
    new IconLayer<CameraFeature>({
      id: 'cameras',
      data: p.cameras.features,
      visible: p.visible,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 140],
      iconAtlas: atlas.url,
      iconMapping: atlas.mapping,
      getIcon: (f) => cameraIconName(f.properties.kind, f.properties.status === 'online'),
      getPosition: (f) => f.geometry.coordinates,
      // deck.gl turns icons counter-clockwise; headings run clockwise from north.
      getAngle: (f) => (f.properties.kind === 'street-bullet' ? -f.properties.heading : 0),
      getColor: (f) => STATUS_RGBA[f.properties.status],
      getSize: (f) => (f.properties.id === p.selectedId ? 26 : f.properties.kind === 'checkpoint' ? 16 : 13),
      sizeUnits: 'pixels',
      // Smaller at county scale, where two thousand symbols would otherwise hide the map.
      sizeScale: p.zoom < 11 ? 0.45 : p.zoom < 13 ? 0.7 : 1,
      sizeMinPixels: 5,
      updateTriggers: { getSize: p.selectedId },
    }),
  );
  return layers;
}
