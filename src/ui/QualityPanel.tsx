// UI: how good is a hotspot map? PAI for the busiest cells, the Gi* hot cells and the listed
// hotspots, and how concentrated incidents are. Computed only while the panel is open.
import { useMemo, useState } from 'react';
import { cellArea, latLngToCell } from 'h3-js';
import type { MapData } from '../model';
import { useIncidentResults } from '../state/incident-results';
import { fill, formatNumber, useLang, useT } from '../i18n';
import { areaM2, paiForCells, paiForPolygons, topKCells, type PaiResult } from '../analysis/evaluation/pai';
import { concentrationCurve } from '../analysis/evaluation/concentration';
import { hotspotStatus } from '../analysis/hotspots/hotspot-status';
import { datasetNow } from '../state/clock';
import { ConcentrationChart } from './ConcentrationChart';

/** The busiest cells flagged for the "top cells" row cover this share of the county. */
const TOP_AREA_SHARE = 0.01;
const ACTIVE = new Set(['listed', 'rectifying', 'accepting', 'overdue']);

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
  const hex = useIncidentResults((s) => s.hexCounts);
  const gi = useIncidentResults((s) => s.giStar);
  const inHotspots = useIncidentResults((s) => s.hotspotIncidents);
  const countyM2 = useMemo(() => areaM2(data.admin.features.find((f) => f.properties.level === 'county')?.geometry ?? null), [data]);

  const figures = useMemo(() => {
    if (!hex) return null;
    // Cells of the study area, including empty ones: the county's area over the area of a cell
    // at its centre (H3 cells vary in size by place; the global average is 25 % off here).
    const [lng, lat] = data.manifest.center;
    const localCellM2 = cellArea(latLngToCell(lat, lng, hex.resolution), 'm2');
    const studyAreaCells = Math.max(hex.cells.length, Math.round(countyM2 / localCellM2));
    const curve = concentrationCurve(hex.counts, { studyAreaCells });
    const k = Math.max(1, Math.round(studyAreaCells * TOP_AREA_SHARE));
    const rows: { label: string; r: PaiResult }[] = [
      { label: fill(t('quality.topCells'), { n: formatNumber(lang, k) }), r: paiForCells(topKCells(hex.cells, hex.counts, k), hex, hex.total, countyM2) },
    ];
    if (gi && gi.cells.length > 0) {
      const hot = gi.cells.filter((_, i) => gi.classes[i].startsWith('hot'));
      if (hot.length > 0) rows.push({ label: t('quality.giHot'), r: paiForCells(hot, { cells: gi.cells, counts: gi.counts }, hex.total, countyM2) });
    }
    if (inHotspots) {
      const idx = data.hotspots.features.map((_, i) => i).filter((i) => ACTIVE.has(hotspotStatus(data.hotspots.features[i].properties, datasetNow(data.manifest), data.manifest.timeZone)));
      rows.push({
        label: t('quality.listed'),
        r: paiForPolygons(idx.map((i) => data.hotspots.features[i].geometry), idx.map((i) => inHotspots[i]), hex.total, countyM2),
      });
    }
    return { curve, rows };
  }, [hex, gi, inHotspots, countyM2, data, lang, t]);

  if (!figures) return <p className="muted">{t('app.loading')}</p>;
  const pct = (x: number, d = 1) => (Number.isFinite(x) ? `${formatNumber(lang, x * 100, d)}%` : '—');
  return (
    <>
      <p className="headline" data-testid="concentration">
        {fill(t('quality.concentration'), { p: formatNumber(lang, figures.curve.shareHoldingHalf * 100, 1) })}
      </p>
      <ConcentrationChart curve={figures.curve} />
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
