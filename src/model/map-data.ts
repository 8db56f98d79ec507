// Model: the loaded dataset as the map and the panels take it, and the hexagon counts the worker
// answers with. Types only.
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
} from './index';


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

/**
 * Incident counts per H3 cell for the current filter. `cells` is the resolution's full, stable
 * cell list (the same array object for every filter); counts are zero where nothing matched.
 */
export interface CellCounts {
  resolution: number;
  cells: string[];
  counts: Uint32Array;
  total: number;
  max: number;
}
