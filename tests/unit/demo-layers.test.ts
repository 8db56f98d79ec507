// The demo's cameras, hotspots, basemap layers and manifest: every kind and state present, camera
// statuses as old networks have them, hotspot histories consistent with dates and incidents.
import { booleanPointInPolygon, point } from '@turf/turf';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAMERA_KINDS, type CameraProps } from '../../src/model/camera';
import { HOTSPOT_STATES, type HotspotProps } from '../../src/model/hotspot';
import { DEMO_DIR, geojson, incidents, manifest } from './demo-helpers';

const dayMs = 86400000;
/** Epoch ms of local midnight (Asia/Shanghai) starting an ISO date. */
const localMs = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);

describe('demo layers', () => {
  const m = manifest();
  const county = geojson('admin.geojson').features.find((f) => f.properties.level === 'county');

  it('manifest describes synthetic data with files that exist', () => {
    expect(m.synthetic).toBe(true);
    expect(m.name).toBe('示范县（合成数据）');
    expect(m.nameEn).toBe('Demo County (synthetic)');
    expect(m.timeZone).toBe('Asia/Shanghai');
    expect(m.crs).toBe('WGS84');
    expect(m.asOf).toBe(localMs('2025-12-31') + (23 * 60 + 59) * 60000);
    for (const f of Object.values(m.files)) expect(statSync(join(DEMO_DIR, f)).size).toBeGreaterThan(0);
    const ids = m.offenceKinds.map((k) => k.id);
    for (const id of ['burglary', 'pickpocketing', 'street-fraud', 'telecom-fraud', 'motor-vehicle-theft', 'e-bike-theft', 'robbery-snatching', 'gambling', 'assault', 'affray', 'fighting', 'dispute', 'traffic-accident', 'other-theft']) {
      expect(ids).toContain(id);
    }
    expect(new Set(m.offenceKinds.map((k) => k.caseClass))).toEqual(new Set(['criminal', 'public-order', 'dispute', 'traffic']));
  });

  it('cameras: ~2,000, every kind, 10–15 % not online (more among old ones), all inside the county', () => {
    const cams = geojson<{ geometry: { coordinates: [number, number] }; properties: CameraProps }>('cameras.geojson').features;
    expect(cams.length).toBe(m.counts.cameras);
    expect(cams.length).toBeGreaterThan(1700);
    expect(cams.length).toBeLessThan(2300);
    for (const k of CAMERA_KINDS) expect(cams.some((c) => c.properties.kind === k)).toBe(true);
    const down = cams.filter((c) => c.properties.status !== 'online');
    expect(down.length / cams.length).toBeGreaterThanOrEqual(0.1);
    expect(down.length / cams.length).toBeLessThanOrEqual(0.15);
    const meanYear = (xs: typeof cams) => xs.reduce((s, c) => s + c.properties.installedYear, 0) / xs.length;
    expect(meanYear(down)).toBeLessThan(meanYear(cams) - 1);
    const checkpoints = cams.filter((c) => c.properties.kind === 'checkpoint').length;
    expect(checkpoints).toBeGreaterThanOrEqual(10);
    expect(checkpoints).toBeLessThanOrEqual(18);
    const townIds = new Set(geojson('admin.geojson').features.filter((f) => f.properties.level === 'town').map((f) => f.properties.id));
    let outside = 0;
    for (const c of cams) {
      const p = c.properties;
      if (!booleanPointInPolygon(point(c.geometry.coordinates), county)) outside++;
      expect(townIds.has(p.townId)).toBe(true);
      expect(p.heading).toBeGreaterThanOrEqual(0);
      expect(p.heading).toBeLessThan(360);
      if (p.kind === 'street-bullet') {
        expect(p.fov).toBeGreaterThanOrEqual(50);
        expect(p.fov).toBeLessThanOrEqual(90);
        expect(p.range).toBeGreaterThanOrEqual(60);
        expect(p.range).toBeLessThanOrEqual(150);
      }
      if (p.kind === 'street-dome') {
        expect(p.fov).toBe(360);
        expect(p.range).toBeGreaterThanOrEqual(80);
        expect(p.range).toBeLessThanOrEqual(200);
      }
    }
    expect(outside).toBe(0);
  });

  it('hotspots: every state, ordered histories ending in the current state, overdue, failed and relisted cases', () => {
    const hs = geojson<{ properties: HotspotProps }>('hotspots.geojson').features.map((f) => f.properties);
    expect(hs.length).toBe(m.counts.hotspots);
    expect(hs.length).toBeGreaterThanOrEqual(15);
    for (const s of HOTSPOT_STATES) expect(hs.some((h) => h.state === s)).toBe(true);
    expect(hs.filter((h) => h.state === 'delisted').length).toBeGreaterThanOrEqual(3);
    const asOf = new Date(m.asOf + 8 * 3600000).toISOString().slice(0, 10);
    for (const h of hs) {
      expect(h.history.length).toBeGreaterThan(0);
      for (let k = 1; k < h.history.length; k++) expect(h.history[k].date >= h.history[k - 1].date).toBe(true);
      expect(h.history[h.history.length - 1].state).toBe(h.state);
      expect(h.history[h.history.length - 1].date <= asOf).toBe(true);
      expect(h.history[0].state).toBe('discovered');
      const listed = h.history.some((e) => e.state === 'listed');
      expect(h.deadline === null).toBe(!listed);
      expect(h.firstResponsible).toMatch(/书记|院长|校长|站长/);
      expect(h.directResponsible).toMatch(/所长/);
    }
    const overdue = hs.filter((h) => h.state === 'rectifying' && h.deadline! < asOf);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    const failed = hs.filter((h) => h.history.some((e) => e.satisfaction !== undefined && e.satisfaction < 0.9 && e.deadline && e.state === 'rectifying'));
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const h of hs) {
      for (const e of h.history) if (e.state === 'delisted') expect(e.satisfaction).toBeGreaterThanOrEqual(0.9);
    }
    const relisted = hs.filter((h) => {
      const out = h.history.findIndex((e) => e.state === 'delisted');
      const again = h.history.findIndex((e, k) => k > out && e.state === 'listed');
      return out >= 0 && again > out && localMs(h.history[again].date) - localMs(h.history[out].date) < 365 * dayMs;
    });
    expect(relisted.length).toBeGreaterThanOrEqual(1);
  });

  it('hotspot incidents agree with the records: delisted areas fall, overdue ones stay high', () => {
    const cols = incidents(m);
    const features = geojson('hotspots.geojson').features;
    const start = localMs('2024-01-01');
    for (const f of features) {
      const h = f.properties as HotspotProps;
      const ring: [number, number][] = f.geometry.coordinates[0];
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      const [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
      const times: number[] = [];
      for (let i = 0; i < cols.lng.length; i++) {
        if (cols.lng[i] < w || cols.lng[i] > e || cols.lat[i] < s || cols.lat[i] > n) continue;
        if (booleanPointInPolygon(point([cols.lng[i], cols.lat[i]]), f)) times.push(cols.timeSec[i] * 1000);
      }
      const rate = (a: number, b: number) => times.filter((t) => t >= a && t < b).length / ((b - a) / dayMs);
      const rect = h.history.find((ev) => ev.state === 'rectifying');
      if (!rect) continue;
      const r = localMs(rect.date);
      const before = rate(Math.max(start, r - 180 * dayMs), r);
      expect(before).toBeGreaterThan(0.2); // a real concentration, not an empty polygon
      if (h.state === 'delisted') {
        const off = localMs([...h.history].reverse().find((ev) => ev.state === 'delisted')!.date);
        expect(rate(off, m.asOf) / before).toBeLessThan(0.5);
      }
      if (h.state === 'rectifying' && h.deadline! < new Date(m.asOf + 8 * 3600000).toISOString().slice(0, 10)) {
        expect(rate(r + 30 * dayMs, m.asOf) / before).toBeGreaterThan(0.75);
      }
    }
  });

  it('basemap layers carry their classes and kinds, and the data stays small', () => {
    const roads = geojson('roads.geojson').features;
    for (const cls of ['expressway', 'trunk', 'primary', 'street', 'lane', 'rural']) expect(roads.some((r) => r.properties.class === cls)).toBe(true);
    for (const name of ['人民路', '解放路', '建设大道']) expect(roads.some((r) => r.properties.name === name)).toBe(true);
    const water = geojson('water.geojson').features;
    expect(water.some((w) => w.properties.kind === 'river' && w.geometry.type === 'Polygon')).toBe(true);
    expect(water.some((w) => w.properties.kind === 'stream')).toBe(true);
    const places = geojson('places.geojson').features;
    for (const k of ['county-seat', 'town', 'village', 'community', 'market', 'station', 'school', 'hospital', 'entertainment', 'government', 'police']) {
      expect(places.some((p) => p.properties.kind === k)).toBe(true);
    }
    for (const p of places) expect(p.properties.rank).toBeGreaterThanOrEqual(1);
    expect(statSync(join(DEMO_DIR, 'buildings.geojson')).size).toBeLessThan(4.2e6);
    const total = Object.values(m.files).reduce((s, f) => s + statSync(join(DEMO_DIR, f)).size, 0);
    expect(total).toBeLessThan(15e6);
  });
});
