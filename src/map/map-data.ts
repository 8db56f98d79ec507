// Map: the inputs the map controller draws. Everything here is produced elsewhere (loaders,
// the analysis worker, stores); the controller only turns it into layers.
import type {
  AdminCollection,
  BuildingCollection,
  CameraCollection,
  DatasetManifest,
  GridCollection,
  HotspotCollection,
  PlaceCollection,
  RoadCollection,
  WaterCollection,
} from '../model';
import type { GridMeasure, IncidentMode, OverlayId } from '../state/layers';
import type { Selection } from '../state/selection';
import type { Lang } from '../i18n';
import type { Theme } from './basemap/offline-style';

export interface BasemapData {
  admin: AdminCollection;
  roads: RoadCollection;
  water: WaterCollection;
  buildings: BuildingCollection;
  places: PlaceCollection;
}

/** The loaded dataset: static for the life of the page. */
export interface MapData extends BasemapData {
  manifest: DatasetManifest;
  grids: GridCollection;
  cameras: CameraCollection;
  hotspots: HotspotCollection;
}

/** Incident counts per H3 cell for the current filter, as the worker returns them. */
export interface CellCounts {
  resolution: number;
  cells: string[];
  counts: Uint32Array;
  total: number;
  max: number;
}

/** What the user has chosen to see, plus analysis results; changes often. */
export interface MapView {
  visible: Record<OverlayId, boolean>;
  gridMeasure: GridMeasure;
  incidentMode: IncidentMode;
  lang: Lang;
  theme: Theme;
  selection: Selection;
  /** Hexagon counts at the resolution the current zoom asks for. */
  hexCounts: CellCounts | null;
  /** Fine cell counts that feed the heatmap. */
  heatCounts: CellCounts | null;
  /** Incidents per grid in the current filter, in the order of `grids.features`. */
  gridIncidents: Uint32Array | null;
  /** Worker requests in flight: the map is not idle while any are pending. */
  pendingWork: number;
}
