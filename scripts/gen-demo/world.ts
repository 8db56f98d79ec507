// Demo generator: the in-memory county every stage adds to, in local metres. Only writer.ts turns
// it into files, so the stages never think about GeoJSON or degrees.
import type { CameraProps } from '../../src/model/camera';
import type { PlaceKind, RoadClass } from '../../src/model/dataset';
import type { HotspotProps } from '../../src/model/hotspot';
import type { Atoms } from './atoms';
import type { Outline } from './county';
import type { Facility } from './fabric';
import type { XY } from './geometry';
import type { Plan } from './plan';
import type { WaterBody } from './water';

/** Statistical code of the (fictitious) county: 34 = Anhui, 99 = no real prefecture. */
export const COUNTY_CODE = '349901';

export interface Town {
  index: number;
  id: string;
  name: string;
  nameEn: string;
  stem: { zh: string; py: string };
  kind: 'town' | 'subdistrict';
  seat: XY;
  /** Plan of its centre (the county town's for sub-districts). */
  plan: number;
}

export interface Village {
  index: number;
  id: string;
  name: string;
  nameEn: string;
  kind: 'village' | 'community';
  town: number;
  seat: XY;
  atoms: number[];
  households: number;
  population: number;
}

export interface Grid {
  index: number;
  id: string;
  name: string;
  nameEn: string;
  town: number;
  village: number;
  atoms: number[];
  households: number;
  population: number;
  officer: string;
  officerPhone: string;
  kind: 'comprehensive' | 'party' | 'safety' | 'harmony';
  setting: 'urban' | 'rural';
}

export interface Road {
  cls: RoadClass;
  name?: string;
  nameEn?: string;
  line: XY[];
}

export interface Place {
  name: string;
  nameEn: string;
  kind: PlaceKind;
  rank: number;
  p: XY;
}

export interface Building {
  ring: XY[];
  levels: number;
}

export interface Camera extends Omit<CameraProps, 'id'> {
  p: XY;
}

export interface Hotspot {
  props: HotspotProps;
  ring: XY[];
  facility: Facility;
}

export interface World {
  seed: number;
  outline: Outline;
  countyTown: XY;
  river: XY[];
  expressway: XY[];
  plans: Plan[];
  facilities: Facility[];
  atoms: Atoms;
  /** Per atom: 1 inside the county. */
  inCounty: Uint8Array;
  townOf: Int32Array;
  villageOf: Int32Array;
  gridOf: Int32Array;
  /** Households living in each atom (lattice atoms only; villages spread theirs over hamlets). */
  atomHouseholds: Float64Array;
  towns: Town[];
  villages: Village[];
  grids: Grid[];
  water: WaterBody[];
  roads: Road[];
  buildings: Building[];
  places: Place[];
  cameras: Camera[];
  hotspots: Hotspot[];
}
