// Map layer factory: the drawn filter area — a dark outline over a white halo so it reads on
// any fill beneath, above the incident layers and below labels.
import { PathLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LngLat, PolygonGeometry } from '../../model';

export function drawnAreaLayers(area: PolygonGeometry | null): Layer[] {
  if (!area) return [];
  const data = [area.coordinates[0]];
  const path = (id: string, color: [number, number, number, number], width: number) =>
    new PathLayer<LngLat[]>({
      id,
      data,
      getPath: (ring) => ring,
      getColor: color,
      getWidth: width,
      widthUnits: 'pixels',
      jointRounded: true,
    });
  return [path('drawn-area-halo', [255, 255, 255, 230], 6), path('drawn-area', [8, 48, 107, 255], 2.5)];
}
