// Map layer factory: candidate areas suggested from Gi* hot cells — dashed-looking violet
// outlines over a light fill, distinct from the listed hotspots' status colours.
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { AreaGeometry } from '../../model';

export function candidateLayer(areas: readonly AreaGeometry[] | null): Layer[] {
  if (!areas || areas.length === 0) return [];
  return [
    new GeoJsonLayer({
      id: 'register-candidates',
      data: areas.map((geometry) => ({ type: 'Feature' as const, geometry, properties: {} })),
      filled: true,
      stroked: true,
      getFillColor: [123, 50, 148, 50],
      getLineColor: [123, 50, 148, 255],
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      pickable: false,
    }),
  ];
}
