// IO (pure): why an imported row was not taken — a stable code per reason, with the zh-CN and
// en text a clerk reads (from the importer's message file, so the UI, the CLI and the report
// download say the same thing).
import { importEn, importZhCN } from '../../i18n/messages/import';

export const REJECT_CODES = [
  'missing-coordinate',
  'coordinate-not-number',
  'latitude-out-of-range',
  'longitude-out-of-range',
  'swapped-lat-lon',
  'zero-coordinate',
  'missing-date',
  'date-not-understood',
  'date-invalid',
  'date-out-of-range',
  'missing-category',
  'too-many-categories',
  'field-count',
  'malformed-quotes',
  'missing-geometry',
  'not-a-polygon',
  'missing-id',
  'bad-value',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/** One row not imported: its first line in the file (header = line 1), its reasons, a detail. */
export interface ImportRejection {
  line: number;
  /** Every problem of the row, the first the main one. */
  codes: RejectCode[];
  /** The technical sentence (English, with the offending values), for the CLI and tooltips. */
  detail: string;
}

/** The clerk's text of a reason. */
export function reasonText(code: RejectCode, lang: 'zh-CN' | 'en'): string {
  return (lang === 'en' ? importEn : importZhCN)[`import.reason.${code}`];
}

/** All reasons of a rejection as one line of text, e.g. "缺少时间；缺少类别". */
export function rejectionText(r: Pick<ImportRejection, 'codes'>, lang: 'zh-CN' | 'en'): string {
  return r.codes.map((c) => reasonText(c, lang)).join(lang === 'en' ? '; ' : '；');
}
