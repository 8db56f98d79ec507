// Model: where the basemap comes from when it is not the dataset's own GeoJSON layers — a tile
// archive or a MapLibre style named in config.json beside the app, or a tile archive the user
// picked from disk. No logic.

/** `pmtiles` / `mbtiles`: a tile archive; `style`: a MapLibre style JSON (an intranet tile server's). */
export type BasemapFormat = 'pmtiles' | 'mbtiles' | 'style';

export type BasemapSource =
  /** Named in config.json: an absolute URL on this origin or on an origin config.json allows. */
  | { from: 'config'; format: BasemapFormat; url: string; name: string }
  /** A file the user picked (kept in the UserStore so that it survives a reload). */
  | { from: 'file'; format: Exclude<BasemapFormat, 'style'>; file: Blob; name: string };
