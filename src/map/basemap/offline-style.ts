// Map: the offline MapLibre style built from the dataset's own basemap layers. No glyphs, no
// sprites and no tile URLs — nothing here can make a request; labels are drawn by deck.gl.
import type { StyleSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { BasemapData, Theme } from '../../model';


const PALETTE = {
  light: {
    background: '#eef0ec',
    county: '#f7f6f2',
    water: '#a9cbe6',
    building: '#d9d3c7',
    buildingLine: '#c4bcad',
    road: { expressway: '#f2b35e', trunk: '#f5c97f', primary: '#ffffff', street: '#ffffff', lane: '#ffffff', rural: '#fbfaf6' },
    roadCasing: '#c9c3b6',
    townLine: '#8a8172',
    countyLine: '#5b5347',
  },
  dark: {
    background: '#0b1220',
    county: '#111a2b',
    water: '#1d3652',
    building: '#1e2a3d',
    buildingLine: '#27364d',
    road: { expressway: '#6b5a3a', trunk: '#5d5440', primary: '#3a4558', street: '#2f394a', lane: '#273142', rural: '#232c3b' },
    roadCasing: '#0b1220',
    townLine: '#5d6b82',
    countyLine: '#8fa0bb',
  },
} as const;

/** Road line width in pixels by zoom: wide roads first become visible, then lanes. */
function roadWidth(base: number): ExpressionSpecification {
  return ['interpolate', ['exponential', 1.6], ['zoom'], 9, base * 0.35, 13, base * 1.6, 17, base * 8];
}

const ROAD_CLASSES = [
  { cls: 'rural', width: 0.8, minzoom: 11 },
  { cls: 'lane', width: 0.6, minzoom: 14 },
  { cls: 'street', width: 1.2, minzoom: 12 },
  { cls: 'primary', width: 1.8, minzoom: 9 },
  { cls: 'trunk', width: 2.2, minzoom: 8 },
  { cls: 'expressway', width: 2.8, minzoom: 7 },
] as const;

/** The county and town outlines as GeoJSON sources: drawn over any basemap (they are the dataset's). */
export function adminSources(data: BasemapData): StyleSpecification['sources'] {
  const towns = { type: 'FeatureCollection' as const, features: data.admin.features.filter((f) => f.properties.level === 'town') };
  const county = { type: 'FeatureCollection' as const, features: data.admin.features.filter((f) => f.properties.level === 'county') };
  return { county: { type: 'geojson', data: county }, towns: { type: 'geojson', data: towns } };
}

/** The town (dashed) and county outlines over the basemap. */
export function adminLayers(theme: Theme): LayerSpecification[] {
  const c = PALETTE[theme];
  return [
    {
      id: 'town-boundary',
      type: 'line',
      source: 'towns',
      paint: { 'line-color': c.townLine, 'line-width': 1.2, 'line-dasharray': [3, 2] },
    },
    { id: 'county-boundary', type: 'line', source: 'county', paint: { 'line-color': c.countyLine, 'line-width': 2.5 } },
  ];
}

/** Builds the MapLibre style for a dataset's basemap in the given theme. */
export function offlineStyle(data: BasemapData, theme: Theme): StyleSpecification {
  const c = PALETTE[theme];
  return {
    version: 8,
    name: `one-map-offline-${theme}`,
    sources: {
      ...adminSources(data),
      water: { type: 'geojson', data: data.water },
      roads: { type: 'geojson', data: data.roads },
      buildings: { type: 'geojson', data: data.buildings },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': c.background } },
      { id: 'county-fill', type: 'fill', source: 'county', paint: { 'fill-color': c.county } },
      { id: 'water-fill', type: 'fill', source: 'water', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': c.water } },
      {
        id: 'water-line',
        type: 'line',
        source: 'water',
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': c.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 15, 4] },
      },
      {
        id: 'buildings',
        type: 'fill',
        source: 'buildings',
        minzoom: 13,
        paint: { 'fill-color': c.building, 'fill-outline-color': c.buildingLine },
      },
      ...ROAD_CLASSES.map((r) => ({
        id: `road-casing-${r.cls}`,
        type: 'line' as const,
        source: 'roads',
        minzoom: Math.max(r.minzoom, 12),
        filter: ['==', ['get', 'class'], r.cls] as ExpressionSpecification,
        layout: { 'line-cap': 'round' as const, 'line-join': 'round' as const },
        paint: { 'line-color': c.roadCasing, 'line-width': roadWidth(r.width * 1.35) },
      })),
      ...ROAD_CLASSES.map((r) => ({
        id: `road-${r.cls}`,
        type: 'line' as const,
        source: 'roads',
        minzoom: r.minzoom,
        filter: ['==', ['get', 'class'], r.cls] as ExpressionSpecification,
        layout: { 'line-cap': 'round' as const, 'line-join': 'round' as const },
        paint: { 'line-color': c.road[r.cls], 'line-width': roadWidth(r.width) },
      })),
      ...adminLayers(theme),
    ],
  };
}
