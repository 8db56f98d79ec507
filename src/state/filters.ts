// State: the incident filter every panel and layer shares. Only choices live here; the worker
// filter and every count are derived from them.
import { create } from 'zustand';
import { readPreference, writePreference } from '../storage/preferences';
import type { PolygonGeometry } from '../model';

export interface FilterState {
  /** [from, to) in epoch ms, or null for the whole dataset. The brush and the presets set it. */
  timeRange: [number, number] | null;
  /**
   * The period preset (e.g. 'last30') the range was chosen as, or null for a brushed or typed
   * range: saved with it, so that after a reload on a later day "last 30 days" means the last 30
   * days then, not the dates it covered when it was chosen.
   */
  periodPreset: string | null;
  /** Offence kinds (ids) left out; empty = every kind. A case class is the set of its kinds. */
  hiddenKinds: string[];
  /** Selected cells of the hour × weekday matrix (weekday × 24 + hour, Monday = 0); empty = all. */
  hoursOfWeek: number[];
  /**
   * The area: a town, a grid, or a drawn polygon (WGS-84), or none. One at a time — choosing
   * one clears the others, except that a grid may be chosen inside its town.
   */
  townId: string | null;
  gridId: string | null;
  drawnArea: PolygonGeometry | null;
  /** Sets the range; `preset` names the preset it was chosen as (none for a brush or typed dates). */
  setTimeRange(range: [number, number] | null, preset?: string | null): void;
  /** Shows the kinds when any is hidden, else hides them all (a case class's checkbox). */
  toggleKinds(ids: string[]): void;
  /** Adds the cells when any is missing, else removes them all (a row or column click). */
  toggleHoursOfWeek(cells: number[]): void;
  clearHoursOfWeek(): void;
  setTown(id: string | null): void;
  setGrid(id: string | null): void;
  setDrawnArea(area: PolygonGeometry | null): void;
}

export const useFilters = create<FilterState>((set) => ({
  timeRange: null,
  periodPreset: null,
  hiddenKinds: [],
  hoursOfWeek: [],
  townId: null,
  gridId: null,
  drawnArea: null,
  setTimeRange(timeRange, periodPreset = null) {
    set({ timeRange, periodPreset });
  },
  toggleKinds(ids) {
    set((s) => {
      const hidden = new Set(s.hiddenKinds);
      const anyHidden = ids.some((id) => hidden.has(id));
      for (const id of ids) anyHidden ? hidden.delete(id) : hidden.add(id);
      return { hiddenKinds: [...hidden].sort() };
    });
  },
  toggleHoursOfWeek(cells) {
    set((s) => {
      const selected = new Set(s.hoursOfWeek);
      const allIn = cells.every((c) => selected.has(c));
      for (const c of cells) allIn ? selected.delete(c) : selected.add(c);
      return { hoursOfWeek: [...selected].sort((a, b) => a - b) };
    });
  },
  clearHoursOfWeek() {
    set({ hoursOfWeek: [] });
  },
  setTown(townId) {
    set({ townId, gridId: null, drawnArea: null });
  },
  setGrid(gridId) {
    set(gridId ? { gridId, drawnArea: null } : { gridId });
  },
  setDrawnArea(drawnArea) {
    set(drawnArea ? { drawnArea, townId: null, gridId: null } : { drawnArea });
  },
}));

/** Whether any choice narrows the incidents: the header then says "of N" and the chips show. */
export function isFiltered(f: Pick<FilterState, 'timeRange' | 'hiddenKinds' | 'hoursOfWeek' | 'townId' | 'gridId' | 'drawnArea'>): boolean {
  return f.timeRange !== null || f.hiddenKinds.length > 0 || f.hoursOfWeek.length > 0 || f.townId !== null || f.gridId !== null || f.drawnArea !== null;
}

type SavedFilters = Pick<FilterState, 'timeRange' | 'periodPreset' | 'hiddenKinds' | 'hoursOfWeek' | 'townId' | 'gridId' | 'drawnArea'>;
const STORAGE_PREFIX = 'filters:';
let stopSaving: (() => void) | null = null;

/** What a restored choice may refer to: ids that exist in the loaded dataset. */
export interface FilterIds {
  town(id: string): boolean;
  grid(id: string): boolean;
  kind(id: string): boolean;
  /**
   * The range of period preset `id` today, null for the whole dataset, or undefined when no such
   * preset exists (any more): the saved range is then kept as a plain range.
   */
  period?(id: string): [number, number] | null | undefined;
}

/**
 * Restores the filter choices last made on this dataset — a drawn area is the user's own work and
 * a wall screen must come back as it was left after a reload or a crash — keeping only what still
 * exists in it, then saves every change as it is made.
 */
export function persistFilters(datasetKey: string, ids: FilterIds): void {
  const key = STORAGE_PREFIX + datasetKey;
  stopSaving?.();
  try {
    const saved = readPreference<Partial<SavedFilters>>(key);
    if (saved && typeof saved === 'object') useFilters.setState(sanitise(saved, ids));
  } catch {
    // Unreadable or blocked storage: start from no filter.
  }
  stopSaving = useFilters.subscribe((s) => {
    const saved: SavedFilters = { timeRange: s.timeRange, periodPreset: s.periodPreset, hiddenKinds: s.hiddenKinds, hoursOfWeek: s.hoursOfWeek, townId: s.townId, gridId: s.gridId, drawnArea: s.drawnArea };
    // Storage full or blocked: the filter still works, it just is not remembered.
    writePreference(key, saved);
  });
}

function sanitise(s: Partial<SavedFilters>, ids: FilterIds): Partial<SavedFilters> {
  const range = s.timeRange;
  const ring = s.drawnArea?.type === 'Polygon' ? s.drawnArea.coordinates?.[0] : undefined;
  // A preset is chosen again for today; one that no longer exists leaves its saved dates as they were.
  const today = typeof s.periodPreset === 'string' ? ids.period?.(s.periodPreset) : undefined;
  return {
    ...(today !== undefined
      ? { timeRange: today, periodPreset: s.periodPreset! }
      : {
          timeRange: Array.isArray(range) && range.length === 2 && range.every(Number.isFinite) && range[0] < range[1] ? [range[0], range[1]] : null,
          periodPreset: null,
        }),
    hiddenKinds: Array.isArray(s.hiddenKinds) ? s.hiddenKinds.filter((k) => typeof k === 'string' && ids.kind(k)) : [],
    hoursOfWeek: Array.isArray(s.hoursOfWeek) ? s.hoursOfWeek.filter((h) => Number.isInteger(h) && h >= 0 && h < 168) : [],
    townId: typeof s.townId === 'string' && ids.town(s.townId) ? s.townId : null,
    gridId: typeof s.gridId === 'string' && ids.grid(s.gridId) ? s.gridId : null,
    drawnArea: Array.isArray(ring) && ring.length >= 4 && ring.every((p) => Array.isArray(p) && p.length === 2 && p.every(Number.isFinite)) ? s.drawnArea! : null,
  };
}
