// Model: a saved camera-siting plan (collection 'camera-plans' of the user store). Types only.
import type { CameraKind } from './camera';

/** A place named by town · community · grid and the nearest named road (null where none). */
export interface NamedPlace {
  townId: string | null;
  town: string | null;
  townEn: string | null;
  village: string | null;
  villageEn: string | null;
  gridId: string | null;
  grid: string | null;
  gridEn: string | null;
  road: string | null;
  roadEn: string | null;
  roadDistanceM: number | null;
}

/** One proposed site of a plan, in the order chosen. */
export interface PlanSiteRecord {
  rank: number;
  /** Candidate id: `junction:3`, `lane:12`, `cell:<h3>`, `user:1`, `repair:<camera id>` (`@<heading>` for a directional view). */
  id: string;
  source: 'repair' | 'user' | 'junction' | 'lane' | 'blind-spot';
  /** WGS-84 degrees. */
  lng: number;
  lat: number;
  heading: number;
  fov: number;
  range: number;
  cost: number;
  /** Incidents it newly covers, and those covered by the sites up to it. */
  incidents: number;
  cumulativeIncidents: number;
  /**
   * The gain the planner ranked it by: incidents newly covered, those inside active listed
   * hotspots counted `hotspotWeight` times (equal to `incidents` at weight 1). Absent in plans
   * saved before it was recorded.
   */
  gain?: number;
  place: NamedPlace;
}

/** What the planner was asked. */
export interface PlanSettings {
  /** Number of sites, or null with a budget. */
  k: number | null;
  budget: number | null;
  kind: CameraKind;
  fov: number;
  range: number;
  newCost: number;
  /** Cost of a repair, or null when repairs were not offered. */
  repairCost: number | null;
  minSpacingM: number;
  hotspotWeight: number;
  /** Candidate sites the planner clicked on the map, [lng, lat] WGS-84 (absent in older plans). */
  userPoints?: [number, number][];
}

export interface CameraPlan {
  id: string;
  name: string;
  /** Epoch ms (real clock) when it was made. */
  createdAt: number;
  settings: PlanSettings;
  /** The filter the demand was taken under, as the user saw it (e.g. "全部 · 刑事案件"). */
  filterLabel: string;
  sites: PlanSiteRecord[];
  /** incidentsCurve[i]: incidents newly covered by the first i sites. */
  incidentsCurve: number[];
  totalIncidents: number;
  coveredBefore: number;
  resolution: number;
  /** Time the worker took to plan, milliseconds. */
  computeMs: number;
  /** Candidates the planner chose among (absent in older plans). */
  candidates?: number;
  /** Cameras under what-if edits when it was made: its "before" is the what-if coverage. */
  whatIfEdits?: number;
  /** Cells (resolution above) the plan newly covers, for the map. */
  addedCells: string[];
}
