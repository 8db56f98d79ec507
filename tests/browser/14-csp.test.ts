// 14. Content-Security-Policy: the built app served by vite preview sends the policy header
//     (own origin only, plus what the workers need) and carries it as a <meta>; under it the
//     page loads, draws the map, runs its workers (analysis, cells, MapLibre, import) and
//     offers a download, with no policy violation.
import { describe, expect, test } from 'vitest';
import { assertNotBlank, baseUrl, describeStats, snap, useSession, waitIdle } from './harness';

const session = useSession('csp');

describe('content security policy', () => {
  test('the page is served with the policy header and the <meta>', async () => {
    const { page } = session();
    const res = await page.request.get(baseUrl());
    const header = res.headers()['content-security-policy'] ?? '';
    console.log(`Content-Security-Policy: ${header}`);
    for (const d of ["default-src 'self'", "script-src 'self'", "worker-src 'self' blob:", "img-src 'self' data: blob:", "style-src 'self' 'unsafe-inline'", "object-src 'none'"]) {
      expect(header).toContain(d);
    }
    // WebAssembly compilation (sql.js reads .mbtiles basemaps) is the one exception: never eval of script.
    expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(header.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval|\*|https?:/);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("default-src 'self'");
  });

  test('under the policy the app loads, draws, imports and exports with no violation', async () => {
    const { page, context } = session();
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.reload({ waitUntil: 'load' });
    await waitIdle(page);
    const shot = await snap(page, 'csp-loaded');
    console.log(`under CSP: ${describeStats(shot.stats)}`);
    assertNotBlank(shot);
    // The import worker and a blob: download, under the same policy.
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('lat,lon,time,category\n32.9,117.2,2024-05-08 14:30,扒窃\n') });
    await page.getByTestId('import-preview').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('import-close').click();
    await page.getByTestId('export-menu').click();
    const download = page.waitForEvent('download', { timeout: 30_000 });
    await page.getByTestId('export-save').click();
    const file = await download;
    console.log(`export under CSP: ${file.suggestedFilename()}`);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations).toEqual([]);
  });
});
