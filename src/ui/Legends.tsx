// UI: legends. Colours come from the same memoised classes the map layers use.
import type { MapData } from '../model';
import { CAMERA_KINDS, CAMERA_STATUSES, HOTSPOT_STATES, type HotspotState } from '../model';
import { fill, formatNumber, useLang, useT, type MessageKey } from '../i18n';
import { useIncidentResults } from '../state/incident-results';
import { useLayers } from '../state/layers';
import { changeLegendFor, densityLegendFor, gridFillFor, hexLegendFor } from '../map/legends';
import { CAMERA_STATUS_COLORS, HOTSPOT_STATUS_COLORS, type HotspotDisplayStatus, type RGBA } from '../map/colors';
import { hotspotStatus, localIsoDate } from '../analysis/hotspots/hotspot-status';
import { datasetNow } from '../state/clock';
import { useDataset } from '../state/dataset';
import { CameraBadge, CameraGlyph } from './CameraGlyph';
import { useHotspotList } from '../state/hotspot-list';
import { useRegisterHotspots } from '../state/register';

const css = ([r, g, b, a]: RGBA) => `rgba(${r},${g},${b},${(a / 255).toFixed(2)})`;

/**
 * Class bins as swatches labelled with their ranges. Counts are whole numbers, so their classes
 * read as closed ranges ("1", "2–9", "10–19", "≥ 500"); rates read as "< 2.5", "2.5–4.0", ….
 */
function Bins({ breaks, colors, digits = 0 }: { breaks: number[]; colors: RGBA[]; digits?: number }) {
  const lang = useLang((s) => s.lang);
  const f = (x: number) => formatNumber(lang, x, digits);
  const label = (i: number): string => {
    if (i === breaks.length) return `≥ ${f(breaks[i - 1])}`;
    if (digits > 0) return i === 0 ? `< ${f(breaks[0])}` : `${f(breaks[i - 1])}–${f(breaks[i])}`;
    const lo = i === 0 ? Math.min(1, breaks[0] - 1) : breaks[i - 1];
    const hi = breaks[i] - 1;
    return lo >= hi ? f(hi) : `${f(lo)}–${f(hi)}`;
  };
  return (
    <ul className="bins">
      {colors.map((c, i) => (
        <li key={i}>
          <span className="swatch" style={{ background: css(c) }} />
          {label(i)}
        </li>
      ))}
    </ul>
  );
}

/** The heatmap's classes in incidents per km², with the kernel, bandwidth and cell size. */
function DensityLegendView({ dark }: { dark: boolean }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const grid = useIncidentResults((s) => s.density);
  if (!grid) return <p className="muted">{t('app.loading')}</p>;
  const { breaks, colors } = densityLegendFor(grid, dark);
  // Densities span decades (0.5 … 2,000 per km²): as many decimals as the smallest threshold needs.
  const digits = breaks.length > 0 && breaks[0] < 1 ? Math.min(4, Math.ceil(-Math.log10(breaks[0]))) : 0;
  const f = (x: number) => formatNumber(lang, x, digits);
  return (
    <>
      <p className="legend-title">{t('legend.density')}</p>
      <ul className="bins" data-testid="legend-density">
        {colors.slice(1).map((c, k) => (
          <li key={k}>
            <span className="swatch" style={{ background: css(c) }} />
            {k + 1 < breaks.length ? `${f(breaks[k])}–${f(breaks[k + 1])}` : `≥ ${f(breaks[k])}`}
          </li>
        ))}
      </ul>
      <p className="muted">{fill(t('legend.densityMethod'), { h: grid.bandwidthM, cell: formatNumber(lang, grid.cellM, grid.cellM < 10 ? 1 : 0) })}</p>
    </>
  );
}

export function IncidentLegendView() {
  const t = useT();
  const hex = useIncidentResults((s) => s.hexCounts);
  const comparison = useIncidentResults((s) => s.comparison);
  const mode = useLayers((s) => s.incidentMode);
  const measure = useLayers((s) => s.incidentMeasure);
  const dark = useLayers((s) => s.theme) === 'dark';
  if (mode === 'heat') return <DensityLegendView dark={dark} />;
  if (!hex) return <p className="muted">{t('app.loading')}</p>;
  if (mode === 'hex' && measure !== 'count') {
    return comparison ? <ChangeLegendView /> : <p className="muted">{t('incidents.measure.needsPeriod')}</p>;
  }
  const legend = hexLegendFor(hex, dark);
  return (
    <>
      <p className="legend-title">
        {t('legend.incidents')} · {t('incidents.resolution')} {hex.resolution}
      </p>
      <Bins breaks={legend.breaks} colors={legend.colors} />
    </>
  );
}

