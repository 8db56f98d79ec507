// Map: drawing one area (a polygon) on the map with terra-draw, for the incident filter.
// Owned by the MapController. terra-draw draws its in-progress shape with MapLibre layers; the
// finished area is handed back and shown by the deck.gl stack (layers/drawn-area-layer.ts).
import type { Map as MaplibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, ValidateNotSelfIntersecting } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { LngLat, PolygonGeometry } from '../model';

const MODE = 'polygon';

export class AreaDrawing {
  private draw: TerraDraw | null = null;
  private onDone: ((area: PolygonGeometry) => void) | null = null;
  private finishedAt = -Infinity;

  constructor(private readonly map: MaplibreMap) {}

  get active(): boolean {
    return this.onDone !== null;
  }

  /**
   * Whether pointer events belong to the drawing: while drawing and for a moment after, since
   * the click that closes the area reaches deck.gl after terra-draw has finished it.
   */
  ownsPointer(): boolean {
    return this.active || performance.now() - this.finishedAt < 400;
  }

  /** Starts drawing: clicks add corners; a click on the first corner, a double click or Enter closes it; Escape cancels. */
  start(onDone: (area: PolygonGeometry) => void): void {
    this.onDone = onDone;
    const draw = this.ensureDraw();
    if (!draw.enabled) draw.start();
    draw.clear();
    draw.setMode(MODE);
  }

  /** Stops drawing and removes any unfinished shape. */
  stop(): void {
    this.onDone = null;
    if (this.draw?.enabled) {
      this.draw.clear();
      this.draw.stop();
    }
  }

  destroy(): void {
    this.stop();
    this.draw = null;
  }

  private ensureDraw(): TerraDraw {
    if (this.draw) return this.draw;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, coordinatePrecision: 6 }),
      modes: [
        new TerraDrawPolygonMode({
          // A self-crossing area has no clear inside: refuse the corner that would cross.
          validation: (feature) => ValidateNotSelfIntersecting(feature),
          keyEvents: { cancel: 'Escape', finish: 'Enter' },
          styles: {
            fillColor: '#1f78b4',
            fillOpacity: 0.15,
            outlineColor: '#08306b',
            outlineWidth: 3,
            closingPointColor: '#ffffff',
            closingPointOutlineColor: '#08306b',
            closingPointWidth: 6,
            closingPointOutlineWidth: 2,
          },
        }),
      ],
    });
    draw.on('finish', (id) => {
      const feature = draw.getSnapshotFeature(id);
      const done = this.onDone;
      if (!feature || feature.geometry.type !== 'Polygon' || !done) return;
      const ring = feature.geometry.coordinates[0].map(([lng, lat]) => [lng, lat] as LngLat);
      this.stop();
      this.finishedAt = performance.now();
      done({ type: 'Polygon', coordinates: [ring] });
    });
    this.draw = draw;
    return draw;
  }
}
