// Model: incidents (警情/案件) — the offence dictionary and the binary column layout. No logic.

/** Case classes as reported in county statistics (DOMAIN.md). */
export const CASE_CLASSES = ['criminal', 'public-order', 'dispute', 'traffic'] as const;
export type CaseClass = (typeof CASE_CLASSES)[number];

/** One entry of a dataset's offence dictionary; `code` is what the category column stores. */
export interface OffenceKind {
  code: number;
  id: string;
  zh: string;
  en: string;
  caseClass: CaseClass;
  /**
   * How much one incident of this kind weighs when blind spots are ranked by severity (optional;
   * without it the case class decides: analysis/cameras/severity.ts).
   */
  severity?: number;
}

/** One incident in row form (import, export, detail panels). Times are epoch milliseconds. */
export interface Incident {
  lng: number;
  lat: number;
  time: number;
  category: number;
}

/**
 * Incidents in column form: the shape held by the worker and transferred between threads.
 * Coordinates are WGS-84 degrees as Float64 (exact round trip of any imported value); time is
 * epoch seconds (Uint32 covers 1970–2106 in half the memory of epoch ms); category indexes the
 * dataset's OffenceKind list. Uint16 codes (0…65,535) because real code lists are long (Chicago's
 * IUCR has ~400 codes, a national 警情 code list thousands); a byte would cap them at 256.
 */
export interface IncidentColumns {
  lng: Float64Array;
  lat: Float64Array;
  timeSec: Uint32Array;
  category: Uint16Array;
}

/**
 * Layout of `incidents.bin`: little-endian columns one after another, n = manifest count:
 * lngE6 Int32[n] (microdegrees), latE6 Int32[n], timeSec Uint32[n], then category as Uint8[n]
 * when every code is below 256, else Uint16[n]. The width follows from the file's length (13 n or
 * 14 n bytes, never equal for n > 0), so files written with one-byte codes still read unchanged.
 * Microdegrees (~0.1 m) keep the file at 13–14 bytes an incident and round-trip exactly.
 */
export const INCIDENT_BIN_LAYOUT = ['lngE6:int32', 'latE6:int32', 'timeSec:uint32', 'category:uint8|uint16'] as const;
