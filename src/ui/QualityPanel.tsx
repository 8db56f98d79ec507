// UI: how good is a hotspot map? Predictive PAI (computed in the worker) for the busiest cells
// (1 % of the county's cells) and the Gi* hot cells, both chosen on the previous period and scored
// on the current one, and for the listed hotspots on the current one; and how concentrated
// incidents are. Computed only while the panel is open; the panel says which periods were used.
import { useEffect, useMemo, useState } from 'react';
import type { MapData } from '../model';
import { useIncidentResults, type IncidentResults } from '../state/incident-results';
import { fill, formatNumber, useLang, useT } from '../i18n';
import type { PaiResult } from '../analysis/evaluation/pai';
import { localIsoDate } from '../analysis/hotspots/hotspot-status';
import { hotspotStatus } from '../analysis/hotspots/hotspot-status';
import { datasetNow } from '../state/clock';
import { ConcentrationChart } from './ConcentrationChart';
import { useRegisterHotspots } from '../state/register';

/** Hotspot statuses being dealt with now (PAI scores them; the siting planner weights them). */
export const ACTIVE = new Set(['listed', 'rectifying', 'accepting', 'overdue']);

export function QualityPanel({ data }: { data: MapData }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="panel quality">
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary data-testid="quality-toggle">
          <h2>{t('quality.title')}</h2>
        </summary>
        {open && <QualityBody data={data} />}
      </details>
    </section>
  );
}

function QualityBody({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const curve = useIncidentResults((s) => s.concentration);
  const pai = useIncidentResults((s) => s.pai);
  const setMask = useIncidentResults((s) => s.setPaiListedMask);

  // The listed hotspots PAI scores: those being dealt with now. Predictive PAI is asked of the
  // worker only while this panel is open (the mask is cleared when it closes).
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const mask = useMemo(() => {
    const idx = hotspots.features.map((_, i) => i).filter((i) => ACTIVE.has(hotspotStatus(hotspots.features[i].properties, datasetNow(data.manifest), data.manifest.timeZone)));
    const m = new Uint8Array(hotspots.features.length);
    for (const i of idx) m[i] = 1;
    return m;
  }, [data, hotspots]);
  useEffect(() => {
    setMask(mask);
    return () => setMask(null);
  }, [mask, setMask]);

  const figures = useMemo(() => {
    if (!curve) return null;
    const rows: { label: string; r: PaiResult }[] = [];
    if (pai) {
      rows.push({ label: fill(t('quality.topCells'), { n: formatNumber(lang, pai.top.flaggedCells) }), r: pai.top });
      if (pai.giHot) rows.push({ label: t('quality.giHot'), r: pai.giHot });
      if (pai.listed) rows.push({ label: t('quality.listed'), r: pai.listed });
    }
    return { curve, rows };
  }, [curve, pai, lang, t]);

  if (!figures) return <p className="muted">{t('app.loading')}</p>;
  const pct = (x: number, d = 1) => (Number.isFinite(x) ? `${formatNumber(lang, x * 100, d)}%` : '—');
  return (
    <>
      <p className="headline" data-testid="concentration">
        {fill(t('quality.concentration'), { p: formatNumber(lang, figures.curve.shareHoldingHalf * 100, 1), cells: formatNumber(lang, figures.curve.cells), res: figures.curve.resolution })}
      </p>
      <ConcentrationChart curve={figures.curve} />
      {pai && <PaiBasis pai={pai} timeZone={data.manifest.timeZone} />}
      <table className="pai" data-testid="pai-table">
        <thead>
          <tr>
            <th>{t('quality.measure')}</th>
            <th>{t('quality.share')}</th>
            <th>{t('quality.area')}</th>
            <th>{t('quality.pai')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.rows.map(({ label, r }) => (
            <tr key={label}>
              <td>{label}</td>
              <td>{pct(r.hitRate)}</td>
              <td>{pct(r.areaShare, 2)}</td>
              <td>
                <b>{Number.isFinite(r.pai) ? formatNumber(lang, r.pai, 1) : '—'}</b>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Which periods the PAI rows chose on and scored on, dates in the dataset's zone; and the study area. */
function PaiBasis({ pai, timeZone }: { pai: NonNullable<IncidentResults['pai']>; timeZone: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { current, previous, basis } = pai.periods;
  // Ranges are [from, to): the last day shown is the one before `to`.
  const day = (ms: number) => localIsoDate(ms, timeZone);
  const dates = { pfrom: day(previous[0]), pto: day(previous[1] - 1), cfrom: day(current[0]), cto: day(current[1] - 1) };
  const days = Math.round((current[1] - previous[0]) / 86_400_000);
  return (
    <>
      <p className="muted" data-testid="pai-basis">
        {fill(t(basis === 'range' ? 'quality.basis.range' : 'quality.basis.halves'), { ...dates, days: formatNumber(lang, days) })}
      </p>
      <p className="muted" data-testid="pai-study-area">
        {fill(t('quality.studyArea'), { cells: formatNumber(lang, pai.studyCells), res: pai.resolution, n: formatNumber(lang, pai.top.total), outside: formatNumber(lang, pai.outside) })}
      </p>
    </>
  );
}
