// State: what-if edits of cameras — a camera dragged, turned, its view widened or its range
// changed, to see what coverage would be. They are NOT the camera register: the dataset's
// cameras stay as they are; the edits live beside them, saved as made through userStore()
// (collection 'camera-whatif', one document per dataset), and are sent to the analysis worker,
// whose coverage, measures and blind spots then use the edited cameras. `applied` counts the
// edits the worker has taken, so coverage requests made after it see them.
import { create } from 'zustand';
import type { CameraCollection, CameraFeature, MapData } from '../model';
import type { CameraView } from '../analysis/cameras/coverage';
import type { AnalysisClient } from '../worker/analysis-client';
import { userStore } from '../storage';

/** A camera's view as edited: position (WGS-84 degrees), heading, field of view, range. */
export interface CameraEdit {
  lng: number;
  lat: number;
  heading: number;
  fov: number;
  range: number;
}

interface SavedWhatIf {
  dataset: string;
  edits: Record<string, CameraEdit>;
}

export interface CameraWhatIfState {
  /** Dataset whose edits these are (its manifest name); null before one loads. */
  dataset: string | null;
  /** Edits by camera id; an object replaced on every change. */
  edits: Readonly<Record<string, CameraEdit>>;
  /** Id of the camera whose position is being dragged on the map, if any. */
  moving: string | null;
  /** Edits the worker has applied so far (a counter: coverage asks again when it moves). */
  applied: number;
  saveError: string | null;
}

export const useCameraWhatIf = create<CameraWhatIfState>(() => ({ dataset: null, edits: {}, moving: null, applied: 0, saveError: null }));

const COLLECTION = 'camera-whatif' as const;

/** The register's view of a camera, as an edit. */
export function originalEdit(camera: CameraFeature): CameraEdit {
  const p = camera.properties;
  return { lng: camera.geometry.coordinates[0], lat: camera.geometry.coordinates[1], heading: p.heading, fov: p.fov, range: p.range };
}

/** Heading into [0, 360), fov into [1, 360], range into [1, 1000] m: what a camera can be. */
function clampEdit(e: CameraEdit): CameraEdit {
  const heading = (((Math.round(e.heading) % 360) + 360) % 360);
  return { lng: e.lng, lat: e.lat, heading, fov: Math.min(360, Math.max(1, Math.round(e.fov))), range: Math.min(1000, Math.max(1, Math.round(e.range))) };
}

/** Changes one camera's what-if view (merged into its current one); an edit back to the register's values drops it. */
export function editCamera(camera: CameraFeature, patch: Partial<CameraEdit>): void {
  const id = camera.properties.id;
  const { edits } = useCameraWhatIf.getState();
  const original = originalEdit(camera);
  const next = clampEdit({ ...(edits[id] ?? original), ...patch });
  const same = (Object.keys(original) as (keyof CameraEdit)[]).every((k) => original[k] === next[k]);
  const rest = { ...edits };
  delete rest[id];
  useCameraWhatIf.setState({ edits: same ? rest : { ...rest, [id]: next } });
}

/** Restores one camera to the register's values. */
export function resetCamera(id: string): void {
  const { edits, moving } = useCameraWhatIf.getState();
  if (!(id in edits)) return;
  const rest = { ...edits };
  delete rest[id];
  useCameraWhatIf.setState({ edits: rest, moving: moving === id ? null : moving });
}

/** Restores every camera. */
export function resetAllCameras(): void {
  useCameraWhatIf.setState({ edits: {}, moving: null });
}

/** Starts or ends dragging a camera's position on the map. */
export function setMovingCamera(id: string | null): void {
  useCameraWhatIf.setState({ moving: id });
}

