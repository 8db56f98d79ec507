// State: which overlays are shown and how. Persisted so a wall screen comes back as it was left.
import { create } from 'zustand';
import { readPreference, writePreference } from '../storage/preferences';
import type { GiStarK, GiStarView, GridMeasure, IncidentMeasure, IncidentMode, OverlayId, Theme, TrendBucket } from '../model';

export interface LayerState {
  visible: Record<OverlayId, boolean>;
  gridMeasure: GridMeasure;
  incidentMode: IncidentMode;
  incidentMeasure: IncidentMeasure;
  gistarView: GiStarView;
  gistarK: GiStarK;
  trendBucket: TrendBucket;
  theme: Theme;
  toggle(id: OverlayId): void;
  setGridMeasure(m: GridMeasure): void;
  setIncidentMode(m: IncidentMode): void;
  setIncidentMeasure(m: IncidentMeasure): void;
  setGistarView(v: GiStarView): void;
  setGistarK(k: GiStarK): void;
  setTrendBucket(b: TrendBucket): void;
  setTheme(t: Theme): void;
}

const STORAGE_KEY = 'layers';
type Persisted = Pick<LayerState, 'visible' | 'gridMeasure' | 'incidentMode' | 'incidentMeasure' | 'gistarView' | 'gistarK' | 'trendBucket' | 'theme'>;
const DEFAULTS: Persisted = {
  visible: { grids: true, cameras: true, incidents: true, hotspots: true, gistar: false },
  gridMeasure: 'none',
  incidentMode: 'hex',
  incidentMeasure: 'count',
  gistarView: 'significance',
  gistarK: 1,
  trendBucket: 'day',
  theme: 'light',
};

function load(): Persisted {
  try {
    const saved = readPreference<Partial<Persisted>>(STORAGE_KEY);
    if (!saved) return DEFAULTS;
    return { ...DEFAULTS, ...saved, visible: { ...DEFAULTS.visible, ...saved.visible } };
  } catch {
    return DEFAULTS;
  }
}

export const useLayers = create<LayerState>((set, get) => {
  const save = () => {
    const { visible, gridMeasure, incidentMode, incidentMeasure, gistarView, gistarK, trendBucket, theme } = get();
    const saved: Persisted = { visible, gridMeasure, incidentMode, incidentMeasure, gistarView, gistarK, trendBucket, theme };
    // Storage full or blocked: the view still works, it just is not remembered.
    writePreference(STORAGE_KEY, saved);
  };
  return {
    ...load(),
    toggle(id) {
      set((s) => ({ visible: { ...s.visible, [id]: !s.visible[id] } }));
      save();
    },
    setGridMeasure(gridMeasure) {
      set({ gridMeasure });
      save();
    },
    setIncidentMode(incidentMode) {
      set({ incidentMode });
      save();
    },
    setIncidentMeasure(incidentMeasure) {
      set({ incidentMeasure });
      save();
    },
    setGistarView(gistarView) {
      set({ gistarView });
      save();
    },
    setGistarK(gistarK) {
      set({ gistarK });
      save();
    },
    setTrendBucket(trendBucket) {
      set({ trendBucket });
      save();
    },
    setTheme(theme) {
      set({ theme });
      save();
    },
  };
});
