// UI: the time strip under the map — trend with brush, weekday × hour matrix, chosen period.
import { useEffect, useRef, useState } from 'react';
import type { MapData, TrendBucket } from '../model';
import { useIncidentResults } from '../state/incident-results';
import { useFilters } from '../state/filters';
import { useLayers } from '../state/layers';
import { formatNumber, useLang, useT } from '../i18n';
import { localIsoDate } from '../analysis/hotspots/hotspot-status';
import { TrendChart } from './TrendChart';
import { HourWeekMatrix } from './HourWeekMatrix';
import { Segmented } from './Segmented';

const DAY_MS = 86_400_000;
const BUCKETS: TrendBucket[] = ['day', 'week'];

export function TimePanel({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const series = useIncidentResults((s) => s.series);
  const matrix = useIncidentResults((s) => s.matrix);
  const { timeRange, setTimeRange } = useFilters();
  const { trendBucket, setTrendBucket } = useLayers();
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = ref.current!;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const tz = data.manifest.timeZone;
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
          {timeRange && (
            <button className="link" onClick={() => setTimeRange(null)}>
              {t('filters.clear')}
            </button>
          )}
        </header>
        {series && <TrendChart series={series} width={width} timeZone={tz} />}
      </div>
      <div className="matrix-box">
        <h2>{t('time.matrix')}</h2>
        {matrix && <HourWeekMatrix matrix={matrix} />}
      </div>
    </section>
  );
}
