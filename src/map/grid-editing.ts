// Map: the grid editor's gestures with terra-draw — drawing a new grid (corners snap to the
// layout's vertices and edges within a pixel tolerance, through terra-draw's toCustom snapping
// and the pure snap-to-grids.ts), drawing a split line, and dragging a selected grid's vertices.
// Owned by the MapController; the layout itself is drawn by deck.gl (layers/grid-edit-layer.ts).
import type { Map as MaplibreMap } from 'maplibre-gl';
import { TerraDraw, type SnapToCustom } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { LngLat, PolygonGeometry } from '../model';
import { snapToRings } from '../analysis/grids/snap-to-grids';
import { boxesMeet } from '../analysis/grids/grid-prorate';
import { gridEditModes } from './grid-edit-modes';

/** What the editor asks the map for; null ends any gesture. */
export type GridEditRequest =
  | { tool: 'draw'; snapPx: number; rings: LngLat[][]; onSketch(shape: PolygonGeometry | null): void; onDone(shape: PolygonGeometry): void }
  | { tool: 'split'; onDone(line: LngLat[]): void }
  | { tool: 'reshape'; shape: PolygonGeometry; snapPx: number; rings: LngLat[][]; onDone(shape: PolygonGeometry): void };

export class GridEditing {
  private draw: TerraDraw | null = null;
  private request: GridEditRequest | null = null;
  private finishedAt = -Infinity;
  private sketchCorners = -1;

  constructor(private readonly map: MaplibreMap) {}

  /** A gesture is under way (drawing or a split line): clicks belong to terra-draw. */
  get active(): boolean {
    return this.request !== null && this.request.tool !== 'reshape';
  }

  /**
   * Whether pointer events belong to the gesture — and for a moment after the click that ended
   * it, which reaches deck.gl after terra-draw has finished (a frame later; slow frames on a
   * weak machine), and would otherwise select the neighbour under the closing corner.
   */
  ownsPointer(): boolean {
    return this.active || performance.now() - this.finishedAt < 1500;
  }

  set(request: GridEditRequest | null): void {
    this.request = request;
    if (!request) {
      if (this.draw?.enabled) {
        this.draw.clear();
        this.draw.stop();
      }
      return;
    }
    const draw = this.ensureDraw();
    if (!draw.enabled) draw.start();
    draw.clear();
    this.sketchCorners = -1;
    if (request.tool === 'draw') draw.setMode('polygon');
    else if (request.tool === 'split') draw.setMode('linestring');
    else {
      draw.setMode('select');
      const [result] = draw.addFeatures([{ type: 'Feature', geometry: request.shape, properties: { mode: 'polygon' } }]);
      if (result?.valid) draw.selectFeature(result.id as string);
    }
  }

  destroy(): void {
    this.set(null);
    this.draw = null;
  }

  /** The snapped position for a pointer, against the rings near it (bounding boxes first). */
  private snap: SnapToCustom = (event, ctx) => {
    const r = this.request;
    if (!r || r.tool === 'split' || r.snapPx <= 0) return undefined;
    const px = r.snapPx;
    const a = ctx.unproject(event.containerX - px, event.containerY + px);
    const b = ctx.unproject(event.containerX + px, event.containerY - px);
    const box: [number, number, number, number] = [a.lng, a.lat, b.lng, b.lat];
    const near = r.rings.filter((ring) => boxesMeet(box, ringBox(ring)));
    const project = (p: LngLat): [number, number] => {
      const q = ctx.project(p[0], p[1]);
      return [q.x, q.y];
    };
    const unproject = (xy: [number, number]): LngLat => {
      const q = ctx.unproject(xy[0], xy[1]);
      return [q.lng, q.lat];
    };
    return snapToRings([event.containerX, event.containerY], near, project, unproject, px) ?? undefined;
  };

  private ensureDraw(): TerraDraw {
    if (this.draw) return this.draw;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, coordinatePrecision: 6 }),
      modes: gridEditModes(this.snap),
    });
    draw.on('change', (ids) => {
      const r = this.request;
      if (r?.tool !== 'draw') return;
      const f = ids.length ? draw.getSnapshotFeature(ids[0]) : undefined;
      if (!f || f.geometry.type !== 'Polygon') return;
      // Figures follow the corners placed, not every mouse move.
      const corners = f.geometry.coordinates[0].length;
      if (corners === this.sketchCorners) return;
      this.sketchCorners = corners;
      r.onSketch(corners >= 4 ? polygonOf(f.geometry.coordinates as number[][][]) : null);
    });
    draw.on('finish', (id, ctx) => {
      const r = this.request;
      const f = draw.getSnapshotFeature(id);
      if (!r || !f) return;
      if (r.tool === 'draw' && f.geometry.type === 'Polygon') {
        this.request = null;
        this.finishedAt = performance.now();
        draw.clear();
        r.onSketch(null);
        r.onDone(polygonOf(f.geometry.coordinates as number[][][]));
      } else if (r.tool === 'split' && f.geometry.type === 'LineString') {
        this.request = null;
        this.finishedAt = performance.now();
        draw.clear();
        r.onDone((f.geometry.coordinates as number[][]).map(([x, y]) => [x, y] as LngLat));
      } else if (r.tool === 'reshape' && f.geometry.type === 'Polygon' && ctx.mode === 'select') {
        r.onDone(polygonOf(f.geometry.coordinates as number[][][]));
      }
    });
    this.draw = draw;
    return draw;
  }
}

function polygonOf(coords: number[][][]): PolygonGeometry {
  return { type: 'Polygon', coordinates: coords.map((ring) => ring.map(([x, y]) => [x, y] as LngLat)) };
}

function ringBox(ring: LngLat[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of ring) (w = Math.min(w, x)), (s = Math.min(s, y)), (e = Math.max(e, x)), (n = Math.max(n, y));
  return [w, s, e, n];
}
