// UI: the briefing's key-figure cards. Each says its definition in small print under the figure;
// every 同比 / 环比 names both periods' dates and counts and says "significant" only when
// countChange does. `data-value` holds the same ASCII figure the PDF carries (kpi-model.ts).
import type { ReactNode } from 'react';
import type { ComparedCount } from '../../analysis/briefing/briefing-figures';
import type { CountChange } from '../../analysis/stats/count-change';
import { fill, formatNumber, useLang, useT, type MessageKey } from '../../i18n';
import { percentText, rangeDates, type BriefingKpis } from './kpi-model';
import { placeNameText } from '../place-name';

function Card({ name, title, value, definition, children }: { name: string; title: string; value: string; definition: string; children?: ReactNode }) {
  return (
    <section className="kpi" data-testid={`kpi-${name}`} data-value={value}>
      <h3>{title}</h3>
      {children}
      <p className="kpi-def">{definition}</p>
    </section>
  );
}

/** "环比 2025-11-01 至 2025-11-30：5,066 件，无明显变化". */
export function CompareLine({ label, range, change, tz, testId }: { label: string; range: [number, number]; change: CountChange; tz: string; testId: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [from, to] = rangeDates(range, tz);
  return (
    <p className={`kpi-compare change-${change.direction}`} data-testid={testId} data-previous={change.previous} data-direction={change.direction}>
      {fill(t('briefing.compare'), { label, from, to, n: formatNumber(lang, change.previous), change: t(`briefing.change.${change.direction}` as MessageKey) })}
    </p>
  );
}

function CountCard({ name, title, definition, count, k, tz }: { name: string; title: MessageKey; definition: MessageKey; count: ComparedCount; k: BriefingKpis; tz: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  return (
    <Card name={name} title={t(title)} value={String(count.current)} definition={t(definition)}>
      <div className="kpi-value">{formatNumber(lang, count.current)}</div>
      <CompareLine label={t('briefing.vsLastYear')} range={k.periods.lastYear} change={count.vsLastYear} tz={tz} testId={`kpi-${name}-vs-last-year`} />
      <CompareLine label={t('briefing.vsPrevious')} range={k.periods.previous} change={count.vsPrevious} tz={tz} testId={`kpi-${name}-vs-previous`} />
    </Card>
  );
}

export function KpiCards({ k, tz }: { k: BriefingKpis; tz: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const n = (x: number) => formatNumber(lang, x);
  const cov = k.coverage;
  return (
    <div className="kpis">
      <CountCard name="incidents" title="briefing.kpi.incidents" definition="briefing.kpi.incidents.def" count={k.incidents} k={k} tz={tz} />
      <CountCard name="criminal" title="briefing.kpi.criminal" definition="briefing.kpi.criminal.def" count={k.criminal} k={k} tz={tz} />
      <CountCard name="public-order" title="briefing.kpi.publicOrder" definition="briefing.kpi.publicOrder.def" count={k.publicOrder} k={k} tz={tz} />
      <Card name="coverage" title={t('briefing.kpi.coverage')} value={cov ? percentText(cov.byIncidents) : '-'} definition={t('briefing.kpi.coverage.def')}>
        <div className="kpi-value">{cov ? percentText(cov.byIncidents) : '—'}</div>
        {!cov && <p className="kpi-note">{t('briefing.kpi.coverage.missing')}</p>}
      </Card>
      <Card name="camera-working" title={t('briefing.kpi.working')} value={percentText(k.cameras.rate)} definition={t('briefing.kpi.working.def')}>
        <div className="kpi-value">{percentText(k.cameras.rate)}</div>
        <p className="kpi-sub">{fill(t('briefing.kpi.working.value'), { online: n(k.cameras.online), total: n(k.cameras.total) })}</p>
      </Card>
      <Card name="hotspots" title={t('briefing.kpi.hotspots')} value={`${k.hotspots.listed}/${k.hotspots.overdue}/${k.hotspots.delisted}`} definition={t('briefing.kpi.hotspots.def')}>
        <div className="kpi-value kpi-triple">
          <span data-testid="kpi-hotspots-listed">{fill(t('briefing.kpi.hotspots.listed'), { n: n(k.hotspots.listed) })}</span>
          <span className={k.hotspots.overdue > 0 ? 'warn' : ''} data-testid="kpi-hotspots-overdue">{fill(t('briefing.kpi.hotspots.overdue'), { n: n(k.hotspots.overdue) })}</span>
          <span data-testid="kpi-hotspots-delisted">{fill(t('briefing.kpi.hotspots.delisted'), { n: n(k.hotspots.delisted) })}</span>
        </div>
      </Card>
      <Card name="blind-spots" title={t('briefing.kpi.blindSpots')} value={cov ? cov.blindSpots.map((b) => b.count).join(',') || '-' : '-'} definition={t('briefing.kpi.blindSpots.def')}>
        {cov ? (
          <ol className="kpi-list">
            {cov.blindSpots.map((b) => (
              <li key={b.rank}>
                {placeNameText(b.place, lang)} · {n(b.count)}
              </li>
            ))}
          </ol>
        ) : (
          <>
            <div className="kpi-value">—</div>
            <p className="kpi-note">{t('briefing.kpi.blindSpots.missing')}</p>
          </>
        )}
      </Card>
    </div>
  );
}
