// Map: greedy label placement — most important first, a label is dropped when its box would
// overlap one already placed. Runs on the CPU once per settled zoom (a few hundred labels), in
// Web Mercator world pixels, so it needs no map instance and is testable in Node.

export interface LabelCandidate {
  position: [number, number];
  text: string;
  /** Font size in pixels. */
  size: number;
  /** Lower is more important. */
  rank: number;
}

const TILE_PX = 512; // MapLibre's world is 512 px wide at zoom 0

/** World pixel coordinates of a position at `zoom` (y grows southwards, as on screen). */
export function worldPx([lng, lat]: [number, number], zoom: number): [number, number] {
  const scale = TILE_PX * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * scale, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale];
}

/**
 * Indices of the labels that can be shown at `zoom` without overlapping, in priority order.
 * Boxes are estimated: CJK glyphs are about one em wide, Latin about 0.6 em, plus `padding`.
 */
export function placeLabels(labels: readonly LabelCandidate[], zoom: number, padding = 4): number[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].rank - labels[b].rank || a - b);
  const placed: [number, number, number, number][] = [];
  const kept: number[] = [];
  for (const i of order) {
    const l = labels[i];
    const width = textWidthPx(l.text, l.size);
    const [x, y] = worldPx(l.position, zoom);
    const box: [number, number, number, number] = [
      x - width / 2 - padding,
      y - l.size / 2 - padding,
      x + width / 2 + padding,
      y + l.size / 2 + padding,
    ];
    if (placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
    placed.push(box);
    kept.push(i);
  }
  return kept;
}

/** Estimated width of a label in pixels: CJK glyphs about one em wide, Latin about 0.6 em. */
export function textWidthPx(text: string, size: number): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? size : size * 0.6;
  return width;
}
