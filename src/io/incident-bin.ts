// IO: encode and decode the compact incident file (layout in model/incident.ts). Pure; no DOM.
import type { IncidentColumns } from '../model/incident';

const BYTES_PER_INCIDENT = 4 + 4 + 4 + 1;

/** Bytes an `incidents.bin` of n incidents takes. */
export function incidentBinSize(n: number): number {
  return n * BYTES_PER_INCIDENT;
}

/**
 * Encodes columns to `incidents.bin`. Coordinates are rounded to microdegrees (about 0.1 m);
 * times must be whole epoch seconds within Uint32.
 */
export function encodeIncidentBin(cols: IncidentColumns): Uint8Array {
  const n = cols.lng.length;
  const out = new Uint8Array(incidentBinSize(n));
  const view = new DataView(out.buffer);
  for (let i = 0; i < n; i++) {
    view.setInt32(i * 4, Math.round(cols.lng[i] * 1e6), true);
    view.setInt32(4 * n + i * 4, Math.round(cols.lat[i] * 1e6), true);
    view.setUint32(8 * n + i * 4, cols.timeSec[i], true);
  }
  out.set(cols.category, 12 * n);
  return out;
}

/**
 * Decodes `incidents.bin`. Throws when the byte length does not match `count`, so that a
 * truncated download is reported instead of silently losing incidents.
 */
export function decodeIncidentBin(buffer: ArrayBuffer, count: number): IncidentColumns {
  if (buffer.byteLength !== incidentBinSize(count)) {
    throw new Error(
      `incidents.bin holds ${buffer.byteLength} bytes; ${count} incidents need ${incidentBinSize(count)} — the file is truncated or does not match the manifest`,
    );
  }
  const view = new DataView(buffer);
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  const timeSec = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    lng[i] = view.getInt32(i * 4, true) / 1e6;
    lat[i] = view.getInt32(4 * count + i * 4, true) / 1e6;
    timeSec[i] = view.getUint32(8 * count + i * 4, true);
  }
  const category = new Uint8Array(buffer.slice(12 * count, 13 * count));
  return { lng, lat, timeSec, category };
}
