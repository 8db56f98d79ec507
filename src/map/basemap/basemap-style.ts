// Map: the MapLibre style of the basemap in use — the dataset's own GeoJSON layers
// (offline-style.ts), a tile archive (.pmtiles/.mbtiles), or an intranet style — with the
// dataset's county and town outlines always on top. Vector archives are drawn with the
// Protomaps basemap layers (@protomaps/basemaps, the styling of the Protomaps schema: source
// layers earth, water, landuse, roads, buildings …) in the light or dark flavour, without their
// label layers: those need glyph and sprite files, and the app draws its own labels.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import type { BasemapData, Theme } from '../../model';
import type { BasemapSource } from '../../model/basemap-source';
import { adminLayers, adminSources, offlineStyle } from './offline-style';
import { openArchive, type OpenedArchive } from './tile-archives';

/** A basemap ready to draw: a tile archive, or a style fetched from the intranet. */
export type OpenedBasemap = ({ type: 'archive' } & OpenedArchive) | { type: 'style'; style: StyleSpecification };

/** Layers only the Protomaps schema has (OpenMapTiles also has water and landuse, but calls roads transportation). */
const PROTOMAPS_LAYERS = ['earth', 'roads'];

/**
 * Opens a basemap. `origins` are those it may load from (the page's own and config.json's
 * basemapOrigins): a style that points anywhere else is refused, so nothing leaves the intranet.
 */
export async function openBasemap(source: BasemapSource, origins: readonly string[]): Promise<OpenedBasemap> {
  if (source.format !== 'style') {
    const archive = await openArchive(source as Exclude<BasemapSource, { format: 'style' }>);
    if (archive.kind === 'vector' && archive.layerIds.length > 0 && !archive.layerIds.some((id) => PROTOMAPS_LAYERS.includes(id))) {
      throw new Error(`its vector tiles are not in the Protomaps basemap schema (layers earth, water, roads …); it has ${archive.layerIds.slice(0, 8).join(', ')}`);
    }
    return { type: 'archive', ...archive };
  }
  let res: Response;
  try {
    res = await fetch(source.url);
  } catch (e) {
    throw new Error(`${source.url} could not be fetched — is its origin in the page's Content-Security-Policy (connect-src)? (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${source.url}`);
  let style: StyleSpecification;
  try {
    style = (await res.json()) as StyleSpecification;
  } catch {
    throw new Error(`${source.url} is not a JSON style`);
  }
  if (style?.version !== 8 || !Array.isArray(style.layers) || typeof style.sources !== 'object') throw new Error(`${source.url} is not a MapLibre style (version 8, sources, layers)`);
  return { type: 'style', style: absoluteStyle(style, source.url, origins) };
}

/** The style with its URLs made absolute against `base`; throws on one outside `origins`. */
function absoluteStyle(style: StyleSpecification, base: string, origins: readonly string[]): StyleSpecification {
  const fix = (u: string): string => {
    const inner = /^(pmtiles|mbtiles):\/\//.exec(u);
    if (inner) return u;
    const abs = new URL(u.replace(/\{/g, '%7B').replace(/\}/g, '%7D'), base);
    if (!origins.includes(abs.origin)) throw new Error(`the style ${base} loads from ${abs.origin}, which is neither this site nor in config.json's basemapOrigins`);
    return abs.href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  };
  const sources: StyleSpecification['sources'] = {};
  for (const [id, s] of Object.entries(style.sources)) {
    const src = { ...s } as Record<string, unknown>;
    if (typeof src.url === 'string') src.url = fix(src.url);
    if (Array.isArray(src.tiles)) src.tiles = (src.tiles as string[]).map(fix);
    if (typeof src.data === 'string') src.data = fix(src.data);
    sources[id] = src as unknown as StyleSpecification['sources'][string];
  }
  const sprite = typeof style.sprite === 'string' ? fix(style.sprite) : Array.isArray(style.sprite) ? style.sprite.map((s) => ({ ...s, url: fix(s.url) })) : undefined;
  return { ...style, sources, ...(sprite ? { sprite } : {}), ...(style.glyphs ? { glyphs: fix(style.glyphs) } : {}) };
}

/** The whole MapLibre style: `basemap` (null: the dataset's own layers) with the admin outlines on top. */
export function basemapStyle(data: BasemapData, theme: Theme, basemap: OpenedBasemap | null): StyleSpecification {
  if (!basemap) return offlineStyle(data, theme);
  if (basemap.type === 'style') {
    return { ...basemap.style, sources: { ...basemap.style.sources, ...adminSources(data) }, layers: [...basemap.style.layers, ...adminLayers(theme)] };
  }
  const source = {
    tiles: [basemap.tiles],
    minzoom: basemap.minzoom,
    maxzoom: basemap.maxzoom,
    ...(basemap.bounds ? { bounds: basemap.bounds } : {}),
  };
  const tileLayers: LayerSpecification[] =
    basemap.kind === 'vector'
      ? (protomapsLayers('basemap', namedFlavor(theme === 'dark' ? 'dark' : 'light')).filter((l) => l.type !== 'symbol') as LayerSpecification[])
      : [{ id: 'basemap-raster', type: 'raster', source: 'basemap' }];
  return {
    version: 8,
    name: `one-map-${basemap.kind}-${theme}`,
    sources: { basemap: basemap.kind === 'vector' ? { type: 'vector', ...source } : { type: 'raster', tileSize: 256, ...source }, ...adminSources(data) },
    layers: [...tileLayers, ...adminLayers(theme)],
  };
}
