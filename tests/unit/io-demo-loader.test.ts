import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatasetLoadError, loadDemoBundle, type FetchLike } from '../../src/io/demo-loader';
import { encodeIncidentBin } from '../../src/io/incident-bin';
import type { DatasetManifest } from '../../src/model';

const T = 1_735_660_800; // 2025-01-01 00:00 +08:00, epoch seconds
const polygon = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 32], [x + 0.1, 32], [x + 0.1, 32.1], [x, 32]]] });
const point = (x: number) => ({ type: 'Point', coordinates: [x, 32.05] });
const fc = (features: { geometry: unknown; properties: Record<string, unknown> }[]) => ({
  type: 'FeatureCollection',
  features: features.map((f) => ({ type: 'Feature', ...f })),
});

function bundle(): { manifest: DatasetManifest; files: Record<string, unknown> } {
  const manifest: DatasetManifest = {
    name: '测试县（合成数据）',
    nameEn: 'Test County (synthetic)',
    synthetic: true,
    crs: 'WGS84',
    timeZone: 'Asia/Shanghai',
    center: [117.2, 32.9],
    bounds: [117, 32, 117.4, 33.2],
    timeRange: [T * 1000, (T + 100) * 1000],
    asOf: (T + 200) * 1000,
    offenceKinds: [{ code: 0, id: 'burglary', zh: '入室盗窃', en: 'Burglary', caseClass: 'criminal' }],
    counts: { towns: 1, villages: 0, grids: 2, cameras: 1, incidents: 3, hotspots: 1 },
    files: {
      admin: 'admin.geojson',
      grids: 'grids.geojson',
      cameras: 'cameras.geojson',
      hotspots: 'hotspots.geojson',
      incidents: 'incidents.bin',
      roads: 'roads.geojson',
      water: 'water.geojson',
      buildings: 'buildings.geojson',
      places: 'places.geojson',
    },
  };
  return {
    manifest,
    files: {
      'admin.geojson': fc([{ geometry: polygon(117), properties: { id: 'county', level: 'county' } }]),
      'grids.geojson': fc([
        { geometry: polygon(117), properties: { id: 'g1' } },
        { geometry: { type: 'MultiPolygon', coordinates: [polygon(117.2).coordinates] }, properties: { id: 'g2' } },
      ]),
      'cameras.geojson': fc([{ geometry: point(117.05), properties: { id: 'c1', status: 'online' } }]),
      'hotspots.geojson': fc([{ geometry: polygon(117.1), properties: { id: 'h1', state: 'listed' } }]),
      'roads.geojson': fc([{ geometry: { type: 'LineString', coordinates: [[117, 32], [117.1, 32.1]] }, properties: { class: 'street' } }]),
      'water.geojson': fc([]),
      'buildings.geojson': fc([{ geometry: polygon(117.3), properties: { levels: 3 } }]),
      'places.geojson': fc([{ geometry: point(117.2), properties: { name: '城关镇', kind: 'town', rank: 2 } }]),
      'incidents.bin': encodeIncidentBin({
        lng: Float64Array.of(117.05, 117.123456, 117.3),
        lat: Float64Array.of(32.05, 32.654321, 33.1),
        timeSec: Uint32Array.of(T, T + 50, T + 100),
        category: Uint16Array.of(0, 0, 0),
      }),
    },
  };
}

/** A fetch that serves files from a folder: `file://` URLs and plain paths alike. */
const fileFetch: FetchLike = async (url) => {
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  try {
    const bytes = await readFile(path);
    return new Response(bytes);
  } catch {
    return new Response('not found', { status: 404, statusText: 'Not Found' });
  }
};

describe('loadDemoBundle', () => {
  let dir = '';
  const write = async (b: ReturnType<typeof bundle>) => {
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(b.manifest));
    for (const [name, content] of Object.entries(b.files)) {
      await writeFile(join(dir, name), content instanceof Uint8Array ? content : JSON.stringify(content));
    }
  };
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'som-bundle-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads every file the manifest names and decodes the incidents', async () => {
    await write(bundle());
    for (const base of [dir, `${dir}/`, `file://${dir}`]) {
      const data = await loadDemoBundle(base, { fetchImpl: fileFetch });
      expect(data.manifest.name).toBe('测试县（合成数据）');
      expect(data.grids.features.map((f) => f.properties.id)).toEqual(['g1', 'g2']);
      expect(data.cameras.features[0].geometry.coordinates).toEqual([117.05, 32.05]);
      expect(data.roads.features).toHaveLength(1);
      expect(data.places.features[0].properties.name).toBe('城关镇');
      expect([...data.incidents.lng]).toEqual([117.05, 117.123456, 117.3]);
      expect([...data.incidents.timeSec]).toEqual([T, T + 50, T + 100]);
    }
  });

  it('reports a truncated incidents.bin, naming the file', async () => {
    const b = bundle();
    b.files['incidents.bin'] = (b.files['incidents.bin'] as Uint8Array).subarray(0, 30);
    await write(b);
    const err = await loadDemoBundle(dir, { fetchImpl: fileFetch }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetLoadError);
    expect((err as DatasetLoadError).file).toBe('incidents.bin');
    expect((err as Error).message).toMatch(/^incidents\.bin: .*30 bytes.*truncated/);
  });

  it('names a missing file and a file that is not JSON', async () => {
    const b = bundle();
    await write(b);
    await rm(join(dir, 'water.geojson'));
    await expect(loadDemoBundle(dir, { fetchImpl: fileFetch })).rejects.toThrow(/^water\.geojson: HTTP 404/);
    await writeFile(join(dir, 'water.geojson'), '<!doctype html><html></html>');
    await expect(loadDemoBundle(dir, { fetchImpl: fileFetch })).rejects.toThrow(/^water\.geojson: is not valid JSON.*got HTML/);
  });

  it('checks the manifest and the GeoJSON shapes', async () => {
    const noFiles = bundle();
    delete (noFiles.manifest.files as Partial<DatasetManifest['files']>).grids;
    await write(noFiles);
    await expect(loadDemoBundle(dir, { fetchImpl: fileFetch })).rejects.toThrow(/^manifest\.json: "files\.grids" must name a file/);

    const wrongGeometry = bundle();
    wrongGeometry.files['cameras.geojson'] = fc([{ geometry: polygon(117), properties: { id: 'c1' } }]);
    await write(wrongGeometry);
    await expect(loadDemoBundle(dir, { fetchImpl: fileFetch })).rejects.toThrow(/^cameras\.geojson: feature 0 has geometry Polygon; expected Point/);

    const notFc = bundle();
    notFc.files['hotspots.geojson'] = { type: 'Feature' };
    await write(notFc);
    await expect(loadDemoBundle(dir, { fetchImpl: fileFetch })).rejects.toThrow(/^hotspots\.geojson: is not a GeoJSON FeatureCollection/);

    const miscounted = bundle();
    miscounted.manifest.counts.grids = 5;
    await write(miscounted);
    await expect(loadDemoBundle(dir, { fetchImpl: fileFetch })).rejects.toThrow(/^grids\.geojson: holds 2 features; manifest\.json counts 5/);
  });

  it('names the manifest when the fetch itself fails', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('network down');
    };
    await expect(loadDemoBundle('/data/demo', { fetchImpl: failing })).rejects.toThrow(/^manifest\.json: could not be fetched from \/data\/demo\/manifest\.json \(network down\)/);
  });
});
