// Worker: the import API (comlink) — opens a dropped file, previews it, and runs the import off
// the page's thread with progress. Cancel is terminating this worker (import.worker.ts runs one
// file at a time), which stops even a parse in the middle of a million rows.
import { transfer } from 'comlink';
import type { BBox, CoordinateSystem } from '../model/geo';
import type { CameraCollection, BuildingCollection, GridCollection, HotspotCollection } from '../model';
import type { OffenceKind, IncidentColumns } from '../model/incident';
import { applyCategoryMatch, matchCategories } from '../io/import/categories';
import { detectMapping, type ColumnMapping, type ImportKind } from '../io/import/mapping';
import { offsetHint, type OffsetHint } from '../io/import/offset-hint';
import type { ImportRejection } from '../io/import/reasons';
import { importSource, openSource } from '../io/import/run-import';
import type { ImportFormat, TableSource } from '../io/import/table-source';
import { areasToBuildings, areasToGrids, areasToHotspots } from '../io/import/to-layers';
import type { TextEncodingOption } from '../io/text-decode';
import { parseNumber } from '../io/csv-incident-rows';

export interface ImportPreview {
  format: ImportFormat;
  encoding: string;
  header: string[];
  rows: string[][];
  approxRows: number;
  mapping: ColumnMapping;
}

export interface ImportRunOptions {
  kind: ImportKind;
  mapping: ColumnMapping;
  crs: CoordinateSystem;
  timeZone: string;
  /** The dataset's offence kinds, to match the file's categories to. */
  kinds: OffenceKind[];
}

interface Counts {
  total: number;
  accepted: number;
  rejected: ImportRejection[];
}

export type ImportOutcome = Counts &
  (
    | { kind: 'incidents'; columns: IncidentColumns; kinds: OffenceKind[]; unknown: { name: string; rows: number }[] }
    | { kind: 'cameras'; cameras: CameraCollection }
    | { kind: 'grids'; grids: GridCollection }
    | { kind: 'hotspots'; hotspots: HotspotCollection }
    | { kind: 'buildings'; buildings: BuildingCollection }
  );

const PREVIEW_ROWS = 8;
const HINT_ROWS = 2000;

export function createImportApi() {
  let source: TableSource | null = null;
  const need = (): TableSource => {
    if (!source) throw new Error('no file opened: call inspect first');
    return source;
  };
  return {
    /** Opens a file (throws an ImportFileError message for a file that is no table at all). */
    async inspect(name: string, bytes: Uint8Array, kind: ImportKind, encoding: TextEncodingOption = 'auto'): Promise<ImportPreview> {
      source = await openSource(name, bytes, encoding);
      return { format: source.format, encoding: source.encoding, header: source.header, rows: source.preview(PREVIEW_ROWS), approxRows: source.approxRows, mapping: detectMapping(source.header, kind) };
    },

    /** The detected mapping of the open file for another kind. */
    async mappingFor(kind: ImportKind): Promise<ColumnMapping> {
      return detectMapping(need().header, kind);
    },

    /** The offset hint of the first rows' positions under `mapping`, against the dataset's bounds. */
    async hint(mapping: ColumnMapping, bounds: BBox): Promise<OffsetHint | null> {
      if (mapping.lat === undefined || mapping.lon === undefined) return null;
      const pts = need()
        .preview(HINT_ROWS)
        .map((r) => [parseNumber(r[mapping.lon!] ?? '', 0, (r[mapping.lon!] ?? '').length), parseNumber(r[mapping.lat!] ?? '', 0, (r[mapping.lat!] ?? '').length)] as [number, number]);
      return offsetHint(pts, bounds);
    },

    /** Runs the import; `onProgress(share)` is called now and then with 0…1. */
    async run(opts: ImportRunOptions, onProgress?: (share: number) => void): Promise<ImportOutcome> {
      const r = importSource(need(), { kind: opts.kind, crs: opts.crs, timeZone: opts.timeZone, mapping: opts.mapping, onProgress: (done, total) => onProgress?.(Math.min(1, done / total)) });
      const counts = { total: r.total, accepted: r.accepted, rejected: r.rejected };
      if (r.kind === 'incidents') {
        const match = matchCategories(r.categories, r.columns.category, opts.kinds);
        applyCategoryMatch(r.columns.category, match);
        const c = r.columns;
        const out: ImportOutcome = { ...counts, kind: 'incidents', columns: c, kinds: match.kinds, unknown: match.unknown };
        return transfer(out, [c.lng.buffer, c.lat.buffer, c.timeSec.buffer, c.category.buffer] as ArrayBuffer[]);
      }
      if (r.kind === 'cameras') return { ...counts, kind: 'cameras', cameras: r.cameras };
      if (r.kind === 'grids') return { ...counts, kind: 'grids', grids: areasToGrids(r.areas) };
      if (r.kind === 'hotspots') return { ...counts, kind: 'hotspots', hotspots: areasToHotspots(r.areas) };
      return { ...counts, kind: 'buildings', buildings: areasToBuildings(r.areas) };
    },
  };
}

export type ImportApi = ReturnType<typeof createImportApi>;
