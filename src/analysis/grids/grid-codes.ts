// Analysis (PURE): grid codes in the parent's scheme — town · village · sequence, as the demo's
// "349901-001-001-06": the parent (village/community) code, a dash and a two-digit sequence.

/** The parent part and the sequence of a code, or null when it does not follow the scheme. */
export function parseGridCode(code: string): { parent: string; sequence: number } | null {
  const m = /^(.+)-(\d{2,})$/.exec(code);
  return m ? { parent: m[1], sequence: Number(m[2]) } : null;
}

/**
 * The next free code under `parent`: one past the highest sequence any of `taken` uses there
 * (taken: every code in the layout, and those of grids deleted in the session, so that a
 * retired code is never handed to a different grid). Two digits, more past 99.
 */
export function nextFreeCode(parent: string, taken: Iterable<string>): string {
  let max = 0;
  for (const code of taken) {
    const p = parseGridCode(code);
    if (p && p.parent === parent && p.sequence > max) max = p.sequence;
  }
  return `${parent}-${String(max + 1).padStart(2, '0')}`;
}

/** Codes of the two halves of a split: the first keeps the grid's code, the second takes the parent's next free one. */
export function splitCodes(code: string, parent: string, taken: Iterable<string>): [string, string] {
  return [code, nextFreeCode(parseGridCode(code)?.parent ?? parent, taken)];
}
