// Analysis (PURE): a binary max-heap of integer ids keyed by a number, for the lazy greedy of the
// siting planner. Ties go to the smaller id, so that lazy and plain greedy pick the same sites.

/** A max-heap of ids 0..capacity−1; each id's key is set when it is pushed. */
export class IdMaxHeap {
  private readonly heap: Int32Array;
  private readonly keys: Float64Array;
  private n = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** The id on top (largest key, then smallest id); −1 when empty. */
  peek(): number {
    return this.n > 0 ? this.heap[0] : -1;
  }

  /** The key an id was last pushed with. */
  key(id: number): number {
    return this.keys[id];
  }

  /** Adds an id that is not in the heap. */
  push(id: number, key: number): void {
    this.keys[id] = key;
    this.heap[this.n] = id;
    this.up(this.n++);
  }

  /** Removes and returns the top id; −1 when empty. */
  pop(): number {
    if (this.n === 0) return -1;
    const top = this.heap[0];
    const last = this.heap[--this.n];
    if (this.n > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  /** Gives the top id a new key (no larger than its old one, as marginal gains only shrink). */
  replaceTopKey(key: number): void {
    this.keys[this.heap[0]] = key;
    this.down(0);
  }

  /** a above b: larger key, then smaller id. */
  private above(a: number, b: number): boolean {
    const ka = this.keys[a], kb = this.keys[b];
    return ka > kb || (ka === kb && a < b);
  }

  private up(i: number): void {
    const h = this.heap;
    const id = h[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.above(id, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = id;
  }

  private down(i: number): void {
    const h = this.heap;
    const id = h[i];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.n) break;
      const r = l + 1;
      const c = r < this.n && this.above(h[r], h[l]) ? r : l;
      if (!this.above(h[c], id)) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = id;
  }
}
