// UI: the camera-coverage panel, shown while the coverage overlay is on — the county's figures with
// their definitions, the "if repaired" switch, a table by town and the ranked blind spots (each
// flies the map to its area and names its place). Figures come from the worker (state/coverage).
import { useShallow } from 'zustand/react/shallow';
import type { MapData } from '../model';
import { useCoverage } from '../state/coverage';
import { useLayers } from '../state/layers';
import { useMapCamera } from '../state/map-camera';
import { fill, formatNumber, useLang, useT, type Lang } from '../i18n';
import type { CoverageFigures } from '../worker/coverage-api';
import { placeNameText } from './place-name';
import { SeveritySwitch } from './SeverityNote';

/** A share as a percentage, '—' when there is nothing to share. */
export function pct(lang: Lang, x: number, digits = 1): string {
  return Number.isFinite(x) ? `${formatNumber(lang, x * 100, digits)}%` : '—';
}

/** The switch 若修复故障/离线摄像头, in the layer row and the panel alike. */
export function RepairedSwitch() {
  const t = useT();
  const { repaired, setRepaired } = useCoverage(useShallow((s) => ({ repaired: s.repaired, setRepaired: s.setRepaired })));
  return (
    <label className="option" title={t('coverage.repaired.title')}>
      <input type="checkbox" data-testid="coverage-repaired" checked={repaired} onChange={(e) => setRepaired(e.target.checked)} /> {t('coverage.repaired')}
    </label>
  );
}

/** The overlay's legend: covered cells, blind-spot cells, numbered blind-spot areas. */
export function CoverageLegend() {
  const t = useT();
  return (
    <ul className="bins">
      <li>
        <span className="swatch" style={{ background: 'rgba(40,120,220,0.3)' }} />
        {t('coverage.legend.covered')}
      </li>
      <li>
        <span className="swatch" style={{ background: 'rgb(180,30,20)' }} />
        {t('coverage.legend.blind')}
      </li>
      <li className="muted">{t('coverage.legend.coarse')}</li>
    </ul>
  );
}

export function CoveragePanel({ data }: { data: MapData }) {
  const on = useLayers((s) => s.visible.coverage);
  if (!on) return null;
  return <CoverageBody data={data} />;
}

