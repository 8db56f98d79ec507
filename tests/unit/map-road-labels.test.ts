import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeRoadLabels, uprightAngle, type RoadLabelInput } from '../../src/map/road-label-placement';
import { worldPx } from '../../src/map/label-placement';

const OPTS = { size: 12, spacingPx: 300, repeatPx: 250 };
/** A straight road from (lng0, lat0) heading by (dLng, dLat) per step, `steps` steps. */
const road = (text: string, from: [number, number], step: [number, number], steps: number, rank = 3): RoadLabelInput => ({
  text,
  rank,
  line: Array.from({ length: steps + 1 }, (_, k) => [from[0] + k * step[0], from[1] + k * step[1]] as [number, number]),
});

describe('uprightAngle', () => {
  it('reads left to right whichever way the road was drawn', () => {
    expect(uprightAngle(1, 0)).toBeCloseTo(0);
    expect(uprightAngle(-1, 0)).toBeCloseTo(0);
    // Screen y points down: a road rising to the right turns the text counter-clockwise.
    expect(uprightAngle(1, -1)).toBeCloseTo(45);
    expect(uprightAngle(-1, 1)).toBeCloseTo(45);
    expect(uprightAngle(1, 1)).toBeCloseTo(-45);
    expect(uprightAngle(0, 1)).toBeCloseTo(90);
    expect(uprightAngle(0, -1)).toBeCloseTo(90);
    for (let deg = -180; deg <= 180; deg += 7) {
      const a = uprightAngle(Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180));
      expect(a).toBeGreaterThan(-90);
      expect(a).toBeLessThanOrEqual(90);
    }
  });
});

describe('placeRoadLabels', () => {
  it('puts a name on the road, turned to its direction', () => {
    // A road running north-east, about 1.1 km long: several hundred pixels at zoom 16.
    const r = road('淮河路', [117.2, 33.0], [0.001, 0.001], 8);
    const labels = placeRoadLabels([r], 16, OPTS);
    expect(labels.length).toBeGreaterThan(0);
    // Equal steps in degrees rise faster than they run on a Mercator screen: atan(1 / cos φ).
    const expected = (Math.atan(1 / Math.cos((33 * Math.PI) / 180)) * 180) / Math.PI;
    for (const l of labels) {
      expect(l.text).toBe('淮河路');
      expect(l.angle).toBeCloseTo(expected, 0);
      // On the line lng − lng0 = lat − lat0 (to within a hair of projection rounding).
      expect(Math.abs(l.position[0] - 117.2 - (l.position[1] - 33.0))).toBeLessThan(1e-5);
    }
  });

  it('repeats one road’s name only every spacing, and not on a road too short for it', () => {
    const long = road('长江路', [117.2, 33.0], [0.001, 0], 40); // ~3.7 km east–west
    const labels = placeRoadLabels([long, road('短巷', [117.3, 33.1], [0.00005, 0], 1)], 16, OPTS);
    expect(labels.filter((l) => l.text === '短巷')).toHaveLength(0);
    const xs = labels.map((l) => worldPx(l.position, 16)[0]).sort((a, b) => a - b);
    expect(xs.length).toBeGreaterThan(3);
    for (let k = 1; k < xs.length; k++) expect(xs[k] - xs[k - 1]).toBeGreaterThanOrEqual(OPTS.repeatPx);
  });

  it('thins crossing roads: the more important name wins the crossing', () => {
    const main = road('人民路', [117.2, 33.0], [0.0005, 0], 2, 1);
    const side = road('工农巷', [117.2005, 32.9995], [0, 0.0005], 2, 5);
    const labels = placeRoadLabels([side, main], 16, OPTS);
    expect(labels.map((l) => l.text)).toEqual(['人民路']);
  });

  it('skips a bend under the name, and keeps clear of other labels', () => {
    const bend = { text: '拐弯路', rank: 3, line: [[117.2, 33], [117.2008, 33], [117.2008, 33.0008]] as [number, number][] };
    expect(placeRoadLabels([bend], 15, { ...OPTS, spacingPx: 10_000 })).toHaveLength(0);
    const r = road('淮河路', [117.2, 33.0], [0.001, 0], 2);
    const [x, y] = worldPx([117.201, 33.0], 16);
    expect(placeRoadLabels([r], 16, { ...OPTS, obstacles: [[x - 200, y - 20, x + 200, y + 20]] })).toHaveLength(0);
  });

  it('places the demo county’s road names at street zoom without two overlapping', () => {
    const fc = JSON.parse(readFileSync(join(process.cwd(), 'data/demo/roads.geojson'), 'utf8'));
    const roads: RoadLabelInput[] = fc.features
      .filter((f: { properties: { name?: string } }) => f.properties.name)
      .map((f: { properties: { name: string }; geometry: { coordinates: [number, number][] } }) => ({ text: f.properties.name, rank: 0, line: f.geometry.coordinates }));
    const t0 = performance.now();
    const labels = placeRoadLabels(roads, 16.5, OPTS);
    const ms = performance.now() - t0;
    console.log(`${roads.length} named roads → ${labels.length} labels at zoom 16.5 in ${ms.toFixed(0)} ms`);
    expect(labels.length).toBeGreaterThan(50);
    const centres = labels.map((l) => worldPx(l.position, 16.5)).sort((a, b) => a[0] - b[0]);
    // Centres of different labels at least one line height apart (their discs do not overlap).
    let closest = Infinity;
    for (let a = 0; a < centres.length; a++)
      for (let b = a + 1; b < centres.length && centres[b][0] - centres[a][0] < 50; b++)
        closest = Math.min(closest, Math.hypot(centres[a][0] - centres[b][0], centres[a][1] - centres[b][1]));
    expect(closest).toBeGreaterThan(12);
  });
});
