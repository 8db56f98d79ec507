// State: the camera-siting planner — the open plan (its proposed sites drawn on the map) and
// whether a plan is being computed in the worker.
import { create } from 'zustand';

/** A proposed site as the map draws it. */
export interface PlanSite {
  rank: number;
  lng: number;
  lat: number;
}

export interface SitingState {
  /** The plan shown on the map, if any. */
  open: { id: string; sites: PlanSite[] } | null;
  running: boolean;
}

export const useSiting = create<SitingState>(() => ({ open: null, running: false }));
