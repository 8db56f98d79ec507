// UI: the row of chips along the top of the map, one per active filter — period (with its dates),
// hidden offence kinds, hours of the week, town, grid, drawn area — each removable, and "clear
// all". What is filtered stays visible however far the filter panel is scrolled, after a reload too.
import { useShallow } from 'zustand/react/shallow';
import type { MapData } from '../model';
import { fill, useLang, useT } from '../i18n';
import { isFiltered, useFilters, type FilterState } from '../state/filters';
import { datesOfRange, presetOf } from '../state/incident-filter';

export type ChipKind = 'period' | 'kinds' | 'hours' | 'town' | 'grid' | 'drawn';

interface Chip {
  kind: ChipKind;
  label: string;
  remove(): void;
}

export type Chosen = Pick<FilterState, 'timeRange' | 'hiddenKinds' | 'hoursOfWeek' | 'townId' | 'gridId' | 'drawnArea'>;

/** The chips of the active filters (the briefing names its scope with their labels). */
export function chipsOf(f: Chosen, data: MapData, t: ReturnType<typeof useT>, lang: string): Chip[] {
  const name = (p: { name: string; nameEn: string }) => (lang === 'en' ? p.nameEn : p.name);
  const set = useFilters.getState(); // only its setters, which never change
  const chips: Chip[] = [];
  if (f.timeRange) {
    const preset = presetOf(f.timeRange, data.manifest);
    const [from, to] = datesOfRange(f.timeRange, data.manifest.timeZone);
    const label = t(`filters.period.${preset}`);
    chips.push({ kind: 'period', label: fill(t('chips.period'), { label, from, to }), remove: () => set.setTimeRange(null) });
  }
  if (f.hiddenKinds.length > 0) {
    // toggleKinds shows them all again when any of them is hidden.
    chips.push({ kind: 'kinds', label: fill(t('chips.kinds'), { n: f.hiddenKinds.length }), remove: () => set.toggleKinds(f.hiddenKinds) });
  }
  if (f.hoursOfWeek.length > 0) {
    chips.push({ kind: 'hours', label: fill(t('chips.hours'), { n: f.hoursOfWeek.length }), remove: () => set.clearHoursOfWeek() });
  }
  const town = f.townId ? data.admin.features.find((a) => a.properties.id === f.townId) : undefined;
  if (f.townId) {
    chips.push({ kind: 'town', label: fill(t('chips.town'), { name: town ? name(town.properties) : f.townId }), remove: () => set.setTown(null) });
  }
  const grid = f.gridId ? data.grids.features.find((g) => g.properties.id === f.gridId) : undefined;
  if (f.gridId) {
    chips.push({ kind: 'grid', label: fill(t('chips.grid'), { name: grid ? name(grid.properties) : f.gridId }), remove: () => set.setGrid(null) });
  }
  if (f.drawnArea) chips.push({ kind: 'drawn', label: t('filters.drawn'), remove: () => set.setDrawnArea(null) });
  return chips;
}

export function FilterChips({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const filters = useFilters(
    useShallow((s): Chosen => ({ timeRange: s.timeRange, hiddenKinds: s.hiddenKinds, hoursOfWeek: s.hoursOfWeek, townId: s.townId, gridId: s.gridId, drawnArea: s.drawnArea })),
  );
  if (!isFiltered(filters)) return null;
  const chips = chipsOf(filters, data, t, lang);
  const clearAll = () => chips.forEach((c) => c.remove());
  return (
    <div className="filter-chips" data-testid="filter-chips" role="group" aria-label={t('chips.label')}>
      <span className="filter-chips-label">{t('chips.label')}</span>
      {chips.map((c) => (
        <span key={c.kind} className="filter-chip" data-chip={c.kind}>
          <span className="filter-chip-text">{c.label}</span>
          <button data-testid={`filter-chip-${c.kind}`} aria-label={fill(t('chips.remove'), { what: c.label })} title={fill(t('chips.remove'), { what: c.label })} onClick={c.remove}>
            ×
          </button>
        </span>
      ))}
      <button className="filter-chips-clear" data-testid="filter-chips-clear" onClick={clearAll}>
        {t('chips.clear')}
      </button>
    </div>
  );
}
