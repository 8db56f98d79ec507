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
  PolygonGeometry,
  RoadCollection,
  WaterCollection,
} from '../model';
import type { GridMeasure, IncidentMeasure, IncidentMode, OverlayId } from '../state/layers';
import type { GiStarResult } from '../analysis/gi-star';
import type { EmergingHotspotResult } from '../analysis/emerging-hotspots';
import type { PeriodComparisonLike } from './layers/incident-layer';
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

/** What the user has chosen to see, plus analysis results; changes often. */
export interface MapView {
  visible: Record<OverlayId, boolean>;
  gridMeasure: GridMeasure;
  incidentMode: IncidentMode;
  incidentMeasure: IncidentMeasure;
  lang: Lang;
  theme: Theme;
  selection: Selection;
  /** Hexagon counts at the resolution the current zoom asks for. */
  hexCounts: CellCounts | null;
  /** Counts in the current and the comparison period, when the hexagons show change. */
  comparison: PeriodComparisonLike | null;
  /** Gi* hot and cold spots, when that overlay is on. */
  giStar: GiStarResult | null;
  /** Emerging hot-spot categories, when the Gi* overlay shows the trend. */
  emerging: EmergingHotspotResult | null;
  /** Fine cell counts that feed the heatmap. */
  heatCounts: CellCounts | null;
  /** Incidents per grid in the current filter, in the order of `grids.features`. */
  gridIncidents: Uint32Array | null;
  /** The area drawn to filter incidents, outlined on the map. */
  drawnArea: PolygonGeometry | null;
  /** A new area is being drawn: overlays recede and do not answer clicks. */
  drawing: boolean;
  /** Worker requests in flight: the map is not idle while any are pending. */
  pendingWork: number;
}
