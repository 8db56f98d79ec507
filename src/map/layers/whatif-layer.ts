// Map layer factory: cameras under what-if edits — a magenta ring and outlined view at the edited
// camera, a hollow ring where the register has it, and a line between the two when it was moved:
// a what-if must never be mistaken for the register's camera.
import { PathLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LngLat } from '../../model';
import type { RGBA } from '../colors';
import { cameraSector } from '../../analysis/cameras/camera-sector';

/** One edited camera: where the register has it, and its edited view. */
export interface WhatIfCamera {
  id: string;
  from: LngLat;
  to: LngLat;
  heading: number;
  fov: number;
  range: number;
}

const MAGENTA: RGBA = [204, 0, 153, 255];

interface Drawn extends WhatIfCamera {
  sector: LngLat[];
}
const cache = new WeakMap<readonly WhatIfCamera[], Drawn[]>();

export function whatIfLayers(cameras: readonly WhatIfCamera[] | null, visible: boolean): Layer[] {
  if (!cameras || cameras.length === 0) return [];
  let drawn = cache.get(cameras);
  if (!drawn) cache.set(cameras, (drawn = cameras.map((c) => ({ ...c, sector: cameraSector(c.to, c.heading, c.fov, c.range) }))));
  const moved = drawn.filter((c) => c.from[0] !== c.to[0] || c.from[1] !== c.to[1]);
  return [
    new PolygonLayer<Drawn>({
      id: 'whatif-view',
      data: drawn,
      visible,
      getPolygon: (d) => d.sector,
      getFillColor: [204, 0, 153, 30],
      getLineColor: MAGENTA,
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      stroked: true,
      filled: true,
      pickable: false,
    }),
    new PathLayer<Drawn>({
      id: 'whatif-moved',
      data: moved,
      visible,
      getPath: (d) => [d.from, d.to],
      getColor: [204, 0, 153, 200],
      getWidth: 2,
      widthUnits: 'pixels',
      pickable: false,
    }),
    new ScatterplotLayer<Drawn>({
      id: 'whatif-register',
      data: moved,
      visible,
      getPosition: (d) => d.from,
      getRadius: 7,
      radiusUnits: 'pixels',
      stroked: true,
      filled: false,
      getLineColor: [120, 120, 120, 230],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      pickable: false,
    }),
    new ScatterplotLayer<Drawn>({
      id: 'whatif-cameras',
      data: drawn,
      visible,
      getPosition: (d) => d.to,
      getRadius: 13,
      radiusUnits: 'pixels',
      stroked: true,
      filled: false,
      getLineColor: MAGENTA,
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      pickable: false,
    }),
  ];
}
