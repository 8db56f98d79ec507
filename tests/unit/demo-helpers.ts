// Test helpers for the committed demo data (data/demo): loading and a few planar measures.
// DEMO_DIR overrides the folder, e.g. to check a freshly generated copy.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetManifest } from '../../src/model/dataset';
import type { IncidentColumns } from '../../src/model/incident';
import { decodeIncidentBin } from '../../src/io/incident-bin';
import { createAnalysisApi } from '../../src/worker/analysis-api';
import type { AdminCollection, CameraCollection, GridCollection, HotspotCollection, RoadCollection } from '../../src/model';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_DIR = process.env.DEMO_DIR ?? join(ROOT, 'data', 'demo');
/**
 * The committed demo is part of the project: when it is missing the tests that read it fail with
 * this message rather than skip.
 */
export function requireDemo(): void {
  if (!existsSync(join(DEMO_DIR, 'manifest.json'))) {
    throw new Error(`the committed demo is missing from ${DEMO_DIR}: restore it with git, or regenerate it with npm run gen:demo`);
  }
}

export function manifest(): DatasetManifest {
  requireDemo();
  return JSON.parse(readFileSync(join(DEMO_DIR, 'manifest.json'), 'utf8'));
}

export function geojson<T = any>(name: string): { type: 'FeatureCollection'; features: T[] } {
  requireDemo();
  return JSON.parse(readFileSync(join(DEMO_DIR, name), 'utf8'));
}

export function incidents(m: DatasetManifest): IncidentColumns {
  const buf = readFileSync(join(DEMO_DIR, m.files.incidents));
  return decodeIncidentBin(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), m.counts.incidents);
}

/** Metres per degree at the demo's latitude: a local flat frame is exact enough at county scale. */
export function localFrame(lat0: number): { mx: number; my: number } {
  const my = 6371008.8 * (Math.PI / 180);
  return { mx: my * Math.cos((lat0 * Math.PI) / 180), my };
}

/** Local calendar date (Asia/Shanghai, UTC+8) of an epoch-seconds instant. */
export function localDate(sec: number): string {
  return new Date(sec * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The demo's layers that the coverage and siting analyses read, as committed. */
export function demoLayers() {
  const admin = geojson('admin.geojson') as AdminCollection;
  return {
    admin,
    grids: geojson('grids.geojson') as GridCollection,
    cameras: geojson('cameras.geojson') as CameraCollection,
    hotspots: geojson('hotspots.geojson') as HotspotCollection,
    roads: geojson('roads.geojson') as RoadCollection,
    buildings: geojson('buildings.geojson') as { type: 'FeatureCollection'; features: { geometry: any }[] },
    towns: { type: 'FeatureCollection' as const, features: admin.features.filter((f) => f.properties.level === 'town') },
  };
}

/**
 * The worker's analysis API loaded as the app loads it: the demo's incidents (a copy, since the
 * API takes ownership of its columns), towns, grids and hotspots assigned, coverage data set.
 * `cols` are the untouched incident columns, for recounts.
 */
export async function demoAnalysisApi(layers = demoLayers()) {
  const m = manifest();
  const cols = incidents(m);
  const api = createAnalysisApi();
  const copy = { ...cols, lng: cols.lng.slice(), lat: cols.lat.slice(), timeSec: cols.timeSec.slice(), category: cols.category.slice() };
  await api.loadIncidents(copy, { timeZone: m.timeZone });
  api.assignPolygons('towns', layers.towns);
  api.assignPolygons('grids', layers.grids);
  api.assignPolygons('hotspots', layers.hotspots);
  api.setCoverageData({ cameras: layers.cameras, buildings: layers.buildings, roads: layers.roads, admin: layers.admin, grids: layers.grids });
  return { api, cols };
}
