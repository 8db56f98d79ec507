// UI: what each wall scene shows beside the map — the county's key figures, one listed hotspot,
// the worst blind spots, the trend — in type sized for reading across a command centre.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MapData } from '../../model';
import { fill, formatNumber, useLang, useT, type MessageKey } from '../../i18n';
import { daysPastDeadline, hotspotStatus } from '../../analysis/hotspots/hotspot-status';
import type { ComparedCount } from '../../analysis/briefing/briefing-figures';
import { partialBuckets } from '../../analysis/time/time-series';
import { dataCoverage, datasetNow } from '../../state/clock';
import { useIncidentResults } from '../../state/incident-results';
import { TrendChart } from '../TrendChart';
import { placeNameText } from '../place-name';
import { percentText, type BriefingKpis } from '../briefing/kpi-model';

function Verdicts({ c }: { c: ComparedCount }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const line = (label: MessageKey, ch: ComparedCount['vsPrevious']) => (
    <div className={`wall-compare change-${ch.direction}`}>
      {t(label)} {formatNumber(lang, ch.previous)} · {t(`briefing.change.${ch.direction}` as MessageKey)}
    </div>
  );
  return (
    <>
      {line('briefing.vsLastYear', c.vsLastYear)}
      {line('briefing.vsPrevious', c.vsPrevious)}
    </>
  );
}

function Figure({ label, value, children }: { label: string; value: string; children?: React.ReactNode }) {
  return (
    <div className="wall-figure">
      <div className="wall-label">{label}</div>
      <div className="wall-value">{value}</div>
      {children}
    </div>
  );
}

export function OverviewScene({ k }: { k: BriefingKpis }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const n = (x: number) => formatNumber(lang, x);
  return (
    <div className="wall-figures" data-testid="wall-overview">
      <Figure label={t('briefing.kpi.incidents')} value={n(k.incidents.current)}>
        <Verdicts c={k.incidents} />
      </Figure>
      <Figure label={t('briefing.kpi.criminal')} value={n(k.criminal.current)}>
        <Verdicts c={k.criminal} />
      </Figure>
      <Figure label={t('briefing.kpi.publicOrder')} value={n(k.publicOrder.current)}>
        <Verdicts c={k.publicOrder} />
      </Figure>
      <Figure label={t('briefing.kpi.working')} value={percentText(k.cameras.rate)} />
      <Figure label={t('briefing.kpi.hotspots')} value={`${n(k.hotspots.listed)}`}>
        <div className={k.hotspots.overdue > 0 ? 'wall-compare warn' : 'wall-compare'}>{fill(t('briefing.kpi.hotspots.overdue'), { n: n(k.hotspots.overdue) })}</div>
      </Figure>
    </div>
  );
}

export function HotspotScene({ data, hotspots, id }: { data: MapData; hotspots: MapData['hotspots']; id: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const index = hotspots.features.findIndex((h) => h.properties.id === id);
  const inside = useIncidentResults((s) => (index >= 0 ? s.hotspotIncidents?.[index] ?? null : null));
  const h = hotspots.features[index]?.properties;
  if (!h) return null;
  const now = datasetNow(data.manifest);
  const tz = data.manifest.timeZone;
  const status = hotspotStatus(h, now, tz);
  const late = daysPastDeadline(h.deadline, now, tz);
  return (
    <div className="wall-hotspot" data-testid="wall-hotspot">
      <div className="wall-value wall-name">{lang === 'en' ? h.nameEn : h.name}</div>
      <div className={status === 'overdue' ? 'wall-status warn' : 'wall-status'}>
        {t(`hotspot.status.${status}` as MessageKey)}
        {late > 0 && ` · ${fill(t('wall.hotspot.overdueDays'), { n: formatNumber(lang, late) })}`}
      </div>
      {h.deadline && <div>{fill(t('wall.hotspot.deadline'), { date: h.deadline })}</div>}
      <div>{fill(t('wall.hotspot.first'), { name: h.firstResponsible })}</div>
      <div>{fill(t('wall.hotspot.direct'), { name: h.directResponsible })}</div>
      {inside !== null && <div>{fill(t('wall.hotspot.incidents'), { n: formatNumber(lang, inside) })}</div>}
      <div className="wall-small">{fill(t('wall.hotspot.measures'), { list: h.measures.join('、') || t('wall.none') })}</div>
    </div>
  );
}

export function BlindSpotScene({ k }: { k: BriefingKpis }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  if (!k.coverage) {
    return (
      <div data-testid="wall-blind-spots">
        <div className="wall-value">—</div>
        <div className="wall-small">{t('briefing.kpi.blindSpots.missing')}</div>
      </div>
    );
  }
  return (
    <ol className="wall-list" data-testid="wall-blind-spots">
      {k.coverage.blindSpots.map((b) => (
        <li key={b.rank}>
          {placeNameText(b.place, lang)} · <b>{formatNumber(lang, b.count)}</b>
        </li>
      ))}
    </ol>
  );
}

/** The trend, drawn at the chart's own size and enlarged with the screen (CSS zoom). */
export function TrendScene({ data, k }: { data: MapData; k: BriefingKpis }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const series = useIncidentResults((s) => s.series);
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ w: 600, zoom: 1 });
  useEffect(() => {
    const el = ref.current!;
    const measure = () => {
      const zoom = Math.max(1, window.innerHeight / 540);
      setBox({ w: Math.max(200, el.clientWidth / zoom), zoom });
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const partial = useMemo(() => (series ? partialBuckets(series.starts, dataCoverage(data.manifest)) : null), [series, data.manifest]);
  return (
    <div data-testid="wall-trends">
      <Figure label={t('briefing.kpi.incidents')} value={formatNumber(lang, k.incidents.current)}>
        <Verdicts c={k.incidents} />
      </Figure>
      <div ref={ref} className="wall-trend" style={{ zoom: box.zoom }}>
        {series && partial && <TrendChart series={series} width={box.w} timeZone={data.manifest.timeZone} partial={partial} />}
      </div>
    </div>
  );
}
