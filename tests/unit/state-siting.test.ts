// Siting plans: saved through the user store the moment they are renamed or deleted, and compared
// (k, incidents covered, cost, sites in common whatever the heading).
import { describe, expect, it } from 'vitest';
import type { CameraPlan } from '../../src/model/camera-plan';
import { comparePlans, deletePlan, loadPlans, renamePlan, useSiting } from '../../src/state/siting';
import { userStore } from '../../src/storage';

const site = (rank: number, id: string, incidents: number, cumulativeIncidents: number, cost = 1) => ({
  rank, id, source: 'junction' as const, lng: 117, lat: 33, heading: 0, fov: 360, range: 60, cost, incidents, cumulativeIncidents,
  place: { townId: null, town: null, townEn: null, village: null, villageEn: null, gridId: null, grid: null, gridEn: null, road: null, roadEn: null, roadDistanceM: null },
});
const plan = (id: string, sites: CameraPlan['sites']): CameraPlan => ({
  id, name: id, createdAt: 0, filterLabel: '', sites, incidentsCurve: [0, ...sites.map((s) => s.cumulativeIncidents)], totalIncidents: 100, coveredBefore: 10, resolution: 11, addedCells: [], computeMs: 1,
  settings: { k: sites.length, budget: null, kind: 'street-dome', fov: 360, range: 60, newCost: 1, repairCost: null, minSpacingM: 0, hotspotWeight: 1 },
});

describe('siting plans', () => {
  it('compares two plans; a place chosen with another heading is a site in common', () => {
    const a = plan('a', [site(1, 'junction:1@0', 9, 9), site(2, 'cell:8b@45', 5, 14), site(3, 'lane:7', 2, 16, 0.5)]);
    const b = plan('b', [site(1, 'junction:1@90', 9, 9), site(2, 'lane:7', 3, 12)]);
    expect(comparePlans(a, b)).toEqual({ a: { k: 3, covered: 16, cost: 2.5 }, b: { k: 2, covered: 12, cost: 2 }, common: 2 });
  });

  it('keeps renames and deletions in the user store', async () => {
    const store = await userStore();
    await store.put('camera-plans', 'p1', plan('p1', [site(1, 'lane:1', 3, 3)]));
    await store.put('camera-plans', 'p2', plan('p2', []));
    await loadPlans();
    expect(useSiting.getState().plans.map((p) => p.id)).toEqual(['p1', 'p2']);
    await renamePlan('p1', '东关方案');
    expect((await store.get<CameraPlan>('camera-plans', 'p1'))!.value.name).toBe('东关方案');
    await deletePlan('p2');
    expect(await store.get('camera-plans', 'p2')).toBeUndefined();
    await loadPlans();
    expect(useSiting.getState().plans.map((p) => p.name)).toEqual(['东关方案']);
  });
});
