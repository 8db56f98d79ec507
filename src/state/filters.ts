// State: the incident filter every panel and layer shares.
import { create } from 'zustand';
import type { CaseClass } from '../model';

export type PeriodPreset = 'all' | 'last30' | 'last90' | 'y2025' | 'y2024';

export interface FilterState {
  period: PeriodPreset;
  /** Case classes shown; all four by default. */
  caseClasses: CaseClass[];
  setPeriod(p: PeriodPreset): void;
  toggleCaseClass(c: CaseClass): void;
}

export const useFilters = create<FilterState>((set) => ({
  period: 'all',
  caseClasses: ['criminal', 'public-order', 'dispute', 'traffic'],
  setPeriod(period) {
    set({ period });
  },
  toggleCaseClass(c) {
    set((s) => ({
      caseClasses: s.caseClasses.includes(c) ? s.caseClasses.filter((x) => x !== c) : [...s.caseClasses, c],
    }));
  },
}));
