// UI: 同比 and 环比 of one grid in its details — its incidents this period (the filter's, else this
// month) with both comparisons' dates and counts, and a verdict only when countChange finds the
// change larger than chance (the same lines as the briefing's cards).
import { fill, formatNumber, useLang, useT } from '../i18n';
import { countChange } from '../analysis/stats/count-change';
import { useGridChange } from '../state/grid-change';
import { CompareLine } from './briefing/KpiCards';
import { rangeDates } from './briefing/kpi-model';

export function GridChangeFields({ index, timeZone }: { index: number; timeZone: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const change = useGridChange((s) => s.change);
  if (index < 0) return null;
  if (!change) return <p className="muted small">{t('briefing.loading')}</p>;
  const c = change.current[index];
  const [from, to] = rangeDates(change.periods.current, timeZone);
  return (
    <div className="grid-change" data-testid="grid-change" data-current={c}>
      <h4>{t('gridChange.title')}</h4>
      <p>
        {fill(t('gridChange.current'), { from, to, n: formatNumber(lang, c) })}
        {change.defaultPeriod && <span className="muted"> · {t('gridChange.defaultPeriod')}</span>}
      </p>
      <CompareLine label={t('briefing.vsLastYear')} range={change.periods.lastYear} change={countChange(c, change.lastYear[index])} tz={timeZone} testId="grid-change-vs-last-year" />
      <CompareLine label={t('briefing.vsPrevious')} range={change.periods.previous} change={countChange(c, change.previous[index])} tz={timeZone} testId="grid-change-vs-previous" />
      <p className="muted small">{t('gridChange.def')}</p>
    </div>
  );
}
