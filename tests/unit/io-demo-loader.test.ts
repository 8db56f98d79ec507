import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoBundle, type FetchLike } from '../../src/io/demo-loader';
import { DatasetLoadError, jsonErrorOffset, jsonErrorPosition } from '../../src/io/dataset-load-error';
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
    await expect(loadDemoBundle(dir, { fetchImpl: fileFetch })).rejects.toThrow(/^water\.geojson: is a web page, not a data file/);
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

/** Serves a bundle from memory; `override` replaces the response for chosen files. */
function memoryFetch(b: ReturnType<typeof bundle>, override: Record<string, () => Response | Promise<Response>> = {}) {
  const seen: Array<{ url: string; accept: string | undefined }> = [];
  const impl: FetchLike = async (url, init) => {
    seen.push({ url, accept: init?.headers?.Accept });
    const name = url.slice(url.lastIndexOf('/') + 1);
    if (override[name]) return override[name]();
    if (name === 'manifest.json') return new Response(JSON.stringify(b.manifest), { headers: { 'Content-Type': 'application/json' } });
    const content = b.files[name];
    if (content === undefined) return new Response('not found', { status: 404, statusText: 'Not Found' });
    return new Response(content instanceof Uint8Array ? new Uint8Array(content) : JSON.stringify(content));
  };
  return { impl, seen };
}

const SPA_PAGE = '<!doctype html>\n<html lang="zh-CN"><head><title>平安一张图</title></head><body><div id="root"></div></body></html>';

async function loadError(fetchImpl: FetchLike, base = '/data/other/'): Promise<DatasetLoadError> {
  const err = await loadDemoBundle(base, { fetchImpl }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DatasetLoadError);
  return err as DatasetLoadError;
}