function CoverageBody({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { report, repairedReport, blindSpots, repaired } = useCoverage(
    useShallow((s) => ({ report: s.report, repairedReport: s.repairedReport, blindSpots: s.blindSpots, repaired: s.repaired })),
  );
  const flyTo = useMapCamera((s) => s.flyTo);
  const n = (x: number) => formatNumber(lang, x);
  const towns = data.admin.features.filter((f) => f.properties.level === 'town');
  return (
    <section className="panel coverage" data-testid="coverage-panel">
      <h2>{t('coverage.title')}</h2>
      <RepairedSwitch />
      {!report ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <CountyFigures f={report.county} />
          {!repaired && repairedReport && (
            <p className="muted" data-testid="coverage-if-repaired">
              {fill(t('coverage.ifRepaired'), { p: pct(lang, repairedReport.county.byIncidents) })}
            </p>
          )}
          <p className="muted" data-testid="coverage-definition">{fill(t('coverage.definition'), { res: report.resolution })}</p>
          <h3>{t('coverage.byTown')}</h3>
          <table className="pai" data-testid="coverage-town-table">
            <thead>
              <tr>
                <th>{t('coverage.town')}</th>
                <th>{t('coverage.incidents')}</th>
                <th>{t('coverage.byIncidents')}</th>
                <th>{t('coverage.byArea')}</th>
                <th>{t('coverage.cameras')}</th>
                <th>{t('coverage.workingRate')}</th>
              </tr>
            </thead>
            <tbody>
              {report.towns
                .slice()
                .sort((a, b) => b.incidents - a.incidents || a.index - b.index)
                .map((u) => {
                  const p = towns[u.index]?.properties;
                  return (
                    <tr key={u.index} data-incidents={u.incidents} data-covered={u.coveredIncidents}>
                      <td>{p ? (lang === 'en' ? p.nameEn : p.name) : u.index}</td>
                      <td>{n(u.incidents)}</td>
                      <td>{pct(lang, u.byIncidents)}</td>
                      <td>{pct(lang, u.byArea, 2)}</td>
                      <td>{`${n(u.online)}/${n(u.cameras)}`}</td>
                      <td>{pct(lang, u.workingRate)}</td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </>
      )}
      {blindSpots && (
        <>
          <h3>{t('coverage.blindSpots')}</h3>
          <SeveritySwitch kinds={data.manifest.offenceKinds} />
          <p className="muted">{fill(t('coverage.blindSpots.definition'), { n: n(blindSpots.areaCount), uncovered: n(blindSpots.uncoveredIncidents) })}</p>
          <ol className="blind-spots" data-testid="blind-spot-list">
            {blindSpots.areas.map((a) => (
              <li key={a.peak}>
                <button
                  className="link"
                  data-testid={`blind-spot-${a.rank}`}
                  data-count={a.count}
                  data-weight={a.weight}
                  // Padded by about a cell so a one-cell blind spot is not fitted at the maximum zoom.
                  onClick={() => flyTo({ bounds: [a.bbox[0] - 0.0008, a.bbox[1] - 0.0008, a.bbox[2] + 0.0008, a.bbox[3] + 0.0008] })}
                >
                  <b>{placeNameText(a.place, lang)}</b> —{' '}
                  {blindSpots.bySeverity
                    ? fill(t('coverage.blindSpot.itemWeighted'), { n: n(a.count), w: formatNumber(lang, a.weight, a.weight % 1 === 0 ? 0 : 1), cells: n(a.cellCount) })
                    : fill(t('coverage.blindSpot.item'), { n: n(a.count), cells: n(a.cellCount) })}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function CountyFigures({ f }: { f: CoverageFigures }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const n = (x: number) => formatNumber(lang, x);
  return (
    <dl className="fields" data-testid="coverage-county" data-incidents={f.incidents} data-covered={f.coveredIncidents} data-cameras={f.cameras} data-online={f.online}>
      <dt>{t('coverage.byIncidents')}</dt>
      <dd data-testid="coverage-by-incidents">
        <b>{pct(lang, f.byIncidents)}</b> · {fill(t('coverage.countyLine'), { covered: n(f.coveredIncidents), total: n(f.incidents) })}
      </dd>
      <dt>{t('coverage.byArea')}</dt>
      <dd data-testid="coverage-by-area">{pct(lang, f.byArea, 2)}</dd>
      <dt>{t('coverage.cameras')}</dt>
      <dd>{`${n(f.online)}/${n(f.cameras)}`}</dd>
      <dt>{t('coverage.workingRate')}</dt>
      <dd data-testid="coverage-working-rate">{pct(lang, f.workingRate)}</dd>
    </dl>
  );
}

/** Coverage lines for a grid or hotspot's details (index into its set's features). */
export function CoverageFields({ set, index }: { set: 'grids' | 'hotspots'; index: number }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const report = useCoverage((s) => s.report);
  const u = report?.[set][index];
  return (
    <div data-testid="coverage-details">
      <h4 title={fill(t('coverage.definition'), { res: report?.resolution ?? 11 })}>{t('coverage.details')}</h4>
      {!u ? (
        <p className="muted">…</p>
      ) : (
        <>
          <p>{fill(t('coverage.details.line'), { inc: pct(lang, u.byIncidents), area: pct(lang, u.byArea, 2) })}</p>
          <p className="muted">{fill(t('coverage.details.cameras'), { online: formatNumber(lang, u.online), total: formatNumber(lang, u.cameras), rate: pct(lang, u.workingRate) })}</p>
        </>
      )}
    </div>
  );
}
