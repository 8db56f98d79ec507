// Model: the administrative hierarchy county → town/sub-district → village/community → grid.
import type { AreaGeometry, Feature, FeatureCollection } from './geo';

export type AdminLevel = 'county' | 'town' | 'village';

export interface AdminProps {
  id: string;
  level: AdminLevel;
  /** Chinese name as it would appear on official documents, e.g. "城关镇", "东关社区". */
  name: string;
  /** Romanised name for the English interface. */
  nameEn: string;
  /** id of the enclosing unit; null for the county. */
  parentId: string | null;
  /** Towns: 'town' (镇) or 'subdistrict' (街道). Villages: 'village' (村) or 'community' (社区). */
  kind: 'county' | 'town' | 'subdistrict' | 'village' | 'community';
  households: number;
  population: number;
}
export type AdminFeature = Feature<AreaGeometry, AdminProps>;
export type AdminCollection = FeatureCollection<AreaGeometry, AdminProps>;

/** Grid kinds used in some places (DOMAIN.md): comprehensive by default. */
export type GridKind = 'comprehensive' | 'party' | 'safety' | 'harmony';

export interface GridProps {
  id: string;
  /** Official grid code, e.g. "341122-003-012-04". */
  code: string;
  name: string;
  nameEn: string;
  townId: string;
  villageId: string;
  kind: GridKind;
  households: number;
  population: number;
  /** Name of the responsible grid officer (网格员); synthetic in the demo. */
  officer: string;
  officerPhone: string;
  /** Urban grids subdivide a community; rural grids are one whole village. */
  setting: 'urban' | 'rural';
}
export type GridFeature = Feature<AreaGeometry, GridProps>;
export type GridCollection = FeatureCollection<AreaGeometry, GridProps>;
