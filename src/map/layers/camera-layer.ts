// Map layer factory: cameras as symbols (shape = kind for working cameras; a red or amber badge
// for those not online) and, when zoomed in, their fields of view as sectors — the area a camera
// actually sees. Cameras come after every area fill in the layer stack, so they are drawn above
// the fills and deck.gl's picking (which keeps the top-most object under the pointer) gives a
// click on a camera inside a hotspot to the camera.
import { IconLayer, PathLayer, PolygonLayer, type IconLayerProps } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { CameraCollection, CameraFeature } from '../../model';
import { cameraSector } from '../../analysis/cameras/camera-sector';
import { CAMERA_STATUS_COLORS, hexToRgba } from '../colors';
import { cameraIconAtlas, cameraIconName } from './camera-icons';
import { dashedPath } from '../dashed-path';

/** Fields of view are drawn from this zoom on; below it they are a blur of overlapping fans. */
export const FOV_MIN_ZOOM = 15;

const ONLINE = hexToRgba(CAMERA_STATUS_COLORS.online);

interface Sector {
  polygon: [number, number][];
  camera: CameraFeature;
}
interface CameraGeometry {
  /** Sectors of the working cameras: a faint fill and a clear outline. */
  online: Sector[];
  /** Dashes of the outlines of cameras not online: what they would see, but do not. */
  downDashes: [number, number][][];
  /** Cameras, those not online last so that their badges lie above working ones. */
  drawOrder: CameraFeature[];
}
const cache = new WeakMap<CameraCollection, CameraGeometry>();
/** Sectors by feature: a what-if edit makes a new collection, but only the edited feature is new. */
const sectors = new WeakMap<CameraFeature, [number, number][]>();
function sectorOf(camera: CameraFeature): [number, number][] {
  let s = sectors.get(camera);
  if (!s) {
    const p = camera.properties;
    sectors.set(camera, (s = cameraSector(camera.geometry.coordinates, p.heading, p.fov, p.range)));
  }
  return s;
}
function geometry(cameras: CameraCollection): CameraGeometry {
  let g = cache.get(cameras);
  if (!g) {
    g = { online: [], downDashes: [], drawOrder: [] };
    for (const camera of cameras.features) {
      const polygon = sectorOf(camera);
      if (camera.properties.status === 'online') g.online.push({ camera, polygon });
      else g.downDashes.push(...dashedPath(polygon, 6, 5));
    }
    g.drawOrder = [...cameras.features.filter((f) => f.properties.status === 'online'), ...cameras.features.filter((f) => f.properties.status !== 'online')];
    cache.set(cameras, g);
  }
  return g;
}

export interface CameraLayerInput {
  cameras: CameraCollection;
  visible: boolean;
  zoom: number;
  selectedId: string | null;
  dark?: boolean;
}

export function cameraLayers(p: CameraLayerInput): Layer[] {
  const atlas = cameraIconAtlas();
  const g = geometry(p.cameras);
  const layers: Layer[] = [];
  if (p.visible && p.zoom >= FOV_MIN_ZOOM) {
    layers.push(
      new PolygonLayer<Sector>({
        id: 'camera-fov',
        data: g.online,
        getPolygon: (d) => d.polygon,
        // A faint fill (alpha 20/255, was 30): ten overlapping fans still leave the map readable
        // below (1 − (1 − 0.078)^10 ≈ 56 % cover, against 72 %); the outline says where each looks.
        // On the dark theme the same blue is lost against the navy basemap: sky blue there.
        getFillColor: p.dark ? [86, 180, 233, 20] : [0, 114, 178, 20],
        getLineColor: p.dark ? [86, 180, 233, 190] : [0, 114, 178, 170],
        getLineWidth: 1,
        lineWidthUnits: 'pixels',
        stroked: true,
        filled: true,
        pickable: false,
      }),
      new PathLayer<[number, number][]>({
        id: 'camera-fov-down',
        data: g.downDashes,
        getPath: (d) => d,
        getColor: p.dark ? [170, 170, 170, 220] : [95, 95, 95, 220],
        getWidth: 1.5,
        widthUnits: 'pixels',
        pickable: false,
      }),
    );
  }
  layers.push(
    new IconLayer<CameraFeature>({
      id: 'cameras',
      data: g.drawOrder,
      visible: p.visible,
      pickable: true,
      autoHighlight: true,
      highlightColor: [255, 255, 255, 140],
      // A canvas, made a texture at once by deck.gl's 'image' prop (its type names only a URL or a Texture).
      iconAtlas: atlas.image as unknown as IconLayerProps['iconAtlas'],
      iconMapping: atlas.mapping,
      getIcon: (f) => cameraIconName(f.properties.kind, f.properties.status),
      getPosition: (f) => f.geometry.coordinates,
      // deck.gl turns icons counter-clockwise; headings run clockwise from north. Badges stay upright.
      getAngle: (f) => (f.properties.kind === 'street-bullet' && f.properties.status === 'online' ? -f.properties.heading : 0),
      // Masks take this colour; badges carry their own and take only its alpha.
      getColor: ONLINE,
      getSize: (f) => {
        const down = f.properties.status !== 'online';
        if (f.properties.id === p.selectedId) return down ? 30 : 26;
        return down ? 20 : f.properties.kind === 'checkpoint' ? 16 : 13;
      },
      sizeUnits: 'pixels',
      // Smaller at county scale, where two thousand symbols would otherwise hide the map.
      sizeScale: p.zoom < 11 ? 0.45 : p.zoom < 13 ? 0.7 : 1,
      sizeMinPixels: 5,
      updateTriggers: { getSize: p.selectedId },
    }),
  );
  return layers;
}
