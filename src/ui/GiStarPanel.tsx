// UI: the Gi* overlay's panel — significance now (legend and hot spots ranked by z) or the
// trend over time (emerging categories and the cells to watch), both at an analysis resolution
// chosen here and over the county's cells. Every listed cell names its place; a click flies the
// map there and selects (highlights) the cell, and the list stays as it was.
import { cellToLatLng } from 'h3-js';
import { useIncidentResults } from '../state/incident-results';
import { useLayers } from '../state/layers';
import { GISTAR_RESOLUTIONS, type GiStarK, type GiStarView, type MapData } from '../model';
import { useMapCamera } from '../state/map-camera';
import { useSelection } from '../state/selection';
import { useDataset } from '../state/dataset';
import { cellPlaceLabel } from './place-label';
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

/** Flies to the cell and selects it: the map outlines it and the details show what it holds. */
function flyToCell(cell: string, count: number) {
  const [lat, lng] = cellToLatLng(cell);
  useMapCamera.getState().flyTo({ center: [lng, lat], zoom: 15 });
  useSelection.getState().select({ kind: 'cell', h3: cell, count });
}

export function GiStarPanel({ timeZone }: { timeZone: string }) {
  const t = useT();
  const gistarView = useLayers((s) => s.gistarView);
  const setGistarView = useLayers((s) => s.setGistarView);
  const gistarK = useLayers((s) => s.gistarK);
  const setGistarK = useLayers((s) => s.setGistarK);
  const chosenRes = useLayers((s) => s.gistarResolution);
  const setRes = useLayers((s) => s.setGistarResolution);
  const defaultRes = useIncidentResults((s) => s.defaultAnalysisResolution);
  const res = GISTAR_RESOLUTIONS.find((r) => r === (chosenRes ?? defaultRes)) ?? GISTAR_RESOLUTIONS[1];
  return (
    <>
      <Segmented options={VIEWS} value={gistarView} onChange={setGistarView} label={(v) => t(`gistar.view.${v}`)} testIdPrefix="gistar-view-" />
      <div className="option">
        {t('gistar.k')}
        <Segmented options={KS} value={gistarK} onChange={setGistarK} label={(k) => t(`gistar.k.${k}`)} testIdPrefix="gistar-k-" />
      </div>
      <div className="option" title={t('gistar.resolution.hint')}>
        {t('gistar.resolution')}
        <Segmented options={GISTAR_RESOLUTIONS} value={res} onChange={setRes} label={(r) => t(`gistar.resolution.${r}`)} testIdPrefix="gistar-res-" />
      </div>
      {gistarView === 'significance' ? <Significance /> : <Emerging timeZone={timeZone} />}
    </>
  );
}

/** The fixed study area and the incidents outside it, in one line. */
function StudyArea({ cells, resolution, outside }: { cells: number; resolution: number; outside: number }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  return (
    <p className="muted" data-testid="gistar-study-area">
      {fill(t('gistar.studyArea'), { cells: formatNumber(lang, cells), res: resolution, outside: formatNumber(lang, outside) })}
    </p>
  );
}

function Significance() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const gi = useIncidentResults((s) => s.giStar);
  const data = useDataset((s) => s.data);
  if (!gi || !data) return <p className="muted">{t('app.loading')}</p>;
  const hot: number[] = [];
  for (let i = 0; i < gi.cells.length; i++) if (gi.classes[i].startsWith('hot')) hot.push(i);
  hot.sort((a, b) => gi.z[b] - gi.z[a]);
  const count = (c: string) => gi.classes.filter((x) => x === c).length;
  return (
    <>
      <p className="legend-title">{t('gistar.title')}</p>
      <StudyArea cells={gi.cells.length} resolution={gi.resolution} outside={gi.outside} />
      <ClassCounts items={GI_CLASSES_SHOWN.map((c) => ({ key: c, color: GI_CLASS_COLORS[c], label: t(`gistar.${c}`), count: count(c) }))} />
      {hot.length === 0 ? (
        <p className="muted">{t('gistar.none')}</p>
      ) : (
        <>
          <p className="legend-title">{t('gistar.ranked')}</p>
          <RankedCells
            testId="gistar-list"
            data={data}
            items={hot.slice(0, LIST_LENGTH).map((i) => ({
              cell: gi.cells[i],
              count: gi.counts[i],
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
  const data = useDataset((s) => s.data);
  if (!em || !data) return <p className="muted">{t('app.loading')}</p>;
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
      <StudyArea cells={em.cells.length} resolution={em.resolution} outside={em.outside} />
      <ClassCounts
        testId="emerging-legend"
        items={EMERGING_SHOWN.map((c) => ({ key: c, color: EMERGING_COLORS[c], label: t(`emerging.${c}`), count: count(c) }))}
      />
      <ul className="explain muted" data-testid="emerging-explain">
        {EMERGING_SHOWN.map((c) => (
          <li key={c}>{t(`emerging.explain.${c}`)}</li>
        ))}
        <li>{t('emerging.why')}</li>
      </ul>
      {watch.length === 0 ? (
        <p className="muted">{t('emerging.noneToWatch')}</p>
      ) : (
        <>
          <p className="legend-title">{t('emerging.ranked')}</p>
          <RankedCells
            testId="emerging-list"
            data={data}
            items={watch.slice(0, LIST_LENGTH).map((i) => ({
              cell: em.cells[i],
              count: last.counts[i],
              color: EMERGING_COLORS[em.categories[i]],
              // The neighbourhood's count is what made the cell hot; its own may be 0.
              label: `${t(`emerging.${em.categories[i]}`)} · ${fill(t('emerging.lastNeighbourhood'), { n: formatNumber(lang, em.lastNeighbourhood[i]), own: formatNumber(lang, last.counts[i]) })} · ${t('emerging.hotPeriods')} ${em.hotPeriods[i]}/${em.periods.length}`,
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

/** Cells in rank order, each with its place; a click flies the map to the cell and selects it. */
function RankedCells({ items, testId, data }: { items: Array<{ cell: string; count: number; color: RGBA; label: string }>; testId: string; data: MapData }) {
  const lang = useLang((s) => s.lang);
  return (
    <ol className="ranked" data-testid={testId}>
      {items.map((it) => (
        <li key={it.cell}>
          <button onClick={() => flyToCell(it.cell, it.count)} data-cell={it.cell}>
            <span className="swatch" style={{ background: css(it.color) }} />
            <span>
              <span className="place">{cellPlaceLabel(data, it.cell, lang)}</span> · {it.label}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
