// State: the camera-siting planner — plans run in the analysis worker, each saved at once through
// userStore() (collection 'camera-plans') under its name, listed, reopened (its sites drawn on the
// map) and renamed. A plan being computed sets `running`; a failed run says why.
import { create } from 'zustand';
import type { CameraPlan, PlanSettings } from '../model/camera-plan';
import type { IncidentFilter } from '../analysis/incidents/incident-filter';
import type { PlanOptions } from '../worker/siting-api';
import { userStore } from '../storage';
import { coverageAnalysis } from './coverage';
import { useCameraWhatIf } from './camera-whatif';

const COLLECTION = 'camera-plans' as const;

export interface SitingState {
  /** Saved plans, oldest first. */
  plans: CameraPlan[];
  /** Id of the plan shown on the map and in the panel. */
  openId: string | null;
  running: boolean;
  error: string | null;
  /** Candidate sites clicked on the map for the next run, [lng, lat]. */
  userPoints: [number, number][];
  /** Clicks on the map add candidate sites (instead of selecting). */
  picking: boolean;
}

export const useSiting = create<SitingState>(() => ({ plans: [], openId: null, running: false, error: null, userPoints: [], picking: false }));

/** Adds a candidate site where the map was clicked. */
export function addUserPoint(p: [number, number]): void {
  useSiting.setState((s) => ({ userPoints: [...s.userPoints, p] }));
}

/** Removes the i-th candidate site. */
export function removeUserPoint(i: number): void {
  useSiting.setState((s) => ({ userPoints: s.userPoints.filter((_, k) => k !== i) }));
}

/** Starts or ends adding candidate sites by clicking the map. */
export function setPicking(picking: boolean): void {
  useSiting.setState({ picking });
}

/** Makes a plan's clicked candidate sites those of the next run. */
export function reuseUserPoints(plan: CameraPlan): void {
  useSiting.setState({ userPoints: (plan.settings.userPoints ?? []).map((p) => [p[0], p[1]]) });
}

/** The open plan, or null. */
export function openPlan(s: SitingState): CameraPlan | null {
  return s.plans.find((p) => p.id === s.openId) ?? null;
}

/** Loads the saved plans (once a dataset is open). */
export async function loadPlans(): Promise<void> {
  const docs = await (await userStore()).list<CameraPlan>(COLLECTION);
  useSiting.setState({ plans: docs.map((d) => d.value) });
}

/** What the planner asks the worker for a choice of settings (hotspot mask: active listed hotspots). */
export function planOptions(s: PlanSettings, hotspotMask: Uint8Array): PlanOptions {
  return {
    k: s.k ?? undefined,
    budget: s.budget ?? undefined,
    newCamera: { fov: s.fov, range: s.range, cost: s.newCost },
    repairs: s.repairCost === null ? null : { cost: s.repairCost },
    minSpacingM: s.minSpacingM,
    hotspots: s.hotspotWeight !== 1 ? { mask: hotspotMask, weight: s.hotspotWeight } : null,
    userPoints: (s.userPoints ?? []).map(([lng, lat]) => ({ lng, lat })),
  };
}

/** Runs the planner, saves the plan under `name` the moment it exists, and opens it. */
export async function runPlan(settings: PlanSettings, filter: IncidentFilter, hotspotMask: Uint8Array, name: string, filterLabel: string): Promise<CameraPlan | null> {
  useSiting.setState({ running: true, error: null });
  try {
    const r = await coverageAnalysis().planSites(filter, planOptions(settings, hotspotMask));
    const plan: CameraPlan = {
      id: `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
      name,
      createdAt: Date.now(),
      settings,
      filterLabel,
      sites: r.sites.map(({ rank, id, source, lng, lat, heading, fov, range, cost, incidents, cumulativeIncidents, gain, place }) => ({ rank, id, source, lng, lat, heading, fov, range, cost, incidents, cumulativeIncidents, gain, place })),
      incidentsCurve: r.incidentsCurve,
      totalIncidents: r.totalIncidents,
      coveredBefore: r.coveredBefore,
      resolution: r.resolution,
      addedCells: r.addedCells,
      computeMs: r.ms,
      candidates: r.candidates,
      whatIfEdits: Object.keys(useCameraWhatIf.getState().edits).length,
    };
    await (await userStore()).put(COLLECTION, plan.id, plan);
    useSiting.setState((s) => ({ plans: [...s.plans, plan], openId: plan.id, running: false }));
    return plan;
  } catch (e) {
    console.error('siting failed:', e);
    useSiting.setState({ running: false, error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}

/** Shows a saved plan (null: none). */
export function openSavedPlan(id: string | null): void {
  useSiting.setState({ openId: id });
}

/** Renames a plan, saved at once. */
export async function renamePlan(id: string, name: string): Promise<void> {
  const plan = useSiting.getState().plans.find((p) => p.id === id);
  if (!plan || plan.name === name) return;
  const renamed = { ...plan, name };
  useSiting.setState((s) => ({ plans: s.plans.map((p) => (p.id === id ? renamed : p)) }));
  await (await userStore()).put(COLLECTION, id, renamed);
}

/** Deletes a saved plan. */
export async function deletePlan(id: string): Promise<void> {
  useSiting.setState((s) => ({ plans: s.plans.filter((p) => p.id !== id), openId: s.openId === id ? null : s.openId }));
  await (await userStore()).delete(COLLECTION, id);
}

/** Two plans side by side: k, incidents covered, cost, and the sites they share (same place, any heading). */
export function comparePlans(a: CameraPlan, b: CameraPlan) {
  const key = (s: CameraPlan['sites'][number]) => s.id.split('@')[0];
  const inB = new Set(b.sites.map(key));
  const row = (p: CameraPlan) => ({
    k: p.sites.length,
    covered: p.sites.at(-1)?.cumulativeIncidents ?? 0,
    cost: p.sites.reduce((s, x) => s + x.cost, 0),
  });
  return { a: row(a), b: row(b), common: a.sites.filter((s) => inB.has(key(s))).length };
}
