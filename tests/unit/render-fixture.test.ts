// The render tests' fixed dataset: it loads as a bundle, says it is synthetic, keeps every incident
// in the county, and is exactly what tests/render/make-fixture.ts writes (so the expected pictures
// were drawn from the committed bytes).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoBundle, type FetchLike } from '../../src/io/demo-loader';

const DIR = resolve('tests/fixtures/render-dataset');

const fromDisk: FetchLike = async (url) => {
  const path = join(DIR, url);
  const bytes = await readFile(path);
  return {
    ok: true,
    status: 200,
    statusText: 'OK',
    text: async () => bytes.toString('utf8'),
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
};

describe('render fixture', () => {
  it('loads, is marked synthetic and holds every overlay the render tests draw', async () => {
    const b = await loadDemoBundle('', { fetchImpl: fromDisk });
    expect(b.manifest.synthetic).toBe(true);
    expect(b.manifest.name).toContain('合成数据');
    expect(b.grids.features.length).toBe(6);
    expect(new Set(b.cameras.features.map((c) => c.properties.kind)).size).toBe(6);
    expect(new Set(b.cameras.features.map((c) => c.properties.status)).size).toBe(3);
    expect(new Set(b.hotspots.features.map((h) => h.properties.state)).size).toBe(3);
    expect(b.admin.features.filter((f) => f.properties.level === 'town').length).toBe(b.manifest.counts.towns);
    const [w, s, e, n] = b.manifest.bounds;
    const { lng, lat } = b.incidents;
    expect(lng.length).toBe(400);
    for (let i = 0; i < lng.length; i++) {
      expect(lng[i] >= w && lng[i] <= e && lat[i] >= s && lat[i] <= n, `incident ${i} inside the county`).toBe(true);
    }
  });

  it('is what tests/render/make-fixture.ts writes, byte for byte', () => {
    const out = mkdtempSync(join(tmpdir(), 'render-fixture-'));
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'tests/render/make-fixture.ts', out], { stdio: 'pipe' });
      const files = readdirSync(DIR).sort();
      expect(readdirSync(out).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(out, f)).equals(readFileSync(join(DIR, f))), f).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
