// UI: the Gi* overlay's panel — significance now (legend and hot spots ranked by z) or the
// trend over time (emerging categories and the cells to watch). A click flies the map there.
import { cellToLatLng } from 'h3-js';
import { useIncidentResults } from '../state/incident-results';
import { useLayers } from '../state/layers';
import type { GiStarK, GiStarView } from '../model';
import { useMapCamera } from '../state/map-camera';
import { fill, formatNumber, useLang, useT } from '../i18n';
import { GI_CLASS_COLORS, GI_CLASSES_SHOWN } from '../map/layers/gistar-layer';
import { EMERGING_COLORS, EMERGING_SHOWN } from '../map/layers/emerging-layer';
import { localIsoDate } from '../analysis/hotspots/hotspot-status';
import type { RGBA } from '../map/colors';
import { Segmented } from './Segmented';

const css = ([r, g, b, a]: RGBA) => `rgba(${r},${g},${b},${(a / 255).toFixed(2)})`;
const LIST_LENGTH = 10;
/** Mann–Kendall on fewer periods cannot reach significance; the categories would mislead. */
const MIN_PERIODS = 4;
const VIEWS: GiStarView[] = ['significance', 'emerging'];
const KS: GiStarK[] = [1, 2];

function flyToCell(cell: string) {
  const [lat, lng] = cellToLatLng(cell);
  useMapCamera.getState().flyTo({ center: [lng, lat], zoom: 15 });
}

export function GiStarPanel({ timeZone }: { timeZone: string }) {
  const t = useT();
  const { gistarView, setGistarView, gistarK, setGistarK } = useLayers();
  return (
    <>
      <Segmented options={VIEWS} value={gistarView} onChange={setGistarView} label={(v) => t(`gistar.view.${v}`)} testIdPrefix="gistar-view-" />
      <div className="option">
        {t('gistar.k')}
        <Segmented options={KS} value={gistarK} onChange={setGistarK} label={(k) => t(`gistar.k.${k}`)} testIdPrefix="gistar-k-" />
      </div>
      {gistarView === 'significance' ? <Significance /> : <Emerging timeZone={timeZone} />}
    </>
  );
}

function Significance() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const gi = useIncidentResults((s) => s.giStar);
  if (!gi) return <p className="muted">{t('app.loading')}</p>;
  const hot: number[] = [];
  for (let i = 0; i < gi.cells.length; i++) if (gi.classes[i].startsWith('hot')) hot.push(i);
  hot.sort((a, b) => gi.z[b] - gi.z[a]);
  const count = (c: string) => gi.classes.filter((x) => x === c).length;
  return (
    <>
      <p className="legend-title">{t('gistar.title')}</p>
      <ClassCounts items={GI_CLASSES_SHOWN.map((c) => ({ key: c, color: GI_CLASS_COLORS[c], label: t(`gistar.${c}`), count: count(c) }))} />
      {hot.length === 0 ? (
        <p className="muted">{t('gistar.none')}</p>
      ) : (
        <>
          <p className="legend-title">{t('gistar.ranked')}</p>
          <RankedCells
            testId="gistar-list"
            items={hot.slice(0, LIST_LENGTH).map((i) => ({
              cell: gi.cells[i],
              color: GI_CLASS_COLORS[gi.classes[i]],
              label: `${t('stats.incidents')} ${formatNumber(lang, gi.counts[i])} · ${t('gistar.z')} ${formatNumber(lang, gi.z[i], 2)}`,
            }))}
          />
        </>
      )}
    </>
  );
}

function Emerging({ timeZone }: { timeZone: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const em = useIncidentResults((s) => s.emerging);
  if (!em) return <p className="muted">{t('app.loading')}</p>;
  const ranges = em.periodRanges;
  if (ranges.length < MIN_PERIODS) return <p className="muted" data-testid="emerging-too-short">{t('emerging.tooShort')}</p>;
  const monthly = ranges[0][1] - ranges[0][0] > 8 * 86_400_000;
  const count = (c: string) => em.categories.filter((x) => x === c).length;
  // What a chief acts on first: new hot spots, then intensifying ones, the steepest rise first.
  const watch: number[] = [];
  for (let i = 0; i < em.cells.length; i++) if (em.categories[i] === 'new' || em.categories[i] === 'intensifying') watch.push(i);
  watch.sort((a, b) => Number(em.categories[a] !== 'new') - Number(em.categories[b] !== 'new') || em.trendZ[b] - em.trendZ[a]);
  const last = em.periods[em.periods.length - 1];
  return (
    <>
      <p className="legend-title">{t('emerging.title')}</p>
      <p className="muted" data-testid="emerging-periods">
        {fill(t('emerging.periods'), {
          n: formatNumber(lang, ranges.length),
          unit: t(monthly ? 'emerging.unit.month' : 'emerging.unit.week'),
          from: localIsoDate(ranges[0][0], timeZone),
          to: localIsoDate(ranges[ranges.length - 1][1] - 1, timeZone),
        })}
      </p>
      <ClassCounts
        testId="emerging-legend"
        items={EMERGING_SHOWN.map((c) => ({ key: c, color: EMERGING_COLORS[c], label: t(`emerging.${c}`), count: count(c) }))}
      />
      {watch.length === 0 ? (
        <p className="muted">{t('emerging.noneToWatch')}</p>
      ) : (
        <>
          <p className="legend-title">{t('emerging.ranked')}</p>
          <RankedCells
            testId="emerging-list"
            items={watch.slice(0, LIST_LENGTH).map((i) => ({
              cell: em.cells[i],
              color: EMERGING_COLORS[em.categories[i]],
              label: `${t(`emerging.${em.categories[i]}`)} · ${t('emerging.lastPeriod')} ${formatNumber(lang, last.counts[i])} · ${t('emerging.hotPeriods')} ${em.hotPeriods[i]}/${em.periods.length}`,
            }))}
          />
        </>
      )}
    </>
  );
}

/** A legend of colour classes with how many cells fall in each. */
function ClassCounts({ items, testId }: { items: Array<{ key: string; color: RGBA; label: string; count: number }>; testId?: string }) {
  const lang = useLang((s) => s.lang);
  return (
    <ul className="bins two-col" data-testid={testId}>
      {items.map((it) => (
        <li key={it.key}>
          <span className="swatch" style={{ background: css(it.color) }} />
          {it.label} <span className="count">{formatNumber(lang, it.count)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Cells in rank order; a click flies the map to the cell. */
function RankedCells({ items, testId }: { items: Array<{ cell: string; color: RGBA; label: string }>; testId: string }) {
  return (
    <ol className="ranked" data-testid={testId}>
      {items.map((it) => (
        <li key={it.cell}>
          <button onClick={() => flyToCell(it.cell)}>
            <span className="swatch" style={{ background: css(it.color) }} />
            {it.label}
          </button>
        </li>
      ))}
    </ol>
  );
}
