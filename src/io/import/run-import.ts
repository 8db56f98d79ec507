// IO (pure): one entry for every import — open the file, map its columns (detected, then the
// user's choices), read the records of the chosen kind. A file that cannot be read at all
// throws an ImportFileError with a message; every other problem is a rejected row.
import type { CoordinateSystem } from '../../model/geo';
import type { TextEncodingOption } from '../text-decode';
import { importAreas, type AreaImport } from './import-areas';
import { importCameras, type CameraImport } from './import-cameras';
import { importIncidents, type IncidentImport } from './import-incidents';
import { detectMapping, type ColumnMapping, type ImportKind, type MappingField, withNamedColumns } from './mapping';
import { openImportFile } from './open-file';
import type { TableSource } from './table-source';

export interface ImportOptions {
  kind: ImportKind;
  crs?: CoordinateSystem;
  encoding?: TextEncodingOption;
  timeZone?: string;
  /** Column indexes chosen in the dialog, over the detected ones. */
  mapping?: ColumnMapping;
  /** Column names given on the command line, over the detected ones. */
  columnNames?: Partial<Record<MappingField, string>>;
  keepOtherColumns?: boolean;
  onProgress?(done: number, approxTotal: number): void;
}

export type ImportResult =
  | ({ kind: 'incidents' } & IncidentImport)
  | ({ kind: 'cameras' } & CameraImport)
  | ({ kind: 'grids' | 'hotspots' | 'buildings' } & AreaImport);

/** A file that cannot be imported at all (not a table, no header, a column missing, bad option). */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

/** Opens a file; any reader error becomes an ImportFileError. */
export async function openSource(name: string, bytes: Uint8Array, encoding?: TextEncodingOption): Promise<TableSource> {
  try {
    return await openImportFile(name, bytes, { encoding });
  } catch (e) {
    throw new ImportFileError(e instanceof Error ? e.message : String(e));
  }
}

/** The mapping used for `src`: detected, then `opts.mapping`, then `opts.columnNames`. */
export function resolveMapping(src: TableSource, opts: Pick<ImportOptions, 'kind' | 'mapping' | 'columnNames'>): ColumnMapping {
  const m = { ...detectMapping(src.header, opts.kind), ...opts.mapping };
  try {
    return opts.columnNames ? withNamedColumns(src.header, m, opts.columnNames) : m;
  } catch (e) {
    throw new ImportFileError((e as Error).message);
  }
}

/** Reads `src` as `opts.kind`. Accepted + rejected = total, always. */
export function importSource(src: TableSource, opts: ImportOptions): ImportResult {
  const mapping = resolveMapping(src, opts);
  try {
    if (opts.kind === 'incidents') {
      return { kind: 'incidents', ...importIncidents(src, { mapping, crs: opts.crs, timeZone: opts.timeZone, keepOtherColumns: opts.keepOtherColumns, onProgress: opts.onProgress }) };
    }
    if (opts.kind === 'cameras') return { kind: 'cameras', ...importCameras(src, mapping, opts.crs) };
    return { kind: opts.kind, ...importAreas(src, mapping, opts.crs) };
  } catch (e) {
    if (e instanceof RangeError) throw new ImportFileError(e.message);
    throw e;
  }
}

/** Opens and imports a file in one call. */
export async function importFile(name: string, bytes: Uint8Array, opts: ImportOptions): Promise<ImportResult> {
  return importSource(await openSource(name, bytes, opts.encoding), opts);
}
