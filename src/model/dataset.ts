// Model: a loaded dataset bundle and its manifest (data/demo/manifest.json). No logic.
import type { BBox, LngLat } from './geo';
import type { OffenceKind } from './incident';

export interface DatasetManifest {
  /** Shown in the title bar; the demo's says it is synthetic. */
  name: string;
  nameEn: string;
  /** True for generated data: the UI labels it 合成数据 / synthetic wherever it is shown. */
  synthetic: boolean;
  seed?: number;
  generator?: string;
  crs: 'WGS84';
  /** IANA zone in which the dataset's local times are read and shown. */
  timeZone: string;
  center: LngLat;
  bounds: BBox;
  /** Incident time range [first, last] as epoch ms. */
  timeRange: [number, number];
  /** Date (epoch ms) at which hotspot deadlines are judged: "today" for the dataset. */
  asOf: number;
  offenceKinds: OffenceKind[];
  counts: { towns: number; villages: number; grids: number; cameras: number; incidents: number; hotspots: number };
  /** File names relative to the manifest. */
  files: {
    admin: string;
    grids: string;
    cameras: string;
    hotspots: string;
    incidents: string;
    roads: string;
    water: string;
    buildings: string;
    places: string;
  };
}

/** Road classes of the basemap, widest first. */
export type RoadClass = 'expressway' | 'trunk' | 'primary' | 'street' | 'lane' | 'rural';

/** Place-name kinds; `rank` 1 shows first (county seat), 5 last. */
export type PlaceKind =
  | 'county-seat'
  | 'town'
  | 'village'
  | 'community'
  | 'market'
  | 'station'
  | 'school'
  | 'hospital'
  | 'entertainment'
  | 'government'
  | 'police';
