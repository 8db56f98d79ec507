// UI: the evidence of one listed hotspot (computed in the worker, register-api.ts): incidents
// before and after listing over equal periods, said with countChange's words (never "+100 %" on
// small counts), the area's PAI, and the WDQ with its definition: did crime just move next door?
import { useEffect, useState } from 'react';
import type { HotspotFeature, MapData } from '../../model';
import { fill, formatNumber, useLang, useT, type MessageKey } from '../../i18n';
import { lastListedOn } from '../../analysis/hotspots/register-rules';
import { DEFAULT_BUFFER_M, DEFAULT_EVIDENCE_DAYS, MIN_EVIDENCE_DAYS } from '../../analysis/hotspots/hotspot-evidence';
import { localIsoDate } from '../../analysis/hotspots/hotspot-status';
import type { HotspotEvidenceResult } from '../../worker/register-api';
import { datasetNow } from '../../state/clock';
import { useFilters } from '../../state/filters';
import { toIncidentFilter } from '../../state/incident-filter';
import { analysisClient } from '../../worker/analysis-client';

export function EvidenceBlock({ data, hotspot }: { data: MapData; hotspot: HotspotFeature }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const hiddenKinds = useFilters((s) => s.hiddenKinds);
  const [days, setDays] = useState(DEFAULT_EVIDENCE_DAYS);
  const [bufferM, setBufferM] = useState(DEFAULT_BUFFER_M);
  const [result, setResult] = useState<HotspotEvidenceResult | null | 'loading'>('loading');
  const listedOn = lastListedOn(hotspot.properties.history);
  const townId = hotspot.properties.townId;
  const geometry = hotspot.geometry;
  useEffect(() => {
    if (!listedOn) return;
    let live = true;
    setResult('loading');
    const towns = data.admin.features.filter((f) => f.properties.level === 'town');
    // Offence kinds as filtered; place and time are the evidence's own (area, ring, control; periods).
    const filter = toIncidentFilter({ timeRange: null, hiddenKinds, hoursOfWeek: [], townId: null, gridId: null, drawnArea: null }, { manifest: data.manifest, towns, grids: data.grids });
    const control = towns.find((f) => f.properties.id === townId)?.geometry ?? data.admin.features.find((f) => f.properties.level === 'county')?.geometry ?? null;
    analysisClient()
      .hotspotEvidence(filter, geometry, control, { listedOn, nowMs: datasetNow(data.manifest), timeZone: data.manifest.timeZone, days, bufferM })
      .then((r) => live && setResult(r))
      .catch((e: unknown) => {
        console.error('hotspot evidence failed:', e);
        if (live) setResult(null);
      });
    return () => {
      live = false;
    };
  }, [data, geometry, townId, listedOn, hiddenKinds, days, bufferM]);

  const n = (x: number) => formatNumber(lang, x);
  return (
    <section className="evidence" data-testid="hotspot-evidence">
      <h4>{t('evidence.title')}</h4>
      {!listedOn ? (
        <p className="muted">{t('evidence.notListed')}</p>
      ) : (
        <>
          <div className="register-form">
            <label>
              {t('evidence.days')} <input type="number" min={7} max={365} step={1} value={days} onChange={(e) => setDays(Math.max(7, Math.min(365, Number(e.target.value) || DEFAULT_EVIDENCE_DAYS)))} />
            </label>
            <label>
              {t('evidence.buffer')} <input type="number" min={50} max={2000} step={50} value={bufferM} onChange={(e) => setBufferM(Math.max(50, Math.min(2000, Number(e.target.value) || DEFAULT_BUFFER_M)))} />
            </label>
          </div>
          {result === 'loading' && <p className="muted">{t('evidence.loading')}</p>}
          {result && result !== 'loading' && (
            <>
              <p className="muted small">{fill(t('evidence.definition'), { days: n(result.periods.days) })}</p>
              <p data-testid="evidence-periods">{fill(t('evidence.periods'), periodDates(result.periods, data.manifest.timeZone, n))}</p>
              {result.periods.days < Math.min(days, MIN_EVIDENCE_DAYS) && (
                <p className="warn" data-testid="evidence-short">
                  {fill(t('evidence.short'), { days: n(result.periods.days), min: n(MIN_EVIDENCE_DAYS) })}
                </p>
              )}
              <p data-testid="evidence-change" data-direction={result.change.direction}>
                {fill(t('evidence.beforeAfter'), { before: n(result.area.before), after: n(result.area.after) })} ·{' '}
                <b className={`change-${result.change.direction}`}>{t(`briefing.change.${result.change.direction}` as MessageKey)}</b>
              </p>
              <p title={t('evidence.pai.definition')}>
                {Number.isFinite(result.pai.pai)
                  ? fill(t('evidence.pai'), { pai: formatNumber(lang, result.pai.pai, 1), hit: formatNumber(lang, result.pai.hitRate * 100, 1), area: formatNumber(lang, result.pai.areaShare * 100, 2) })
                  : '—'}
              </p>
              <p className="muted small">{t('evidence.pai.definition')}</p>
              <p>{fill(t('evidence.ring'), { before: n(result.ring.before), after: n(result.ring.after) })}</p>
              <p>{fill(t('evidence.control'), { before: n(result.control.before), after: n(result.control.after) })}</p>
              <p data-testid="evidence-wdq" data-verdict={result.wdq.verdict}>
                {result.wdq.wdq !== null && `${fill(t('evidence.wdq'), { wdq: formatNumber(lang, result.wdq.wdq, 2) })} · `}
                {t(`evidence.wdq.${result.wdq.verdict}` as MessageKey)}
              </p>
              <p className="muted small">{t('evidence.wdq.definition')}</p>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The two periods as dates (the last day of each inclusive) and their length. */
function periodDates(p: HotspotEvidenceResult['periods'], tz: string, n: (x: number) => string) {
  const day = (ms: number) => localIsoDate(ms, tz);
  return { beforeFrom: day(p.before[0]), beforeTo: day(p.before[1] - 1), afterFrom: day(p.after[0]), afterTo: day(p.after[1] - 1), days: n(p.days) };
}
