// UI: what a clicked hexagon holds — its count and share of the county, its main offence kinds,
// when in the week they happen, and its months (a small bar chart). All values rendered as text.
import { scaleLinear } from 'd3';
import type { MapData } from '../model';
import { useIncidentResults } from '../state/incident-results';
import { fill, formatNumber, useLang, useT } from '../i18n';
import { cellPlaceLabel } from './place-label';

const TOP_KINDS = 5;
const SPARK_W = 260;
const SPARK_H = 46;

export function CellDetails({ data, h3 }: { data: MapData; h3: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const profile = useIncidentResults((s) => s.cellProfile);
  const total = useIncidentResults((s) => s.hexCounts?.total ?? 0);
  const n = (x: number) => formatNumber(lang, x);
  const head = (
    <dl className="fields">
      <dt>{t('place.cell')}</dt>
      <dd data-testid="cell-place">{cellPlaceLabel(data, h3, lang)}</dd>
      <dt>{t('field.cell')}</dt>
      <dd>{h3}</dd>
      {profile?.cell === h3 && (
        <>
          <dt>{t('field.count')}</dt>
          <dd data-testid="cell-count">
            {n(profile.count)} {total > 0 && <small className="muted">({fill(t('cell.share'), { share: formatNumber(lang, (100 * profile.count) / total, 1) })})</small>}
          </dd>
        </>
      )}
    </dl>
  );
  if (profile?.cell !== h3) return (<>{head}<p className="muted">{t('app.loading')}</p></>);

  const kinds = data.manifest.offenceKinds
    .map((k) => ({ name: lang === 'en' ? k.en : k.zh, count: profile.byCategory[k.code] ?? 0 })) // byCategory holds only the codes the data has
    .filter((k) => k.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP_KINDS);
  const peak = peakTimes(profile.byHourOfWeek);
  const weekdays = t('time.weekdays').split(',');
  const months = profile.months.counts;
  const x = scaleLinear().domain([0, Math.max(1, months.length)]).range([0, SPARK_W]);
  const y = scaleLinear().domain([0, Math.max(1, ...months)]).range([SPARK_H, 0]);
  const monthLabel = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  return (
    <div data-testid="cell-profile">
      {head}
      {kinds.length > 0 && (
        <>
          <p className="legend-title">{t('cell.kinds')}</p>
          <ol className="cell-kinds" data-testid="cell-kinds">
            {kinds.map((k) => (
              <li key={k.name}>
                <span className="bar" style={{ width: `${(100 * k.count) / kinds[0].count}%` }} />
                <span className="label">{k.name}</span> <span className="count">{n(k.count)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      {peak && (
        <p className="muted" data-testid="cell-peak">
          {fill(t('cell.peak'), { day: `${t('time.weekdayPrefix')}${weekdays[peak.weekday]}`, hour: `${peak.hour}:00–${peak.hour + 1}:00` })}
        </p>
      )}
      {months.length > 1 && (
        <>
          <p className="legend-title">{t('cell.months')}</p>
          <svg width={SPARK_W} height={SPARK_H + 14} className="cell-months" data-testid="cell-months">
            {Array.from(months, (c, k) => (
              <rect key={k} x={x(k) + 0.5} y={y(c)} width={Math.max(1, x(1) - x(0) - 1)} height={SPARK_H - y(c)}>
                <title>{`${monthLabel(profile.months.first + k)} · ${n(c)}`}</title>
              </rect>
            ))}
            <text className="axis-label" x={0} y={SPARK_H + 12}>
              {monthLabel(profile.months.first)}
            </text>
            <text className="axis-label" x={SPARK_W} y={SPARK_H + 12} textAnchor="end">
              {monthLabel(profile.months.first + months.length - 1)}
            </text>
          </svg>
        </>
      )}
    </div>
  );
}

/** The busiest weekday and, separately, the busiest hour of the day; null when there is nothing. */
function peakTimes(byHourOfWeek: Uint32Array): { weekday: number; hour: number } | null {
  const days = new Array<number>(7).fill(0);
  const hours = new Array<number>(24).fill(0);
  let any = 0;
  for (let k = 0; k < 168; k++) (days[Math.floor(k / 24)] += byHourOfWeek[k]), (hours[k % 24] += byHourOfWeek[k]), (any += byHourOfWeek[k]);
  if (any === 0) return null;
  return { weekday: days.indexOf(Math.max(...days)), hour: hours.indexOf(Math.max(...hours)) };
}
