// Model: the names of what a user can choose to see — overlays, measures, theme, selection —
// shared by the stores, the map and the panels. Types and constant lists only.

export const OVERLAYS = ['grids', 'cameras', 'incidents', 'hotspots', 'gistar', 'coverage'] as const;
export type OverlayId = (typeof OVERLAYS)[number];

export type GridMeasure = 'incidents' | 'incidentRate' | 'households' | 'population' | 'none';
export type IncidentMode = 'hex' | 'heat';
/** What the hexagons show: counts, or the change against the previous period (环比) or last year (同比). */
export type IncidentMeasure = 'count' | 'vsPrevious' | 'vsLastYear';
/** The look: light for offices and projectors, dark for wall screens in a dim command centre. */
export type Theme = 'light' | 'dark';
/** Buckets of the trend under the map. */
export type TrendBucket = 'day' | 'week';
/** Ring distance of the Gi* neighbourhood: 1 (the cell and its 6 neighbours) or 2 (19 cells). */
export type GiStarK = 1 | 2;
/** H3 resolutions Gi* and the hot-spot trend can be analysed at (res 7 ≈ 5.2 km², 8 ≈ 0.74 km², 9 ≈ 0.11 km² a cell). */
export const GISTAR_RESOLUTIONS = [7, 8, 9] as const;
export type GiStarResolution = (typeof GISTAR_RESOLUTIONS)[number];
/** What the Gi* overlay shows: significance now, or each cell's hot-spot trend over the periods. */
export type GiStarView = 'significance' | 'emerging';

/** The feature whose details are open. */
export type Selection =
  | { kind: 'grid'; id: string }
  | { kind: 'camera'; id: string }
  | { kind: 'hotspot'; id: string }
  | { kind: 'cell'; h3: string; count: number }
  | null;
