// 8. Gi* over the county's cells at an analysis resolution of its own: the panel states the
//    study area and what lies outside it; ranked cells name their town, community and grid; a
//    click flies there and outlines the cell while the list stays as it was (zoom does not
//    recompute it); the trend list explains its categories; the quality panel's PAI says which
//    period chose the cells and which scored them.
import { describe, expect, test } from 'vitest';
import { settle, snap, useSession, assertNotBlank } from './harness';

const session = useSession('gistar-study-area');

describe('Gi* over a fixed study area', () => {
  test('study area, places, fly-to without recomputing, trend explanations, predictive PAI', async () => {
    const { page } = session();
    await settle(page, () => page.getByTestId('filter-period').selectOption('all'));
    await settle(page, () => page.getByTestId('layer-toggle-gistar').check());
    const area = page.getByTestId('gistar-study-area');
    await area.waitFor({ state: 'visible', timeout: 60_000 });
    const areaText = await area.innerText();
    console.log(`study area: ${JSON.stringify(areaText)}`);
    expect(areaText).toMatch(/研究区：县界内 [\d,]+ 个 8 级单元.*研究区外 [\d,]+ 起/);
    expect(await page.getByTestId('gistar-res-8').getAttribute('aria-checked')).toBe('true');

    const list = page.getByTestId('gistar-list');
    await list.waitFor({ state: 'visible', timeout: 60_000 });
    const before = await list.innerText();
    const first = list.locator('li button').first();
    const firstText = await first.innerText();
    console.log(`first ranked cell: ${JSON.stringify(firstText)}`);
    expect(firstText).toMatch(/^(.+(镇|街道)) · .+(村|社区) · .+网格/);

    await settle(page, () => first.click());
    const zoom = await page.evaluate(() => (window as unknown as { __oneMap: { getZoom(): number } }).__oneMap.getZoom());
    expect(zoom).toBeGreaterThan(14);
    expect(await list.innerText(), 'the list stays as it was after flying there').toBe(before);
    expect(await area.innerText()).toBe(areaText);
    const place = page.getByTestId('cell-place');
    await place.waitFor({ state: 'visible', timeout: 30_000 });
    expect(firstText.startsWith(await place.innerText())).toBe(true);
    assertNotBlank(await snap(page, 'gistar-8-flown-to-cell'));

    // A finer analysis resolution: more cells in the same county.
    await settle(page, () => page.getByTestId('gistar-res-9').click());
    await expect.poll(() => area.innerText(), { timeout: 60_000 }).toMatch(/9 级单元/);
    const cells = (t: string) => Number(/县界内 ([\d,]+)/.exec(t)![1].replace(/,/g, ''));
    expect(cells(await area.innerText())).toBeGreaterThan(cells(areaText) * 5);
    await settle(page, () => page.getByTestId('gistar-res-8').click());

    await settle(page, () => page.getByTestId('gistar-view-emerging').click());
    const explain = page.getByTestId('emerging-explain');
    await explain.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await explain.innerText()).toContain('新增热点：此前各期均不显著，最近一期显著');
    const watch = page.getByTestId('emerging-list');
    if (await watch.isVisible()) {
      const item = await watch.locator('li').first().innerText();
      console.log(`first cell to watch: ${JSON.stringify(item)}`);
      expect(item).toMatch(/最近一期邻域警情 [\d,]+（本单元 [\d,]+）/);
    }
    await settle(page, () => page.getByTestId('gistar-view-significance').click());

    await settle(page, () => page.getByTestId('quality-toggle').click());
    const basis = page.getByTestId('pai-basis');
    await basis.waitFor({ state: 'visible', timeout: 60_000 });
    const basisText = await basis.innerText();
    console.log(`PAI basis: ${JSON.stringify(basisText)}; ${JSON.stringify(await page.getByTestId('pai-table').innerText())}`);
    expect(basisText).toMatch(/未选时段：取数据最后 \d+ 天对半分，单元按前一半（\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d）选出/);
    expect(await page.getByTestId('pai-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);

    await settle(page, () => page.getByTestId('period-from').fill('2025-06-01'));
    await settle(page, () => page.getByTestId('period-to').fill('2025-06-30'));
    await expect.poll(() => basis.innerText(), { timeout: 60_000 }).toContain('按上一等长时段（2025-05-02 – 2025-05-31）选出，以本期（2025-06-01 – 2025-06-30）计分');
    await settle(page, () => page.getByTestId('quality-toggle').click());
    await settle(page, () => page.getByTestId('filter-period').selectOption('all'));
    await settle(page, () => page.getByTestId('layer-toggle-gistar').uncheck());
  });
});
