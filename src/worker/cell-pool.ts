// Worker: a small pool of cell workers that locate incidents' H3 cells (and local times) in
// parallel, the calling thread taking chunks too. Environment-neutral: the browser passes Web
// Workers (spawnWebCellPool below), Node passes worker_threads (cell-pool-node.ts, which the
// browser bundle never imports). Chunks' columns are sliced and transferred, replies transferred.
import { CellMerge, CellTaskRunner, cellTask, partitionRows, type CellFailure, type CellMergeTime, type CellReply, type CellTask } from '../analysis/incidents/parallel-cells';
import type { LocatedCells } from '../analysis/h3/cell-locator';
import type { InputLocalTime } from '../analysis/incidents/incident-index';

/** What a cell worker says: ready once loaded, then one reply or failure per task. */
export type CellWorkerMessage = { ready: true } | CellReply | CellFailure;

/** One worker as the pool sees it, whatever the environment. */
export interface CellWorkerPort {
  post(task: CellTask, transfer: Transferable[]): void;
  listen(onMessage: (m: CellWorkerMessage) => void, onError: (e: Error) => void): void;
  terminate(): void;
  /** Whether the worker should keep its process alive (Node: only while a job runs). */
  hold?(busy: boolean): void;
}

/** Cells located by a pool, with local times when asked for. */
export interface PooledCells {
  located: LocatedCells;
  time: InputLocalTime | null;
  /** latLngToCell calls made by all threads. */
  oracleCalls: number;
  /** Milliseconds each thread worked (the calling thread first), for reports. */
  busyMs: number[];
}

interface Slot {
  port: CellWorkerPort;
  ready: boolean;
  dead: boolean;
  inflight: number;
}

interface Job {
  id: number;
  parts: Uint32Array[];
  next: number;
  pending: number;
  make: (part: number) => CellTask;
  merge: CellMerge;
  done: (error: Error | null) => void;
}

const DEPTH = 2; // parts queued per worker, so it never waits for the calling thread
const PARTS_PER_THREAD = 3;

/** Yields to the event loop so that worker replies are handled between local chunks. */
const yieldEvents: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : () =>
        new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            channel.port1.close();
            resolve();
          };
          channel.port2.postMessage(0);
        });

/** A pool of cell workers plus the calling thread. One job runs at a time; later ones queue. */
export class CellPool {
  private readonly slots: Slot[];
  private readonly local = new CellTaskRunner();
  private job: Job | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;

  private readonly useLocal: boolean;

  /**
   * @param ports the workers
   * @param opts.local whether the calling thread takes parts too (default: with fewer than two
   *   workers — on two cores, one worker and the calling thread)
   */
  constructor(ports: readonly CellWorkerPort[], opts: { local?: boolean } = {}) {
    this.slots = ports.map((port) => ({ port, ready: false, dead: false, inflight: 0 }));
    this.useLocal = opts.local ?? ports.length < 2;
    this.slots.forEach((slot, w) =>
      slot.port.listen(
        (m) => this.onMessage(w, m),
        (e) => this.onError(w, e),
      ),
    );
  }

  /** Threads working on a job: the workers alive plus the calling thread. */
  get threads(): number {
    return Math.max(1, this.slots.filter((s) => !s.dead).length + (this.useLocal ? 1 : 0));
  }

