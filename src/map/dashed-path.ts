// Map: a line cut into dashes of a length in metres, for outlines that must read as "not in
// service" (deck.gl dashes only through an extension this app does not ship).

/**
 * The dashes of `line` ([lng, lat] degrees), each `onM` metres long and `offM` metres apart,
 * measured along the line (equirectangular metres: exact enough over a camera's hundred metres).
 */
export function dashedPath(line: readonly [number, number][], onM: number, offM: number): [number, number][][] {
  if (line.length < 2) return [];
  const mPerDegLat = 111_320;
  const mPerDegLng = 111_320 * Math.cos((line[0][1] * Math.PI) / 180);
  const dashes: [number, number][][] = [];
  let current: [number, number][] | null = [line[0]];
  let left = onM; // metres left in the current dash or gap
  for (let i = 1; i < line.length; i++) {
    let [x0, y0] = line[i - 1];
    const [x1, y1] = line[i];
    let seg = Math.hypot((x1 - x0) * mPerDegLng, (y1 - y0) * mPerDegLat);
    while (seg > 0) {
      const step = Math.min(left, seg);
      const t = step / seg;
      const x = x0 + t * (x1 - x0);
      const y = y0 + t * (y1 - y0);
      if (current) current.push([x, y]);
      seg -= step;
      left -= step;
      x0 = x;
      y0 = y;
      if (left <= 1e-9) {
        if (current) {
          dashes.push(current);
          current = null;
          left = offM;
        } else {
          current = [[x, y]];
          left = onM;
        }
      }
    }
  }
  if (current && current.length > 1) dashes.push(current);
  return dashes;
}