/** The cameras with the edits applied: the same collection when there are none, and unedited features kept by identity. */
export function camerasWithEdits(cameras: CameraCollection, edits: Readonly<Record<string, CameraEdit>>): CameraCollection {
  if (Object.keys(edits).length === 0) return cameras;
  return {
    ...cameras,
    features: cameras.features.map((f) => {
      const e = edits[f.properties.id];
      return e ? { ...f, geometry: { type: 'Point' as const, coordinates: [e.lng, e.lat] as [number, number] }, properties: { ...f.properties, heading: e.heading, fov: e.fov, range: e.range } } : f;
    }),
  };
}

function viewOf(camera: CameraFeature, e: CameraEdit): CameraView {
  return { id: camera.properties.id, lng: e.lng, lat: e.lat, heading: e.heading, fov: e.fov, range: e.range, status: camera.properties.status };
}

/**
 * Loads the saved edits of `data`'s dataset and keeps the worker (whose coverage data `ready`
 * resolves once set) and the store in step with every later edit. One worker call and one write
 * at a time: edits made meanwhile (a drag) are sent together afterwards, the latest winning.
 */
export function startWhatIf(client: AnalysisClient, data: MapData, ready: Promise<unknown>): () => void {
  const dataset = data.manifest.name;
  const byId = new Map(data.cameras.features.map((f) => [f.properties.id, f]));
  let stopped = false;
  /** What the worker holds (edits of this dataset; {} right after setCoverageData). */
  let sent: Readonly<Record<string, CameraEdit>> = {};
  let syncing = false;
  let saved: Readonly<Record<string, CameraEdit>> | null = null;
  let saving = false;

  const sync = async () => {
    if (syncing) return;
    syncing = true;
    try {
      await ready;
      for (;;) {
        const { edits } = useCameraWhatIf.getState();
        if (stopped || edits === sent) break;
        const ids = new Set([...Object.keys(edits), ...Object.keys(sent)].filter((id) => edits[id] !== sent[id] && byId.has(id)));
        const views = [...ids].map((id) => viewOf(byId.get(id)!, edits[id] ?? originalEdit(byId.get(id)!)));
        if (views.length > 0) await client.updateCoverageCameras(views);
        sent = edits;
        if (!stopped && views.length > 0) useCameraWhatIf.setState((s) => ({ applied: s.applied + 1 }));
      }
    } catch (e) {
      console.error('what-if update failed:', e);
    } finally {
      syncing = false;
    }
  };
  const save = async () => {
    if (saving || saved === null) return;
    saving = true;
    try {
      for (;;) {
        const { edits, dataset: current } = useCameraWhatIf.getState();
        if (stopped || current !== dataset || edits === saved) break;
        await (await userStore()).put<SavedWhatIf>(COLLECTION, dataset, { dataset, edits });
        saved = edits;
        useCameraWhatIf.setState({ saveError: null });
      }
    } catch (e) {
      useCameraWhatIf.setState({ saveError: e instanceof Error ? e.message : String(e) });
    } finally {
      saving = false;
    }
  };

  const sameDataset = useCameraWhatIf.getState().dataset === dataset;
  if (!sameDataset) useCameraWhatIf.setState({ dataset, edits: {}, moving: null });
  const unsubscribe = useCameraWhatIf.subscribe((s, p) => {
    if (s.edits === p.edits) return;
    void sync();
    void save();
  });
  if (sameDataset) {
    // New cameras or basemap of the same dataset (an import): the worker starts afresh.
    saved = useCameraWhatIf.getState().edits;
    void sync();
  } else {
    void userStore()
      .then((store) => store.get<SavedWhatIf>(COLLECTION, dataset))
      .then((doc) => {
        if (stopped) return;
        const edits = Object.fromEntries(Object.entries(doc?.value.edits ?? {}).filter(([id]) => byId.has(id)));
        saved = doc?.value.edits ?? {};
        if (Object.keys(edits).length > 0) useCameraWhatIf.setState({ edits });
      })
      .catch((e: unknown) => {
        console.warn('saved what-if edits unreadable:', e);
        saved = {};
      });
  }
  return () => {
    stopped = true;
    unsubscribe();
  };
}