  /** Resolves once every worker has loaded (or failed to). */
  ready(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.slots.every((s) => s.ready || s.dead) ? resolve() : setTimeout(check, 5));
      check();
    });
  }

  /**
   * Locates every point's cell at `res` (and, with `time`, its local hour of week and day),
   * exactly as latLngToCell. Rejects, naming the row, on an invalid coordinate.
   */
  locate(lng: Float64Array, lat: Float64Array, res: number, time: CellMergeTime | null = null): Promise<PooledCells> {
    const run = this.queue.then(() => this.run(lng, lat, res, time));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops every worker. */
  terminate(): void {
    for (const s of this.slots) {
      s.dead = true;
      s.port.terminate();
    }
  }

  private async run(lng: Float64Array, lat: Float64Array, res: number, time: CellMergeTime | null): Promise<PooledCells> {
    const n = lng.length;
    const merge = new CellMerge(n, time !== null);
    const id = ++this.seq;
    const parts = partitionRows(lng, lat, res, this.threads * PARTS_PER_THREAD);
    const finished = new Promise<void>((resolve, reject) => {
      this.job = {
        id,
        parts,
        next: 0,
        pending: parts.length,
        make: (part) => cellTask(id, res, part, parts[part], lng, lat, time),
        merge,
        done: (error) => (error ? reject(error) : resolve()),
      };
    });
    finished.catch(() => undefined); // awaited below; a failure may come while parts still run here
    const job = this.job!;
    if (job.pending === 0) job.done(null);
    for (const s of this.slots) s.port.hold?.(true);
    try {
      this.slots.forEach((_, w) => this.dispatch(w));
      // Without live workers the calling thread does everything.
      const local = this.useLocal || this.slots.every((s) => s.dead);
      while (local && this.job === job && job.next < job.parts.length) {
        const part = job.next++;
        this.complete(job, -1, this.local.run(job.make(part)));
        await yieldEvents();
      }
      await finished;
    } finally {
      if (this.job === job) this.job = null;
      for (const s of this.slots) s.port.hold?.(false);
    }
    const { located, time: local } = merge.result();
    const busyMs = [merge.busyMs.get(-1) ?? 0, ...this.slots.map((_, w) => merge.busyMs.get(w) ?? 0)];
    return { located, time: local, oracleCalls: merge.oracleCalls, busyMs };
  }

  private dispatch(w: number): void {
    const job = this.job;
    const slot = this.slots[w];
    if (!job || !slot.ready || slot.dead) return;
    while (slot.inflight < DEPTH && job.next < job.parts.length) {
      const task = job.make(job.next++);
      const transfer: Transferable[] = [task.lng.buffer, task.lat.buffer];
      if (task.time) transfer.push(task.time.timeSec.buffer);
      slot.inflight++;
      slot.port.post(task, transfer);
    }
  }

  private complete(job: Job, source: number, reply: CellReply): void {
    job.merge.take(source, reply, job.parts[reply.part]);
    if (--job.pending === 0) job.done(null);
  }

  private onMessage(w: number, m: CellWorkerMessage): void {
    const slot = this.slots[w];
    if ('ready' in m) {
      slot.ready = true;
      this.dispatch(w);
      return;
    }
    slot.inflight--;
    const job = this.job;
    if (!job || m.job !== job.id) return; // a failed job's late replies
    if ('error' in m) {
      this.job = null;
      job.done(new RangeError(m.error));
      return;
    }
    this.complete(job, w, m);
    this.dispatch(w);
  }

  private onError(w: number, e: Error): void {
    const slot = this.slots[w];
    slot.dead = true;
    slot.port.terminate();
    const job = this.job;
    if (job && slot.inflight > 0) {
      this.job = null;
      job.done(new Error(`cell worker ${w} failed: ${e.message}`));
    }
    slot.inflight = 0;
  }
}

/** The handler a cell worker runs on each task: a reply with its transfer list, or a failure. */
export function cellWorkerHandler(): (task: CellTask) => { message: CellReply | CellFailure; transfer: Transferable[] } {
  const runner = new CellTaskRunner();
  return (task) => {
    try {
      const r = runner.run(task);
      const transfer: Transferable[] = [r.ord.buffer, r.newHi.buffer, r.newLo.buffer];
      if (r.hourOfWeek && r.day) transfer.push(r.hourOfWeek.buffer, r.day.buffer);
      return { message: r, transfer };
    } catch (e) {
      return { message: { job: task.job, part: task.part, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
    }
  };
}

/** Cell workers to start by default: one per core beyond the calling thread's, at most 3. */
export function defaultCellWorkers(cores: number): number {
  return Math.max(1, Math.min(3, cores - 1));
}

/** Starts a pool of Web Workers (module workers bundled by Vite), e.g. from the analysis worker. */
export function spawnWebCellPool(workers = defaultCellWorkers(globalThis.navigator?.hardwareConcurrency ?? 2)): CellPool {
  const ports: CellWorkerPort[] = [];
  for (let k = 0; k < workers; k++) {
    const worker = new Worker(new URL('./cells.worker.ts', import.meta.url), { type: 'module' });
    ports.push({
      post: (task, transfer) => worker.postMessage(task, transfer),
      listen: (onMessage, onError) => {
        worker.onmessage = (e: MessageEvent<CellWorkerMessage>) => onMessage(e.data);
        worker.onerror = (e: ErrorEvent) => onError(new Error(e.message || 'cell worker failed to load'));
      },
      terminate: () => worker.terminate(),
    });
  }
  return new CellPool(ports);
}
