// State: Google's encoded polyline format, used to put a drawn area's ring into a view link in
// a few URL-safe-ish characters (about 10 per corner) instead of a JSON array of numbers.
// Pure. https://developers.google.com/maps/documentation/utilities/polylinealgorithm

/**
 * Encodes [lng, lat] points (degrees) at `precision` decimal places. The format stores latitude
 * first; precision 6 (0.1 m on the ground) keeps a drawn area's edges where the user drew them.
 */
export function encodePolyline(points: ReadonlyArray<readonly [number, number]>, precision = 6): string {
  const k = 10 ** precision;
  let out = '';
  let prevLat = 0;
  let prevLng = 0;
  for (const [lng, lat] of points) {
    const la = Math.round(lat * k);
    const ln = Math.round(lng * k);
    out += encodeSigned(la - prevLat) + encodeSigned(ln - prevLng);
    prevLat = la;
    prevLng = ln;
  }
  return out;
}

/** The [lng, lat] points of an encoded polyline, or null when the text is not one. */
export function decodePolyline(text: string, precision = 6): Array<[number, number]> | null {
  const k = 10 ** precision;
  const points: Array<[number, number]> = [];
  let i = 0;
  let lat = 0;
  let lng = 0;
  const next = (): number | null => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (i >= text.length) return null;
      const b = text.charCodeAt(i++) - 63;
      if (b < 0 || b > 63 || shift > 30) return null;
      result |= (b & 0x1f) << shift;
      shift += 5;
      if (b < 0x20) break;
    }
    return result & 1 ? ~(result >> 1) : result >> 1;
  };
  while (i < text.length) {
    const dLat = next();
    const dLng = next();
    if (dLat === null || dLng === null) return null;
    lat += dLat;
    lng += dLng;
    points.push([lng / k, lat / k]);
  }
  return points;
}

function encodeSigned(v: number): string {
  let n = v < 0 ? ~(v << 1) : v << 1;
  let out = '';
  while (n >= 0x20) {
    out += String.fromCharCode((0x20 | (n & 0x1f)) + 63);
    n >>>= 5;
  }
  return out + String.fromCharCode(n + 63);
}
