// Analysis (PURE): sorts 64-bit keys held as split longs (two Uint32 halves), such as H3 cells.
// No imports; no DOM.

/**
 * Positions 0…n−1 ordered by the unsigned 64-bit keys (hi, lo): an LSD radix sort in 16-bit
 * digits, skipping digits every key shares (the mode and resolution bits of H3 cells).
 */
export function sortSplitLongs(hi: Uint32Array, lo: Uint32Array): Uint32Array {
  const n = hi.length;
  let idx = new Uint32Array(n);
  for (let k = 0; k < n; k++) idx[k] = k;
  let tmp = new Uint32Array(n);
  const count = new Uint32Array(65_536);
  for (const [key, shift] of [[lo, 0], [lo, 16], [hi, 0], [hi, 16]] as const) {
    count.fill(0);
    for (let k = 0; k < n; k++) count[(key[k] >>> shift) & 0xffff]++;
    if (n === 0 || count[(key[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65_536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = idx[k];
      tmp[count[(key[i] >>> shift) & 0xffff]++] = i;
    }
    [idx, tmp] = [tmp, idx];
  }
  return idx;
}