function ChangeLegendView() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const cmp = useIncidentResults((s) => s.comparison)!;
  const measure = useLayers((s) => s.incidentMeasure);
  const legend = changeLegendFor(cmp);
  const n = (x: number) => formatNumber(lang, x);
  const half = legend.breaks.length + 1;
  const bound = (k: number) => (k <= legend.breaks.length ? legend.breaks[k - 1] : null);
  const label = (k: number) => {
    if (k === 0) return t('legend.noChange');
    const m = Math.abs(k);
    const lo = m === 1 ? 1 : bound(m - 1)!;
    const hi = bound(m);
    const range = hi === null ? `≥ ${n(lo)}` : lo >= hi - 1 ? n(lo) : `${n(lo)}–${n(hi - 1)}`;
    return `${k > 0 ? '+' : '−'}${range.replace('≥ ', '≥')} ${k > 0 ? t('legend.rise') : t('legend.fall')}`;
  };
  // A comparison exists only once a dataset is loaded: its zone dates the periods.
  const tz = useDataset((s) => s.data!.manifest.timeZone);
  const dates = ([from, to]: [number, number]) => `${localIsoDate(from, tz)} – ${localIsoDate(to - 1, tz)}`;
  const change = cmp.totalPrevious > 0 ? (100 * (cmp.totalCurrent - cmp.totalPrevious)) / cmp.totalPrevious : null;
  return (
    <>
      <dl className="compare" data-testid="compare-summary">
        {/* Each figure beside the dates it counts: 环比 and 同比 are only as good as the period compared. */}
        <dt>{t('compare.current')}</dt>
        <dd>
          {n(cmp.totalCurrent)} <small className="period" data-testid="compare-current-dates">{dates(cmp.currentRange)}</small>
        </dd>
        <dt>{measure === 'vsPrevious' ? t('compare.previous') : t('compare.lastYear')}</dt>
        <dd>
          {n(cmp.totalPrevious)} <small className="period" data-testid="compare-previous-dates">{dates(cmp.previousRange)}</small>
        </dd>
        <dt>{t('compare.change')}</dt>
        <dd className={change !== null && change > 0 ? 'rise' : 'fall'}>
          {change === null ? '—' : `${change > 0 ? '+' : ''}${formatNumber(lang, change, 1)}%`}
        </dd>
      </dl>
      <p className="legend-title">{t('legend.change')}</p>
      <ul className="bins">
        {legend.colors.map((c, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: css(c) }} />
            {label(i - half)}
          </li>
        )).reverse()}
      </ul>
    </>
  );
}

export function GridLegendView({ data }: { data: MapData }) {
  const t = useT();
  const measure = useLayers((s) => s.gridMeasure);
  const incidents = useIncidentResults((s) => s.gridIncidents);
  const { legend } = gridFillFor(data.grids, measure, incidents);
  return (
    <>
      <p className="legend-title">
        <span className="swatch line" /> {t('layers.grids')} · {t(`grids.measure.${measure}` as MessageKey)}
      </p>
      {legend && <Bins breaks={legend.breaks} colors={legend.colors} digits={measure === 'incidentRate' ? 1 : 0} />}
    </>
  );
}

export function CameraLegend() {
  const t = useT();
  return (
    <>
      <ul className="bins two-col">
        {CAMERA_KINDS.map((k) => (
          <li key={k}>
            <CameraGlyph kind={k} color={CAMERA_STATUS_COLORS.online} />
            {t(`camera.kind.${k}`)}
          </li>
        ))}
      </ul>
      <ul className="bins inline">
        {CAMERA_STATUSES.map((s) => (
          <li key={s} data-testid={`legend-camera-${s}`}>
            {s === 'online' ? (
              <span className="swatch round" style={{ background: CAMERA_STATUS_COLORS[s] }} />
            ) : (
              <CameraBadge status={s} color={CAMERA_STATUS_COLORS[s]} />
            )}
            {t(`camera.status.${s}`)}
          </li>
        ))}
      </ul>
      <p className="muted">{t('legend.fovHint')}</p>
    </>
  );
}

export function HotspotLegend({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const statuses: HotspotDisplayStatus[] = [...HOTSPOT_STATES.filter((s: HotspotState) => s !== 'delisted'), 'overdue', 'delisted'];
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const count = (s: HotspotDisplayStatus) =>
    hotspots.features.filter((h) => hotspotStatus(h.properties, datasetNow(data.manifest), data.manifest.timeZone) === s).length;
  const open = useHotspotList((s) => s.open);
  return (
    <ul className="bins">
      {statuses.map((s) => (
        <li key={s}>
          {/* Each state is a button: it lists those hotspots, each one a click away on the map. */}
          <button
            className={`legend-link${s === 'overdue' ? ' warn' : ''}`}
            data-testid={`legend-state-${s}`}
            title={fill(t('hotspotList.open'), { status: t(`hotspot.status.${s}`) })}
            onClick={() => open(s)}
          >
            <span className="swatch" style={{ background: HOTSPOT_STATUS_COLORS[s], opacity: 0.85 }} />
            {t(`hotspot.status.${s}`)} <span className="count">{formatNumber(lang, count(s))}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
