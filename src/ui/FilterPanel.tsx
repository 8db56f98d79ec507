// UI: the incident filter — period and case classes. Every incident view follows it.
import { CASE_CLASSES } from '../model';
import { useFilters, type PeriodPreset } from '../state/filters';
import { useT } from '../i18n';

const PERIODS: PeriodPreset[] = ['all', 'y2025', 'y2024', 'last90', 'last30'];

export function FilterPanel() {
  const t = useT();
  const { period, setPeriod, caseClasses, toggleCaseClass } = useFilters();
  return (
    <section className="panel filters">
      <h2>{t('filters.title')}</h2>
      <label className="option">
        {t('filters.period')}
        <select data-testid="filter-period" value={period} onChange={(e) => setPeriod(e.target.value as PeriodPreset)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`filters.period.${p}`)}
            </option>
          ))}
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
    </section>
  );
}
