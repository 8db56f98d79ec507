// UI: the export menu of the title bar — the aggregated hexagons of the current filter, the
// grids or the Gi* hot/cold-spot list, as CSV (UTF-8 BOM, opens in Excel), GeoJSON or XLSX, in
// WGS-84 or GCJ-02. The files are made here, from what the map shows; nothing leaves the page.
import { useState } from 'react';
import type { MapData } from '../../model';
import { useT } from '../../i18n';
import { useIncidentResults } from '../../state/incident-results';
import { cellFeatures, type ExportCrs, type ExportFeature } from '../../io/export/tables';
import { exportFeatures, type ExportFormat } from '../../io/export/writers';
import { download } from '../briefing/briefing-export';

type What = 'cells' | 'grids' | 'hotspots';

export function ExportMenu({ data }: { data: MapData }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [what, setWhat] = useState<What>('cells');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [crs, setCrs] = useState<ExportCrs>('WGS84');
  const hex = useIncidentResults((s) => s.hexCounts);
  const gi = useIncidentResults((s) => s.giStar);

  const features = (): ExportFeature[] => {
    if (what === 'grids') {
      return data.grids.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: { ...f.properties } }));
    }
    if (what === 'hotspots') {
      if (!gi) return [];
      const keep = gi.cells.map((_, i) => i).filter((i) => gi.classes[i] !== 'not-significant');
      return cellFeatures(keep.map((i) => gi.cells[i]), keep.map((i) => gi.counts[i]), {
        z: keep.map((i) => round(gi.z[i], 3)),
        p: keep.map((i) => gi.p[i]),
        q: keep.map((i) => gi.q[i]),
        class: keep.map((i) => gi.classes[i]),
      });
    }
    if (!hex) return [];
    const keep = hex.cells.map((_, i) => i).filter((i) => hex.counts[i] > 0);
    return cellFeatures(keep.map((i) => hex.cells[i]), keep.map((i) => hex.counts[i]));
  };

  const save = () => {
    const { bytes, mime, ext } = exportFeatures(features(), format, crs, t(`export.${what}`));
    download(new Blob([bytes as BlobPart], { type: mime }), `${t(`export.${what}`)}-${crs === 'GCJ02' ? 'GCJ02' : 'WGS84'}.${ext}`);
  };

  return (
    <span className="export-menu">
      <button className="lang" data-testid="export-menu" title={t('export.menu.title')} aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('export.menu')}
      </button>
      {open && (
        <div className="export-popover" data-testid="export-popover">
          <label>
            <select data-testid="export-what" value={what} onChange={(e) => setWhat(e.target.value as What)}>
              <option value="cells">{t('export.cells')}</option>
              <option value="grids">{t('export.grids')}</option>
              <option value="hotspots">{t('export.hotspots')}</option>
            </select>
          </label>
          <label>
            {t('export.format')}{' '}
            <select data-testid="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              <option value="csv">CSV</option>
              <option value="geojson">GeoJSON</option>
              <option value="xlsx">Excel (XLSX)</option>
            </select>
          </label>
          <label>
            {t('export.crs')}{' '}
            <select data-testid="export-crs" value={crs} onChange={(e) => setCrs(e.target.value as ExportCrs)}>
              <option value="WGS84">{t('import.crs.WGS84')}</option>
              <option value="GCJ02">{t('import.crs.GCJ02')}</option>
            </select>
          </label>
          <button data-testid="export-save" onClick={save}>
            {t('export.save')}
          </button>
        </div>
      )}
    </span>
  );
}

function round(v: number, d: number): number {
  const k = 10 ** d;
  return Math.round(v * k) / k;
}
