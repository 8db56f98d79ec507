// Map: what the user has chosen to see plus the analysis results the controller draws; the
// dataset itself is MapData (model). Everything here is produced elsewhere (loaders, the
// analysis worker, stores); the controller only turns it into layers.
import type { AreaGeometry, CameraCollection, CellCounts, GridMeasure, HotspotCollection, IncidentMeasure, IncidentMode, OverlayId, PolygonGeometry, Selection, Theme } from '../model';
import type { GiStarResult } from '../analysis/stats/gi-star';
import type { EmergingHotspotResult } from '../analysis/stats/emerging-hotspots';
import type { KdeGrid } from '../analysis/stats/kde';
import type { PeriodComparisonLike } from './layers/incident-layer';
import type { Lang } from '../i18n';
import type { GridEditView } from './layers/grid-edit-layer';
import type { CoverageLayerInput } from './layers/coverage-layer';
import type { WhatIfCamera } from './layers/whatif-layer';

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
  /** The heatmap's kernel density surface (incidents per km²), in heat mode. */
  density: KdeGrid | null;
  /** Incidents per grid in the current filter, in the order of `grids.features`. */
  gridIncidents: Uint32Array | null;
  /** The area drawn to filter incidents, outlined on the map. */
  drawnArea: PolygonGeometry | null;
  /** A new area is being drawn: overlays recede and do not answer clicks. */
  drawing: boolean;
  /** The grid editor's working layout, while the editor is open (it replaces the dataset's grids). */
  gridEdit: GridEditView | null;
  /** Camera coverage, blind spots and the open siting plan, once computed (coverage overlay). */
  coverage: CoverageLayerInput | null;
  /** The cameras as drawn: the dataset's, with any what-if edits applied. */
  cameras: CameraCollection;
  /** Cameras under what-if edits, marked as such; null when none. */
  whatIf: WhatIfCamera[] | null;
  /** Worker requests in flight: the map is not idle while any are pending. */
  pendingWork: number;
  /** The listed hotspots with the register's edits applied (state/register.ts). */
  hotspots: HotspotCollection;
  /** Candidate areas suggested for the register from Gi* hot cells, outlined; null when none. */
  candidates: AreaGeometry[] | null;
  /** The dataset's "today" (epoch ms): the real clock, or the demo's asOf; hotspot deadlines are judged on it. */
  now: number;
}
