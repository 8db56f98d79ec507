// Map: dragging one camera to a new position (what-if editing). Owned by the MapController. A press within a few
// pixels of the camera takes the pointer from the map's panning until it is released; a press
// anywhere else pans as usual. Plain DOM pointer events on the map's container: the gesture is a
// press, moves and a release, which MapLibre's own events would give only over its canvas.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { LngLat } from '../model';

/** The camera being moved: where it is now, and what to do as it moves and when it is dropped. */
export interface CameraDragRequest {
  position(): LngLat;
  onMove(p: LngLat): void;
  onDone(p: LngLat): void;
}

/** How close (CSS pixels) a press must be to the camera to pick it up. */
const GRAB_PX = 18;

export class CameraDragging {
  private request: CameraDragRequest | null = null;
  private dragging = false;
  private finishedAt = -Infinity;
  private frame = 0;
  private last: LngLat | null = null;

  constructor(private readonly map: MaplibreMap) {
    map.getCanvasContainer().addEventListener('pointerdown', this.down, true);
  }

  get active(): boolean {
    return this.request !== null;
  }

  /** While dragging, and a moment after: the release must not also select what lies beneath. */
  ownsPointer(): boolean {
    return this.dragging || performance.now() - this.finishedAt < 400;
  }

  /** Whether the pointer at container pixel (x, y) would pick the camera up. */
  nearCamera(x: number, y: number): boolean {
    if (!this.request) return false;
    const p = this.map.project(this.request.position());
    return Math.hypot(p.x - x, p.y - y) <= GRAB_PX;
  }

  set(request: CameraDragRequest | null): void {
    if (!request && this.dragging) this.end(null);
    this.request = request;
  }

  destroy(): void {
    this.set(null);
    this.map.getCanvasContainer().removeEventListener('pointerdown', this.down, true);
  }

  private lngLatOf(e: PointerEvent): LngLat {
    const rect = this.map.getCanvasContainer().getBoundingClientRect();
    const p = this.map.unproject([e.clientX - rect.left, e.clientY - rect.top]);
    return [p.lng, p.lat];
  }

  private readonly down = (e: PointerEvent) => {
    if (!this.request || e.button !== 0) return;
    const rect = this.map.getCanvasContainer().getBoundingClientRect();
    if (!this.nearCamera(e.clientX - rect.left, e.clientY - rect.top)) return;
    // Captured before MapLibre sees it: the map does not pan while the camera moves.
    e.stopPropagation();
    e.preventDefault();
    this.dragging = true;
    this.map.dragPan.disable();
    window.addEventListener('pointermove', this.move);
    window.addEventListener('pointerup', this.up);
  };

  private readonly move = (e: PointerEvent) => {
    if (!this.dragging) return;
    this.last = this.lngLatOf(e);
    // One update a frame however fast the pointer reports.
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.dragging && this.last) this.request?.onMove(this.last);
      });
    }
  };

  private readonly up = (e: PointerEvent) => this.end(this.lngLatOf(e));

  private end(at: LngLat | null): void {
    this.dragging = false;
    this.finishedAt = performance.now();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.last = null;
    window.removeEventListener('pointermove', this.move);
    window.removeEventListener('pointerup', this.up);
    this.map.dragPan.enable();
    if (at) this.request?.onDone(at);
  }
}
