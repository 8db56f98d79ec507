// State: the period the map counts when the filter chose none but the page around the map covers
// one. The briefing and the wall fall back to this month (briefingRange), and their map must show
// the incidents their cards count, not the whole data. Null on the desk: the map then counts
// every incident the filter keeps.
import { create } from 'zustand';

export const useMapPeriod = create<{ fallback: [number, number] | null }>(() => ({ fallback: null }));

/** Makes the map count `range` while the filter has no period; returns the undo (for an effect). */
export function showPeriodOnMap(range: [number, number]): () => void {
  useMapPeriod.setState({ fallback: range });
  return () => useMapPeriod.setState({ fallback: null });
}
