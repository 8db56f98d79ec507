// Render tests: compares a picture of the map with its expected PNG (pixelmatch), or writes the
// expected PNG when asked to. Node only; used by tests/browser/06-render.test.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const EXPECTED_DIR = resolve(process.cwd(), 'tests/render/expected');

/** `ONE_MAP_UPDATE_RENDER=1 npm run test:browser -- render` rewrites the expected pictures. */
export const UPDATE = process.env.ONE_MAP_UPDATE_RENDER === '1';

/**
 * The stated tolerance. `threshold` is pixelmatch's per-pixel colour distance (0–1, in YIQ space;
 * 0.1 is its default) and anti-aliased edge pixels are not counted (pixelmatch's default), so a
 * pixel "differs" only when its colour really changed. SwiftShader draws the same bytes run after
 * run, so any real change of an overlay (a layer missing, a colour ramp, a sector's angle, a
 * label's font) moves well over 1 % of the picture, while a one-pixel shift of a few edges does not.
 */
export const TOLERANCE = { threshold: 0.1, maxDifferingShare: 0.01 } as const;

export interface Comparison {
  /** 'written' when the expected picture was (re)generated instead of compared. */
  outcome: 'match' | 'mismatch' | 'written';
  differing: number;
  share: number;
  expectedFile: string;
  /** The expected picture as it now is on disk. */
  expected: PNG;
  /** Diff visualisation (pixelmatch's red on a faded copy); only on a mismatch. */
  diff?: PNG;
}

/** Compares `actual` with tests/render/expected/<name>.png, or writes it there when updating. */
export function compareWithExpected(name: string, actual: PNG): Comparison {
  const expectedFile = join(EXPECTED_DIR, `${name}.png`);
  if (UPDATE) {
    mkdirSync(dirname(expectedFile), { recursive: true });
    writeFileSync(expectedFile, PNG.sync.write(actual));
    return { outcome: 'written', differing: 0, share: 0, expectedFile, expected: actual };
  }
  if (!existsSync(expectedFile)) {
    throw new Error(`${expectedFile} is missing: generate it with ONE_MAP_UPDATE_RENDER=1 npm run test:browser -- render (tests/render/README.md)`);
  }
  const expected = PNG.sync.read(readFileSync(expectedFile));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    throw new Error(
      `${name}: the picture is ${actual.width}×${actual.height} but ${expectedFile} is ${expected.width}×${expected.height}; ` +
        'the map element shrank below the render clip, or the clip changed — see tests/render/README.md',
    );
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: TOLERANCE.threshold });
  const share = differing / (actual.width * actual.height);
  const outcome = share <= TOLERANCE.maxDifferingShare ? 'match' : 'mismatch';
  return { outcome, differing, share, expectedFile, expected, diff: outcome === 'mismatch' ? diff : undefined };
}
