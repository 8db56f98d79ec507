// State: which overlays are shown and how. LayerChoices so a wall screen comes back as it was left.
import { create } from 'zustand';
import { readPreference, writePreference } from '../storage/preferences';
import { GISTAR_RESOLUTIONS } from '../model';
import type { GiStarK, GiStarResolution, GiStarView, GridMeasure, IncidentMeasure, IncidentMode, OverlayId, Theme, TrendBucket } from '../model';

export interface LayerState {
  visible: Record<OverlayId, boolean>;
  gridMeasure: GridMeasure;
  incidentMode: IncidentMode;
  incidentMeasure: IncidentMeasure;
  gistarView: GiStarView;
  gistarK: GiStarK;
  /** Resolution Gi* and the trend are analysed at; null until chosen: the dataset's default. */
  gistarResolution: GiStarResolution | null;
  trendBucket: TrendBucket;
  theme: Theme;
  /** Heatmap bandwidth, metres: the kernel density's radius on the ground. */
  heatBandwidthM: HeatBandwidthM;
  toggle(id: OverlayId): void;
  setGridMeasure(m: GridMeasure): void;
  setIncidentMode(m: IncidentMode): void;
  setIncidentMeasure(m: IncidentMeasure): void;
  setGistarView(v: GiStarView): void;
  setGistarK(k: GiStarK): void;
  setGistarResolution(r: GiStarResolution): void;
  setTrendBucket(b: TrendBucket): void;
  setTheme(t: Theme): void;
  setHeatBandwidth(m: HeatBandwidthM): void;
}

/** Heatmap bandwidths offered, metres: a street block (100 m) to a neighbourhood (500 m). */
export const HEAT_BANDWIDTHS_M = [100, 200, 300, 500] as const;
export type HeatBandwidthM = (typeof HEAT_BANDWIDTHS_M)[number];

const STORAGE_KEY = 'layers';
/** The layer choices that are saved and put in a view link (everything but the setters). */
export type LayerChoices = Pick<LayerState, 'visible' | 'gridMeasure' | 'incidentMode' | 'incidentMeasure' | 'gistarView' | 'gistarK' | 'gistarResolution' | 'trendBucket' | 'theme' | 'heatBandwidthM'>;
/** The choices of a first visit; a view link leaves out what equals them. */
export const LAYER_DEFAULTS: Readonly<LayerChoices> = {
  visible: { grids: true, cameras: true, incidents: true, hotspots: true, gistar: false, coverage: false },
  gridMeasure: 'none',
  incidentMode: 'hex',
  incidentMeasure: 'count',
  gistarView: 'significance',
  gistarK: 1,
  gistarResolution: null,
  trendBucket: 'day',
  theme: 'light',
  heatBandwidthM: 200,
};

function load(): LayerChoices {
  try {
    const saved = readPreference<Partial<LayerChoices>>(STORAGE_KEY);
    if (!saved) return LAYER_DEFAULTS;
    const heatBandwidthM = HEAT_BANDWIDTHS_M.find((m) => m === saved.heatBandwidthM) ?? LAYER_DEFAULTS.heatBandwidthM;
    const gistarResolution = GISTAR_RESOLUTIONS.find((r) => r === saved.gistarResolution) ?? null;
    return { ...LAYER_DEFAULTS, ...saved, visible: { ...LAYER_DEFAULTS.visible, ...saved.visible }, heatBandwidthM, gistarResolution };
  } catch {
    return LAYER_DEFAULTS;
  }
}

export const useLayers = create<LayerState>((set, get) => {
  const save = () => {
    const { visible, gridMeasure, incidentMode, incidentMeasure, gistarView, gistarK, gistarResolution, trendBucket, theme, heatBandwidthM } = get();
    const saved: LayerChoices = { visible, gridMeasure, incidentMode, incidentMeasure, gistarView, gistarK, gistarResolution, trendBucket, theme, heatBandwidthM };
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
    setGistarResolution(gistarResolution) {
      set({ gistarResolution });
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
    setHeatBandwidth(heatBandwidthM) {
      set({ heatBandwidthM });
      save();
    },
  };
});
