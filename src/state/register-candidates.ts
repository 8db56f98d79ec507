// State: the candidate areas last suggested from Gi* hot cells ("推荐候选区域"), outlined on the
// map and listed in the register until registered or cleared. Not saved: they follow the data.
import { create } from 'zustand';
import type { HotspotCandidate } from '../analysis/hotspots/hotspot-candidates';

interface CandidateState {
  /** null: none asked for; [] asked, none found. */
  candidates: HotspotCandidate[] | null;
  busy: boolean;
  set(candidates: HotspotCandidate[] | null): void;
  setBusy(busy: boolean): void;
}

export const useRegisterCandidates = create<CandidateState>((set) => ({
  candidates: null,
  busy: false,
  set(candidates) {
    set({ candidates });
  },
  setBusy(busy) {
    set({ busy });
  },
}));
