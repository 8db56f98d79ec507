// IO: encode and decode the compact incident file (layout in model/incident.ts). Pure; no DOM.
import type { IncidentColumns } from '../model/incident';

/** Bytes of the coordinate and time columns of one incident. */
const FIXED_BYTES = 4 + 4 + 4;

/**
 * Bytes an `incidents.bin` of n incidents takes with `codeBytes`-wide categories (1 when every
 * code is below 256, 2 otherwise).
 */
export function incidentBinSize(n: number, codeBytes: 1 | 2 = 1): number {
  return n * (FIXED_BYTES + codeBytes);
}

/**
 * Encodes columns to `incidents.bin`. Coordinates are rounded to microdegrees (about 0.1 m);
 * times must be whole epoch seconds within Uint32. Categories take one byte when every code is
 * below 256 — so a short code list writes the same bytes as before codes grew to Uint16 — and two
 * bytes otherwise.
 */
export function encodeIncidentBin(cols: IncidentColumns): Uint8Array {
  const n = cols.lng.length;
  let maxCode = 0;
  for (let i = 0; i < n; i++) if (cols.category[i] > maxCode) maxCode = cols.category[i];
  const codeBytes = maxCode < 256 ? 1 : 2;
  const out = new Uint8Array(incidentBinSize(n, codeBytes));
  const view = new DataView(out.buffer);
  for (let i = 0; i < n; i++) {
    view.setInt32(i * 4, Math.round(cols.lng[i] * 1e6), true);
    view.setInt32(4 * n + i * 4, Math.round(cols.lat[i] * 1e6), true);
    view.setUint32(8 * n + i * 4, cols.timeSec[i], true);
  }
  if (codeBytes === 1) out.set(cols.category, FIXED_BYTES * n);
  else for (let i = 0; i < n; i++) view.setUint16(FIXED_BYTES * n + i * 2, cols.category[i], true);
  return out;
}

/**
 * Decodes `incidents.bin` with one- or two-byte categories, told apart by the length. Throws when
 * the byte length matches neither for `count`, so that a truncated download is reported instead
 * of silently losing incidents.
 */
export function decodeIncidentBin(buffer: ArrayBuffer, count: number): IncidentColumns {
  const wide = count > 0 && buffer.byteLength === incidentBinSize(count, 2);
  if (!wide && buffer.byteLength !== incidentBinSize(count, 1)) {
    throw new Error(
      `incidents.bin holds ${buffer.byteLength} bytes; ${count} incidents need ${incidentBinSize(count, 1)} (one-byte codes) or ${incidentBinSize(count, 2)} (two-byte codes) — the file is truncated or does not match the manifest`,
    );
  }
  const view = new DataView(buffer);
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  const timeSec = new Uint32Array(count);
  const category = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    lng[i] = view.getInt32(i * 4, true) / 1e6;
    lat[i] = view.getInt32(4 * count + i * 4, true) / 1e6;
    timeSec[i] = view.getUint32(8 * count + i * 4, true);
  }
  const at = FIXED_BYTES * count;
  if (wide) for (let i = 0; i < count; i++) category[i] = view.getUint16(at + i * 2, true);
  else category.set(new Uint8Array(buffer, at, count));
  return { lng, lat, timeSec, category };
}
