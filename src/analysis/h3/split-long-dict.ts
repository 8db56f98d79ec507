// Analysis (PURE): a dictionary from 64-bit keys (split into two Uint32) to dense ordinals.
// No imports; no DOM. Used to intern H3 cells without one string Map lookup per incident.

const EMPTY = 0; // slot ord field holds ordinal + 1, so 0 marks an empty slot
const STRIDE = 4; // hi, lo, ord + 1, padding: one 16-byte entry never straddles a cache line

/**
 * Open-addressing hash table (linear probing, load ≤ 1/2) that gives each distinct (hi, lo)
 * pair the next ordinal 0, 1, 2 … in first-seen order. Keys are kept by ordinal so that
 * `keysHi()` / `keysLo()` list the distinct keys in ordinal order.
 */
export class SplitLongDict {
  private table: Int32Array;
  private mask: number;
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** Number of distinct keys interned. */
  size = 0;

  /** @param expected expected number of distinct keys: sizes the table to avoid regrowth. */
  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.table = new Int32Array(cap * STRIDE);
    this.mask = cap - 1;
    this.hi = new Uint32Array(Math.max(16, expected));
    this.lo = new Uint32Array(Math.max(16, expected));
  }

  /** Ordinal of (hi, lo), adding it when new. `hi` and `lo` are unsigned 32-bit integers. */
  intern(hi: number, lo: number): number {
    const table = this.table;
    const mask = this.mask;
    const hiS = hi | 0;
    const loS = lo | 0;
    let slot = hashPair(hiS, loS) & mask;
    for (;;) {
      const p = slot * STRIDE;
      const ord = table[p + 2];
      if (ord === EMPTY) break;
      if (table[p + 1] === loS && table[p] === hiS) return ord - 1;
      slot = (slot + 1) & mask;
    }
    const ord = this.size++;
    if (ord >= this.hi.length) this.growKeys();
    this.hi[ord] = hi;
    this.lo[ord] = lo;
    const p = slot * STRIDE;
    table[p] = hiS;
    table[p + 1] = loS;
    table[p + 2] = ord + 1;
    if (this.size * 2 > mask + 1) this.rehash();
    return ord;
  }

  /** Ordinal of (hi, lo), or −1 when it has not been interned. */
  find(hi: number, lo: number): number {
    const table = this.table;
    const mask = this.mask;
    const hiS = hi | 0;
    const loS = lo | 0;
    let slot = hashPair(hiS, loS) & mask;
    for (;;) {
      const p = slot * STRIDE;
      const ord = table[p + 2];
      if (ord === EMPTY) return -1;
      if (table[p + 1] === loS && table[p] === hiS) return ord - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** Upper halves of the distinct keys by ordinal, from ordinal `from` on (a trimmed copy). */
  keysHi(from = 0): Uint32Array {
    return this.hi.slice(from, this.size);
  }

  /** Lower halves of the distinct keys by ordinal, from ordinal `from` on (a trimmed copy). */
  keysLo(from = 0): Uint32Array {
    return this.lo.slice(from, this.size);
  }

  private growKeys(): void {
    const hi = new Uint32Array(this.hi.length * 2);
    const lo = new Uint32Array(this.lo.length * 2);
    hi.set(this.hi);
    lo.set(this.lo);
    this.hi = hi;
    this.lo = lo;
  }

  private rehash(): void {
    const cap = (this.mask + 1) * 2;
    const table = new Int32Array(cap * STRIDE);
    const mask = cap - 1;
    for (let ord = 0; ord < this.size; ord++) {
      const hiS = this.hi[ord] | 0;
      const loS = this.lo[ord] | 0;
      let slot = hashPair(hiS, loS) & mask;
      while (table[slot * STRIDE + 2] !== EMPTY) slot = (slot + 1) & mask;
      const p = slot * STRIDE;
      table[p] = hiS;
      table[p + 1] = loS;
      table[p + 2] = ord + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

/**
 * Mixes both halves into 32 well-spread bits. H3 keys share long runs of constant bits (the
 * unused digits are all 7), so the low bits of a plain product would collide badly.
 */
function hashPair(hi: number, lo: number): number {
  let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi ^ 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h;
}
