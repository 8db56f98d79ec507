// Map: decides when the deck.gl overlay is made anew after a WebGL context loss. MapLibre restores
// its own canvas (it listens for webglcontextlost/restored), but deck.gl only stops drawing
// (visgl/deck.gl#5398: onError, no recovery), so each overlay canvas is watched and the overlay
// rebuilt when its context comes back — or after RESTORE_WAIT_MS if the browser never restores it.
import type { Map as MaplibreMap } from 'maplibre-gl';

/** How long a lost deck.gl context may take to come back before the overlay is made anew anyway. */
const RESTORE_WAIT_MS = 2_000;
/** After a context loss of both, how long the overlay waits for the basemap to draw before it is rebuilt anyway. */
const BASEMAP_FIRST_MS = 10_000;

export class ContextRecovery {
  /** Deck canvases whose context loss is watched (a new overlay brings a new canvas). */
  private readonly watched = new WeakSet<HTMLCanvasElement>();
  /** The overlay's context is lost and it waits to be rebuilt (the fallback timer). */
  private deckLost: ReturnType<typeof setTimeout> | undefined;
  /** MapLibre's own context is lost: it has no style until it is back, and an overlay cannot be added. */
  private mapLost = false;
  /** MapLibre's context is back and its basemap not drawn yet: the overlay waits (basemapFirst). */
  private waitingForBasemap = false;

  constructor(
    private readonly map: MaplibreMap,
    /** Makes the overlay anew (a new Deck, a new canvas, the same layers). */
    private readonly rebuild: () => void,
    /** The map is not idle while the overlay is lost. */
    private readonly busy: () => void,
  ) {
    map.on('webglcontextlost', () => (this.mapLost = true));
    map.on('webglcontextrestored', () => {
      this.mapLost = false;
      this.basemapFirst();
    });
  }

  /** Watches the overlay's canvas (called after each deck.gl frame; each canvas once). */
  watch(canvas: HTMLCanvasElement | null): void {
    if (!canvas || this.watched.has(canvas)) return;
    this.watched.add(canvas);
    canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault(); // without it the browser never restores the context
      this.busy();
      clearTimeout(this.deckLost);
      this.deckLost = setTimeout(() => this.tryRebuild(), RESTORE_WAIT_MS);
    });
    canvas.addEventListener('webglcontextrestored', () => this.tryRebuild());
  }

  /**
   * MapLibre's context is back: the overlay, if it lost its context too, is rebuilt once MapLibre
   * has drawn its basemap again (its next 'idle'), or after BASEMAP_FIRST_MS at the latest. Both
   * compile their shader programs anew and the GPU process does one after another: an overlay
   * made at the same moment put its programs in front of MapLibre's, so in software rendering
   * the basemap stayed blank until all of deck.gl's were done too.
   */
  private basemapFirst(): void {
    this.waitingForBasemap = true;
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.waitingForBasemap = false;
      this.tryRebuild();
    };
    const timer = setTimeout(go, BASEMAP_FIRST_MS);
    this.map.once('idle', go);
  }

  private tryRebuild(): void {
    if (this.deckLost === undefined) return; // already rebuilt (restored, and the wait ran out too)
    if (this.mapLost || this.waitingForBasemap) return; // done when MapLibre has drawn again (basemapFirst)
    clearTimeout(this.deckLost);
    this.deckLost = undefined;
    this.rebuild();
  }
}