describe('loadDemoBundle: why a dataset cannot be loaded (fake fetch)', () => {
  it('asks for data, not a page: JSON files and incidents.bin are fetched without */* in Accept', async () => {
    const { impl, seen } = memoryFetch(bundle());
    await loadDemoBundle('/data/other/', { fetchImpl: impl });
    expect(seen).toHaveLength(10);
    for (const { url, accept } of seen) {
      expect(accept, url).toBeTruthy();
      expect(accept).not.toContain('*/*');
      expect(accept).not.toContain('text/html');
    }
    expect(seen.find((s) => s.url.endsWith('incidents.bin'))!.accept).toBe('application/octet-stream');
  });

  it('a missing folder: HTTP 404 for manifest.json, with the URL', async () => {
    const err = await loadError(async () => new Response('gone', { status: 404, statusText: 'Not Found' }), '/nope/');
    expect(err.kind).toBe('not-found');
    expect(err.file).toBe('manifest.json');
    expect(err.detail).toEqual({ url: '/nope/manifest.json', status: 404 });
    expect(err.message).toMatch(/^manifest\.json: HTTP 404 Not Found at \/nope\/manifest\.json$/);
  });

  it('another HTTP error keeps its status', async () => {
    const { impl } = memoryFetch(bundle(), { 'grids.geojson': () => new Response('oops', { status: 503, statusText: 'Service Unavailable' }) });
    const err = await loadError(impl);
    expect(err.kind).toBe('http');
    expect(err.file).toBe('grids.geojson');
    expect(err.detail).toEqual({ url: '/data/other/grids.geojson', status: 503 });
  });

  it("a single-page app's index.html instead of the manifest: by Content-Type, and by its first character without one", async () => {
    const byType = await loadError(async () => new Response(SPA_PAGE, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
    expect(byType.kind).toBe('html');
    expect(byType.file).toBe('manifest.json');
    expect(byType.detail.url).toBe('/data/other/manifest.json');
    const bare = new Response(SPA_PAGE);
    bare.headers.delete('content-type');
    const byText = await loadError(async () => bare);
    expect(byText.kind).toBe('html');
    expect(byText.message).not.toMatch(/Unexpected token/);
  });

  it('a web page in place of incidents.bin is reported as a page, not as a wrong size', async () => {
    const { impl } = memoryFetch(bundle(), { 'incidents.bin': () => new Response(new TextEncoder().encode(SPA_PAGE)) });
    const err = await loadError(impl);
    expect(err.kind).toBe('html');
    expect(err.file).toBe('incidents.bin');
  });

  it('invalid JSON names the file and where the parser stopped (line and column)', async () => {
    const broken = '{\n  "type": "FeatureCollection",\n  "features": [,]\n}';
    const { impl } = memoryFetch(bundle(), { 'roads.geojson': () => new Response(broken) });
    const err = await loadError(impl);
    expect(err.kind).toBe('invalid-json');
    expect(err.file).toBe('roads.geojson');
    expect(err.detail.line).toBe(3);
    expect(err.detail.column).toBe(16); // the comma after "  \"features\": ["
    expect(err.message).toMatch(/^roads\.geojson: is not valid JSON at line 3 column 16/);
  });

  it('reads both ways parsers give the position', () => {
    expect(jsonErrorPosition('Unexpected token , in JSON at position 12', '{\n  "a": 1,\n,}')).toEqual({ line: 3, column: 1 });
    expect(jsonErrorPosition('JSON.parse: expected property name at line 2 column 5 of the JSON data', '')).toEqual({ line: 2, column: 5 });
    // V8's "Unexpected token" names no place: the text is scanned for it.
    expect(jsonErrorPosition('Unexpected token \'x\'', '[1, 2,\n x]')).toEqual({ line: 2, column: 2 });
    expect(jsonErrorPosition('Unexpected end of JSON input', '{"a": "b')).toEqual({ line: 1, column: 9 });
    expect(jsonErrorOffset('{"a": [1, -2.5e3, true, null, "\\u00e9"], "b": {}}')).toBeUndefined();
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('[1] 2')).toBe(4);
  });

  it('a manifest missing required fields lists every one of them', async () => {
    const b = bundle();
    const m = b.manifest as unknown as Record<string, unknown>;
    delete m.timeZone;
    delete m.bounds;
    delete (b.manifest.files as Partial<DatasetManifest['files']>).incidents;
    const err = await loadError(memoryFetch(b).impl);
    expect(err.kind).toBe('manifest-fields');
    expect(err.file).toBe('manifest.json');
    expect(err.detail.fields).toEqual(['timeZone', 'bounds', 'files.incidents']);
    expect(err.message).toContain('"timeZone"');
    expect(err.message).toContain('"files.incidents" must name a file');
  });

  it('incidents.bin of the wrong size: expected and actual bytes', async () => {
    const b = bundle();
    const full = b.files['incidents.bin'] as Uint8Array;
    const { impl } = memoryFetch(b, { 'incidents.bin': () => new Response(full.slice(0, full.length - 4)) });
    const err = await loadError(impl);
    expect(err.kind).toBe('size');
    expect(err.file).toBe('incidents.bin');
    // 3 incidents: 13 bytes each with one-byte codes, 14 with two-byte codes.
    expect(err.detail).toEqual({ actualBytes: 35, expectedBytes: [39, 42] });
  });

  it('a network failure says so, with the URL', async () => {
    const { impl } = memoryFetch(bundle(), {
      'cameras.geojson': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const err = await loadError(impl);
    expect(err.kind).toBe('network');
    expect(err.file).toBe('cameras.geojson');
    expect(err.detail).toEqual({ url: '/data/other/cameras.geojson' });
  });

  it('shape problems stay "invalid" and name the file', async () => {
    const b = bundle();
    b.files['hotspots.geojson'] = { type: 'Feature' };
    const err = await loadError(memoryFetch(b).impl);
    expect(err.kind).toBe('invalid');
    expect(err.file).toBe('hotspots.geojson');
  });
});
