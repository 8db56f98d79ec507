// 1. The app loads, draws a real (non-blank) map and goes idle, with no console errors and no
//    request leaving the page's own origin; 5. a reload keeps working, still fully offline.
import { describe, expect, test } from 'vitest';
import { diffImages, encodePng } from './pixels';
import {
  assertNotBlank,
  describeStats,
  snap,
  useSession,
  waitIdle,
  writeArtifact,
  type Shot,
} from './harness';

const session = useSession('load');

describe('load and offline', () => {
  let first: Shot | undefined;

  test('loads, goes idle and draws a non-blank default view', async () => {
    const { page } = session();
    first = await snap(page, 'default-view');
    console.log(`default view: ${describeStats(first.stats)} (${first.file})`);
    assertNotBlank(first);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The map container is a real area of the page, not a sliver.
    expect(first.mapBox.width * first.mapBox.height).toBeGreaterThan(0.4 * 1280 * 800);
  });

  test('makes no request outside its own origin while loading', () => {
    const { requests, origin } = session();
    const foreign = requests.filter((r) => !r.sameOrigin);
    writeArtifact('requests-after-load.json', JSON.stringify(requests, null, 2));
    expect(requests.length, 'the page made no request at all?').toBeGreaterThan(1);
    expect(foreign.map((r) => `${r.type} ${r.url}`), `requests leaving ${origin}`).toEqual([]);
  });

  test('a reload draws the same map again', async () => {
    const { page } = session();
    await page.reload({ waitUntil: 'load', timeout: 60_000 });
    await waitIdle(page);
    const again = await snap(page, 'after-reload');
    console.log(`after reload: ${describeStats(again.stats)}`);
    assertNotBlank(again);
    if (first) {
      const diff = diffImages(first.map, again.map);
      writeArtifact('after-reload-diff.png', encodePng(diff.image));
      console.log(`reload vs first load: ${(diff.changedShare * 100).toFixed(2)} % of map pixels differ`);
      expect(diff.changedShare, 'the reloaded default view differs from the first one').toBeLessThan(0.05);
    }
  });

  test('no request left the origin during the whole session', () => {
    const { requests, origin } = session();
    writeArtifact('requests-session.json', JSON.stringify(requests, null, 2));
    const documents = requests.filter((r) => r.type === 'document');
    expect(documents.length, 'expected two document loads (open, reload)').toBeGreaterThanOrEqual(2);
    const foreign = requests.filter((r) => !r.sameOrigin);
    expect(foreign.map((r) => `${r.type} ${r.url}`), `requests leaving ${origin}`).toEqual([]);
  });
});
