// Map: the terra-draw modes of the grid editor — drawing a grid (polygon), a split line
// (linestring) and dragging a selected grid's vertices (select) — and keeping terra-draw offline.
// Its marker styles default to an image on raw.githubusercontent.com: no marker mode is
// registered and only polygons and lines are ever added, so no marker is drawn, but the select
// mode still carries the default, so it is set to a local image (a 1×1 transparent PNG as a
// data: URL, which the Content-Security-Policy allows); the build also replaces terra-draw's
// default itself (scripts/vite-offline-terra-draw.ts).
import { TerraDrawLineStringMode, TerraDrawPolygonMode, TerraDrawSelectMode, type SnapToCustom } from 'terra-draw';

export const LOCAL_MARKER_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';

const STYLE = { fill: '#cc0099', outline: '#6a0050' } as const;

/** The editor's modes, corners and vertices snapping through `snap`. */
export function gridEditModes(snap: SnapToCustom) {
  const polygonStyles = { fillColor: STYLE.fill, fillOpacity: 0.2, outlineColor: STYLE.outline, outlineWidth: 3, closingPointColor: '#ffffff', closingPointOutlineColor: STYLE.outline, closingPointWidth: 7, closingPointOutlineWidth: 2, snappingPointColor: '#ffff00', snappingPointOutlineColor: '#000000', snappingPointWidth: 5 } as const;
  return [
    new TerraDrawPolygonMode({
      // Self-crossing grids are allowed to be drawn and are listed as topology problems: nothing is refused silently.
      snapping: { toCustom: snap },
      // The first corner closes the grid within 8 px: village corners may lie ~10 px apart at street zooms.
      pointerDistance: 8,
      keyEvents: { cancel: 'Escape', finish: 'Enter' },
      styles: polygonStyles,
    }),
    new TerraDrawLineStringMode({ keyEvents: { cancel: 'Escape', finish: 'Enter' }, styles: { lineStringColor: STYLE.outline, lineStringWidth: 3, closingPointColor: '#ffffff', closingPointOutlineColor: STYLE.outline } }),
    new TerraDrawSelectMode({
      flags: { polygon: { feature: { draggable: false, coordinates: { draggable: true, midpoints: true, deletable: true, snappable: { toCustom: snap } } } } },
      keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
      styles: { selectedPolygonColor: STYLE.fill, selectedPolygonFillOpacity: 0.15, selectedPolygonOutlineColor: STYLE.outline, selectedPolygonOutlineWidth: 3, selectionPointColor: '#ffffff', selectionPointOutlineColor: STYLE.outline, selectionPointWidth: 5, selectionPointOutlineWidth: 2, midPointColor: STYLE.fill, midPointWidth: 3, selectedMarkerUrl: LOCAL_MARKER_URL },
    }),
  ];
}
