// UI: the time strip under the map — trend with brush, weekday × hour matrix, chosen period.
import { useShallow } from 'zustand/react/shallow';
import { useMemo } from 'react';
import type { MapData, TrendBucket } from '../model';
import { useIncidentResults } from '../state/incident-results';
import { useFilters } from '../state/filters';
import { useLayers } from '../state/layers';
import { fill, formatNumber, useLang, useT } from '../i18n';
import { localIsoDate } from '../analysis/hotspots/hotspot-status';
import { partialBuckets } from '../analysis/time/time-series';
import { dataCoverage } from '../state/clock';
import { TrendChart } from './TrendChart';
import { useElementWidth } from './use-element-width';
import { HourWeekMatrix } from './HourWeekMatrix';
import { Segmented } from './Segmented';

const DAY_MS = 86_400_000;
const BUCKETS: TrendBucket[] = ['day', 'week'];

export function TimePanel({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const series = useIncidentResults((s) => s.series);
  const matrix = useIncidentResults((s) => s.matrix);
  const { timeRange, setTimeRange } = useFilters(useShallow((s) => ({ timeRange: s.timeRange, setTimeRange: s.setTimeRange })));
  const { trendBucket, setTrendBucket } = useLayers(useShallow((s) => ({ trendBucket: s.trendBucket, setTrendBucket: s.setTrendBucket })));
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const tz = data.manifest.timeZone;
  // Buckets the data only partly covers (the first and last week, today): marked, not read as a fall.
  const partial = useMemo(() => (series ? partialBuckets(series.starts, dataCoverage(data.manifest)) : null), [series, data.manifest]);
  const firstPartial = partial ? partial.indexOf(1) : -1;
  return (
    <section className="time-panel" data-testid="time-panel">
      <div className="trend-box" ref={ref}>
        <header>
          <h2>{t(trendBucket === 'week' ? 'time.trend.week' : 'time.trend')}</h2>
          <Segmented
            className="small"
            options={BUCKETS}
            value={trendBucket}
            onChange={setTrendBucket}
            label={(b) => t(`time.bucket.${b}`)}
            testIdPrefix="trend-bucket-"
          />
          <span className="range" data-testid="time-range">
            {timeRange
              ? `${localIsoDate(timeRange[0], tz)} — ${localIsoDate(timeRange[1] - 1, tz)} (${formatNumber(lang, Math.round((timeRange[1] - timeRange[0]) / DAY_MS))} ${t('unit.days')})`
              : t('time.brushHint')}
          </span>
          {series && firstPartial >= 0 && (
            <span
              className="partial-key"
              data-testid="trend-partial-key"
              title={fill(t('trend.partial.title'), { from: localIsoDate(series.starts[firstPartial], tz), to: localIsoDate(series.starts[firstPartial + 1] - 1, tz) })}
            >
              <span className="swatch hatch" /> {t('trend.partial')}
            </span>
          )}
          {timeRange && (
            <button className="link" onClick={() => setTimeRange(null)}>
              {t('filters.clear')}
            </button>
          )}
        </header>
        {series && partial && <TrendChart series={series} width={width} timeZone={tz} partial={partial} />}
      </div>
      <div className="matrix-box">
        <h2>{t('time.matrix')}</h2>
        {matrix && <HourWeekMatrix matrix={matrix} />}
      </div>
    </section>
  );
}
