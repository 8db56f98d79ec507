// State: the import dialog — a file opened in the import worker, its preview and mapping, the
// run with progress, and the report. Cancel terminates the worker: nothing of a cancelled
// import reaches the dataset. A finished import replaces the dataset's layer (dataset.ts).
import { create } from 'zustand';
import { proxy, type Remote } from 'comlink';
import type { CoordinateSystem } from '../model/geo';
import type { ColumnMapping, ImportKind, MappingField } from '../io/import/mapping';
import type { OffsetHint } from '../io/import/offset-hint';
import type { ImportApi, ImportOutcome, ImportPreview } from '../worker/import-api';
import { startImportWorker, type ImportWorker } from '../worker/import-client';
import { replaceData, useDataset } from './dataset';

export type ImportPhase = 'closed' | 'choose' | 'opening' | 'preview' | 'running' | 'report' | 'cancelled' | 'error';

/** The report of a finished import (the layer data itself goes to the dataset). */
export type ImportReport = Pick<ImportOutcome, 'total' | 'accepted' | 'rejected' | 'kind'> & {
  unknown: { name: string; rows: number }[];
  fileName: string;
  /** The zone an incidents import's times were read in, now the dataset's (null for other kinds). */
  timeZone: string | null;
};

interface ImportState {
  phase: ImportPhase;
  kind: ImportKind;
  fileName: string;
  preview: ImportPreview | null;
  mapping: ColumnMapping;
  crs: CoordinateSystem;
  timeZone: string;
  hint: OffsetHint | null;
  /** 0…1 while running. */
  progress: number;
  report: ImportReport | null;
  error: string | null;
}

export const useImport = create<ImportState>(() => ({
  phase: 'closed',
  kind: 'incidents',
  fileName: '',
  preview: null,
  mapping: {},
  crs: 'WGS84',
  timeZone: useDataset.getState().data?.manifest.timeZone ?? 'Asia/Shanghai',
  hint: null,
  progress: 0,
  report: null,
  error: null,
}));

let worker: ImportWorker | null = null;
let api: Remote<ImportApi> | null = null;

function stopWorker(): void {
  worker?.terminate();
  worker = null;
  api = null;
}

function startWorker(): Remote<ImportApi> {
  stopWorker();
  worker = startImportWorker();
  api = worker.api;
  return api;
}

export function openImportDialog(kind?: ImportKind): void {
  const tz = useDataset.getState().data?.manifest.timeZone ?? 'Asia/Shanghai';
  useImport.setState((s) => ({ phase: 'choose', kind: kind ?? s.kind, preview: null, report: null, error: null, progress: 0, hint: null, timeZone: tz }));
}

export function closeImportDialog(): void {
  stopWorker();
  useImport.setState({ phase: 'closed', preview: null });
}

/** Opens a file: reads its bytes, previews it in the worker, detects the mapping and the hint. */
export async function chooseImportFile(file: File): Promise<void> {
  const a = startWorker();
  useImport.setState({ phase: 'opening', fileName: file.name, preview: null, report: null, error: null, hint: null });
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const preview = await a.inspect(file.name, bytes, useImport.getState().kind);
    if (api !== a) return;
    useImport.setState({ phase: 'preview', preview, mapping: preview.mapping, crs: 'WGS84' });
    await refreshHint();
  } catch (e) {
    if (api === a) useImport.setState({ phase: 'error', error: e instanceof Error ? e.message : String(e) });
  }
}

export async function setImportKind(kind: ImportKind): Promise<void> {
  useImport.setState({ kind });
  if (api && useImport.getState().preview) {
    useImport.setState({ mapping: await api.mappingFor(kind) });
    await refreshHint();
  }
}

export function setImportColumn(field: MappingField, column: number | undefined): void {
  useImport.setState((s) => {
    const mapping = { ...s.mapping };
    if (column === undefined) delete mapping[field];
    else mapping[field] = column;
    return { mapping };
  });
  void refreshHint();
}

export function setImportCrs(crs: CoordinateSystem): void {
  useImport.setState({ crs });
}

export function setImportTimeZone(timeZone: string): void {
  useImport.setState({ timeZone });
}

async function refreshHint(): Promise<void> {
  const data = useDataset.getState().data;
  if (!api || !data) return;
  const hint = await api.hint(useImport.getState().mapping, data.manifest.bounds);
  useImport.setState({ hint });
}

/** Runs the import in the worker, then hands the result to the dataset. */
export async function startImport(): Promise<void> {
  const s = useImport.getState();
  const data = useDataset.getState().data;
  const a = api;
  if (!a || !data) return;
  useImport.setState({ phase: 'running', progress: 0, error: null });
  try {
    const out = await a.run(
      { kind: s.kind, mapping: s.mapping, crs: s.crs, timeZone: s.timeZone, kinds: data.manifest.offenceKinds },
      proxy((share: number) => {
        if (api === a) useImport.setState({ progress: share });
      }),
    );
    if (api !== a) return; // cancelled meanwhile
    stopWorker();
    if (out.accepted > 0) {
      if (out.kind === 'incidents') await replaceData({ incidents: { columns: out.columns, offenceKinds: out.kinds, timeZone: s.timeZone } });
      else if (out.kind === 'cameras') await replaceData({ cameras: out.cameras });
      else if (out.kind === 'grids') await replaceData({ grids: out.grids });
      else if (out.kind === 'hotspots') await replaceData({ hotspots: out.hotspots });
      else await replaceData({ buildings: out.buildings });
    }
    useImport.setState({
      phase: 'report',
      progress: 1,
      report: { kind: out.kind, total: out.total, accepted: out.accepted, rejected: out.rejected, unknown: out.kind === 'incidents' ? out.unknown : [], fileName: s.fileName, timeZone: out.kind === 'incidents' && out.accepted > 0 ? s.timeZone : null },
    });
  } catch (e) {
    if (api === a || api === null) useImport.setState({ phase: 'error', error: e instanceof Error ? e.message : String(e) });
  }
}

/** Stops a running import: the worker is terminated, the dataset stays as it was. */
export function cancelImport(): void {
  stopWorker();
  useImport.setState({ phase: 'cancelled', progress: 0 });
}
