// UI: the briefing page (`?view=briefing`) — a print-friendly sheet for the situation meeting:
// key figures with 同比 / 环比, the trend, the busiest cells and grids, and the map, for the
// current filter's period and area. Opened from the header's 简报 button; Back returns.
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MapData } from '../../model';
import { fill, useLang, useT } from '../../i18n';
import { briefingRange, followBriefing, useBriefing } from '../../state/briefing';
import { showPeriodOnMap } from '../../state/map-period';
import { useRoute } from '../../state/app-route';
import { useRegisterHotspots } from '../../state/register';
import { isFiltered, useFilters } from '../../state/filters';
import { useIncidentResults } from '../../state/incident-results';
import { useElementWidth } from '../use-element-width';
import { partialBuckets } from '../../analysis/time/time-series';
import { dataCoverage } from '../../state/clock';
import { chipsOf, type Chosen } from '../FilterChips';
import { MapView } from '../MapView';
import { TrendChart } from '../TrendChart';
import { KpiCards } from './KpiCards';
import { TopTables } from './TopTables';
import { briefingKpis, rangeDates } from './kpi-model';
import { BriefingExport } from './BriefingExport';
import './briefing.css';

export function BriefingPage({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { figures, periods, defaultPeriod, computedAt, error, coverage } = useBriefing();
  const filters = useFilters(
    useShallow((s): Chosen => ({ timeRange: s.timeRange, hiddenKinds: s.hiddenKinds, hoursOfWeek: s.hoursOfWeek, townId: s.townId, gridId: s.gridId, drawnArea: s.drawnArea })),
  );
  useEffect(() => followBriefing(data), [data]);
  // Without a period chosen, the cards count this month: so does the map beside them.
  useEffect(() => showPeriodOnMap(briefingRange({ timeRange: null }, data).range), [data]);
  const tz = data.manifest.timeZone;
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const kpis = useMemo(() => (figures && periods ? briefingKpis(data, hotspots, figures, periods, coverage) : null), [data, hotspots, figures, periods, coverage]);
  const sheet = useRef<HTMLDivElement>(null);
  const scope = isFiltered({ ...filters, timeRange: null })
    ? fill(t('briefing.scope.filtered'), { chips: chipsOf({ ...filters, timeRange: null }, data, t, lang).map((c) => c.label).join('；') })
    : t('briefing.scope.all');
  const [from, to] = periods ? rangeDates(periods.current, tz) : ['', ''];
  return (
    <div className="briefing-page">
      <div className="briefing-actions">
        <button data-testid="briefing-back" onClick={() => useRoute.getState().open('map')}>
          {t('briefing.back')}
        </button>
        <button data-testid="briefing-print" onClick={() => window.print()}>
          {t('briefing.print')}
        </button>
        {kpis && <BriefingExport sheet={sheet} kpis={kpis} data={data} />}
      </div>
      <div className="briefing" data-testid="briefing" data-ready={kpis ? 'true' : 'false'} ref={sheet}>
        <header className="briefing-head">
          <h1>
            {t('briefing.title')} · {lang === 'en' ? data.manifest.nameEn : data.manifest.name}
          </h1>
          <p data-testid="briefing-period">
            {periods && fill(t('briefing.period'), { from, to })} {defaultPeriod && t('briefing.period.default')} · {fill(t('briefing.scope'), { scope })}
          </p>
          <p className="kpi-def">
            {data.manifest.synthetic && `${t('briefing.synthetic')} · `}
            {computedAt !== null && fill(t('briefing.generated'), { time: new Date(computedAt).toLocaleString(lang) })}
          </p>
          {error && <p className="warn">{fill(t('briefing.failed'), { message: error })}</p>}
        </header>
        {kpis && figures ? (
          <>
            <KpiCards k={kpis} tz={tz} />
            <div className="briefing-row">
              <section className="briefing-box briefing-map">
                <h3>{t('briefing.map')}</h3>
                <p className="kpi-def">{t('briefing.map.def')}</p>
                <div className="map-area">
                  <MapView data={data} />
                </div>
              </section>
              <BriefingTrend data={data} />
            </div>
            <TopTables data={data} figures={figures} />
          </>
        ) : (
          <p className="status-message">{t('briefing.loading')}</p>
        )}
      </div>
    </div>
  );
}

function BriefingTrend({ data }: { data: MapData }) {
  const t = useT();
  const series = useIncidentResults((s) => s.series);
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const partial = useMemo(() => (series ? partialBuckets(series.starts, dataCoverage(data.manifest)) : null), [series, data.manifest]);
  return (
    <section className="briefing-box briefing-trend" ref={ref}>
      <h3>{t('briefing.trend')}</h3>
      <p className="kpi-def">{t('briefing.trend.def')}</p>
      {series && partial && <TrendChart series={series} width={width} timeZone={data.manifest.timeZone} partial={partial} />}
    </section>
  );
}
