// The demo generator is deterministic: the same seed gives the same bytes, and the committed
// data/demo is exactly what the generator produces today with the default seed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, ROOT, manifest } from './demo-helpers';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'scripts', 'gen-demo', 'main.ts');
const dirs: string[] = [];

function generate(args: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'demo-gen-'));
  dirs.push(out);
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [MAIN, '--out', out, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`generator exited ${code}: ${err}`))));
  });
}

function sameFiles(a: string, b: string): void {
  const names = readdirSync(a).sort();
  expect(readdirSync(b).sort()).toEqual(names);
  for (const n of names) {
    const same = readFileSync(join(a, n)).equals(readFileSync(join(b, n)));
    expect(same, `${n} differs`).toBe(true);
  }
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('demo generator', () => {
  it('gives identical bytes for the same seed, and different data for another seed', async () => {
    const [a, b, c] = await Promise.all([
      generate(['--seed', '7', '--incidents', '5000']),
      generate(['--seed', '7', '--incidents', '5000']),
      generate(['--seed', '8', '--incidents', '5000']),
    ]);
    sameFiles(a, b);
    expect(readFileSync(join(a, 'admin.geojson')).equals(readFileSync(join(c, 'admin.geojson')))).toBe(false);
    expect(JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8')).counts.incidents).toBe(5000);
  }, 60_000);

  it('reproduces the committed data/demo from its recorded seed', async () => {
    const m = manifest();
    const fresh = await generate(['--seed', String(m.seed), '--incidents', String(m.counts.incidents)]);
    sameFiles(DEMO_DIR, fresh);
  }, 60_000);

  it('writes incidents.csv with the documented header on request', async () => {
    const out = await generate(['--seed', '7', '--incidents', '1000', '--format', 'csv']);
    const text = readFileSync(join(out, 'incidents.csv'), 'utf8').split('\n');
    expect(text[0]).toBe('id,datetime,lat,lon,category,case_class');
    expect(text[1]).toMatch(/^1,2024-01-\d\d \d\d:\d\d:\d\d,\d+\.\d{6},\d+\.\d{6},[\u4e00-\u9fa5]+,(criminal|public-order|dispute|traffic)$/);
    expect(text.filter((l) => l.length > 0)).toHaveLength(1001);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files.incidents).toBe('incidents.csv');
  }, 60_000);
});
