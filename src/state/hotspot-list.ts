// State: which list of hotspots is open (from a legend entry or the header's overdue count).
import { create } from 'zustand';
import type { HotspotDisplayStatus } from '../analysis/hotspots/hotspot-status';

export const useHotspotList = create<{ status: HotspotDisplayStatus | null; open(s: HotspotDisplayStatus): void; close(): void }>((set) => ({
  status: null,
  open(status) {
    set({ status });
  },
  close() {
    set({ status: null });
  },
}));
