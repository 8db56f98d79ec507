// Map: decides when the map has finished drawing — style and tiles loaded, no camera movement,
// no worker request pending, deck.gl has drawn the latest layers and they have loaded — and
// reports it (the container's data-idle attribute; wall screens and tests wait on it).
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Layer } from '@deck.gl/core';

/** Frames the conditions must hold in a row, so a one-frame lull is not taken for idle. */
const SETTLE_FRAMES = 2;

export class IdleTracker {
  private idle = false;
  private pendingWork = 0;
  private deckUpToDate = false;
  private layersLoaded = false;
  private settled = 0;
  private scheduled = false;
  /** The map was removed: no more frames are asked for and nothing more is reported. */
  private stopped = false;

  constructor(
    private readonly map: MaplibreMap,
    private readonly onChange: (idle: boolean) => void,
  ) {
    for (const ev of ['movestart', 'dataloading', 'styledata', 'sourcedataloading'] as const) {
      map.on(ev, () => this.busy());
    }
    map.on('idle', () => this.schedule());
    onChange(false);
  }

  /** New deck.gl layers were handed over: not idle until deck.gl has drawn them. */
  deckChanged(): void {
    this.deckUpToDate = false;
    this.busy();
  }

  /**
   * The map is busy (moving, loading a style or data): not idle until the checks pass again.
   * deck.gl's state is left alone — in overlaid mode deck.gl draws only when its own inputs
   * change, so waiting on it here would wait forever (e.g. when terra-draw adds its layers).
   */
  busy(): void {
    this.settled = 0;
    this.set(false);
    this.schedule();
  }

  setPendingWork(n: number): void {
    this.pendingWork = n;
    if (n > 0) this.busy();
    else this.schedule();
  }

  /** Called after every deck.gl frame with the layers it was given. */
  deckRendered(layers: Layer[]): void {
    this.deckUpToDate = true;
    this.layersLoaded = layers.every((l) => l.isLoaded);
    this.schedule();
  }

  /** Stops the frame loop and the reports (the map is being removed; its container is reused). */
  destroy(): void {
    this.stopped = true;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.check();
    });
  }

  private check(): void {
    if (this.stopped) return;
    const ready =
      this.map.loaded() && !this.map.isMoving() && this.pendingWork === 0 && this.deckUpToDate && this.layersLoaded;
    if (!ready) {
      this.settled = 0;
      if (!this.deckUpToDate || !this.layersLoaded) this.map.triggerRepaint();
      this.schedule();
      return;
    }
    if (++this.settled < SETTLE_FRAMES) return this.schedule();
    this.set(true);
  }

  private set(idle: boolean): void {
    if (idle === this.idle || this.stopped) return;
    this.idle = idle;
    this.onChange(idle);
  }
}
