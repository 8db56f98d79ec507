// Bench hook: when a change is on screen. The map reports data-idle="true" once MapLibre is at
// rest, no worker request is pending and deck.gl has drawn the layers it was last given
// (map/idle-tracker.ts); the controller marks 'one-map:hex-data' when new hexagon counts reach
// the layer. A change is shown when, after it began, new counts reached the layer and the map
// went idle after that — and the call resolves in the next animation frame, so the frame that
// shows the result has been presented.
import { useIncidentResults } from '../state/incident-results';

const MAP = '[data-testid="map"]';
/** Longest wait for a frame before the call fails (software WebGL with a million rows is slow). */
const TIMEOUT_MS = 10 * 60_000;

export class FrameWatch {
  /** performance.now() of the last data-idle="true" transition of the map. */
  private lastIdle = -Infinity;
  private readonly observer: MutationObserver;

  constructor() {
    // The map container outlives each map made for a dataset; the body is watched in case it does not.
    this.observer = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as Element;
        if (el.matches(MAP) && el.getAttribute('data-idle') === 'true') this.lastIdle = performance.now();
      }
    });
    this.observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-idle'] });
  }

  /** Whether the map says it is idle now, with no worker request pending. */
  idleNow(): boolean {
    return document.querySelector(MAP)?.getAttribute('data-idle') === 'true' && useIncidentResults.getState().pending === 0;
  }

  /**
   * Resolves with performance.now() in the first animation frame after the map went idle having
   * drawn hexagon counts that reached it after `since`, once `ready()` holds (the store has the
   * result the caller asked for).
   */
  shownAfter(since: number, ready: () => boolean): Promise<number> {
    return this.frameWhen((frame) => {
      const marks = performance.getEntriesByName('one-map:hex-data', 'mark');
      const hex = marks.length > 0 ? marks[marks.length - 1].startTime : -Infinity;
      return ready() && hex >= since && this.lastIdle > hex && this.lastIdle < frame && this.idleNow();
    });
  }

  /** Resolves once the map has been idle with nothing pending for `frames` frames in a row. */
  settled(frames = 3): Promise<number> {
    let run = 0;
    return this.frameWhen((frame) => {
      run = this.idleNow() && this.lastIdle < frame ? run + 1 : 0;
      return run >= frames;
    });
  }

  /** Checks `done` in every animation frame (with the frame's start time); resolves when it holds. */
  private frameWhen(done: (frame: number) => boolean): Promise<number> {
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const tick = (frame: number) => {
        if (done(frame)) resolve(performance.now());
        else if (performance.now() - t0 > TIMEOUT_MS) reject(new Error(`the map did not show the result within ${TIMEOUT_MS / 1000} s`));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }
}
