// UI: the incident filter — period, case classes, town and grid. Every incident view follows it.
import { CASE_CLASSES } from '../model';
import type { MapData } from '../map/map-data';
import { useFilters } from '../state/filters';
import { PERIOD_PRESETS, presetOf, presetRange, type PeriodPreset } from '../state/incident-filter';
import { useLang, useT } from '../i18n';

export function FilterPanel({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { timeRange, setTimeRange, caseClasses, toggleCaseClass, townId, setTown, gridId, setGrid } = useFilters();
  const manifest = data.manifest;
  const preset = presetOf(timeRange, manifest);
  const towns = data.admin.features.filter((f) => f.properties.level === 'town');
  const grid = gridId ? data.grids.features.find((g) => g.properties.id === gridId) : undefined;
  const name = (p: { name: string; nameEn: string }) => (lang === 'en' ? p.nameEn : p.name);
  return (
    <section className="panel filters">
      <h2>{t('filters.title')}</h2>
      <label className="option">
        {t('filters.period')}
        <select
          data-testid="filter-period"
          value={preset}
          onChange={(e) => setTimeRange(presetRange(e.target.value as PeriodPreset, manifest))}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`filters.period.${p}`)}
            </option>
          ))}
          {preset === 'custom' && <option value="custom">{t('filters.period.custom')}</option>}
        </select>
      </label>
      <fieldset className="option">
        <legend>{t('filters.classes')}</legend>
        {CASE_CLASSES.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" data-testid={`filter-class-${c}`} checked={caseClasses.includes(c)} onChange={() => toggleCaseClass(c)} />
            {t(`caseClass.${c}`)}
          </label>
        ))}
      </fieldset>
      <label className="option">
        {t('filters.town')}
        <select data-testid="filter-town" value={townId ?? ''} onChange={(e) => setTown(e.target.value || null)}>
          <option value="">{t('filters.town.all')}</option>
          {towns.map((f) => (
            <option key={f.properties.id} value={f.properties.id}>
              {name(f.properties)}
            </option>
          ))}
        </select>
      </label>
      {grid && (
        <p className="option chip" data-testid="filter-grid">
          {t('filters.grid')}: {name(grid.properties)}
          <button onClick={() => setGrid(null)} aria-label={t('filters.clear')}>
            ×
          </button>
        </p>
      )}
    </section>
  );
}
