// UI: the briefing's top lists — the busiest H3 cells (named by their town · community · grid)
// against the previous period, and the busiest grids against the same period last year.
import { getHexagonAreaAvg } from 'h3-js';
import type { MapData } from '../../model';
import type { BriefingFigures, TopRow } from '../../analysis/briefing/briefing-figures';
import type { CountChange } from '../../analysis/stats/count-change';
import { fill, formatNumber, useLang, useT, type MessageKey } from '../../i18n';
import { cellPlaceLabel } from '../place-label';

function Table({ rows, place, change, testId, placeHeader }: { rows: TopRow[]; place: (r: TopRow) => string; change: (r: TopRow) => CountChange; testId: string; placeHeader: MessageKey }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const n = (x: number) => formatNumber(lang, x);
  if (rows.length === 0) return <p className="kpi-note">{t('briefing.none')}</p>;
  return (
    <table className="top-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('briefing.col.rank')}</th>
          <th>{t(placeHeader)}</th>
          <th>{t('briefing.col.count')}</th>
          <th>{t('briefing.col.previous')}</th>
          <th>{t('briefing.col.change')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const c = change(r);
          return (
            <tr key={r.key} data-key={r.key} data-count={r.current}>
              <td>{i + 1}</td>
              <td>{place(r)}</td>
              <td className="num">{n(r.current)}</td>
              <td className="num">{n(c.previous)}</td>
              <td className={`change-${c.direction}`}>
                {c.difference > 0 ? '+' : ''}
                {n(c.difference)} · {t(`briefing.change.${c.direction}` as MessageKey)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TopTables({ data, figures }: { data: MapData; figures: BriefingFigures }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const grid = (r: TopRow) => {
    const p = data.grids.features[Number(r.key)]?.properties;
    return p ? (lang === 'en' ? p.nameEn : p.name) : r.key;
  };
  const km = formatNumber(lang, getHexagonAreaAvg(figures.resolution, 'km2'), 2);
  return (
    <div className="top-tables">
      <section className="briefing-box">
        <h3>{t('briefing.topCells')}</h3>
        <p className="kpi-def">{fill(t('briefing.topCells.def'), { res: figures.resolution, km, n: figures.topCells.length })}</p>
        <Table rows={figures.topCells} place={(r) => cellPlaceLabel(data, r.key, lang)} change={(r) => r.vsPrevious} testId="briefing-top-cells" placeHeader="briefing.col.place" />
      </section>
      <section className="briefing-box">
        <h3>{t('briefing.topGrids')}</h3>
        <p className="kpi-def">{fill(t('briefing.topGrids.def'), { n: figures.topGrids.length })}</p>
        <Table rows={figures.topGrids} place={grid} change={(r) => r.vsLastYear} testId="briefing-top-grids" placeHeader="briefing.col.grid" />
      </section>
    </div>
  );
}
