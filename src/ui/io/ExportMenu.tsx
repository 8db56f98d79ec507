// UI: the export menu of the title bar — every dataset and result: the aggregated hexagons of the
// current filter, the grids, the cameras, the hotspot register, the blind spots of the coverage
// overlay, the Gi* hot/cold-spot list and each saved camera plan, as CSV (UTF-8 BOM, opens in
// Excel, formula-looking text defused), GeoJSON or XLSX, in WGS-84 or GCJ-02. The files are
// made here, from what the app holds; nothing leaves the page. A result not computed yet (Gi*
// with its layer off, blind spots without the coverage overlay) is offered disabled, with why.
import { useState } from 'react';
import type { MapData } from '../../model';
import { fill, useT, type MessageKey } from '../../i18n';
import { useIncidentResults } from '../../state/incident-results';
import { useCoverage } from '../../state/coverage';
import { useRegisterHotspots } from '../../state/register';
import { loadPlans, useSiting } from '../../state/siting';
import { datasetNow } from '../../state/clock';
import type { ExportCrs, ExportFeature } from '../../io/export/tables';
import { exportFeatures, type ExportFormat } from '../../io/export/writers';
import { blindSpotFeatures, cameraFeatures, countCellFeatures, giStarFeatures, gridFeatures, registerFeatures } from '../../io/export/datasets';
import { exportPlan, planFileName } from '../../io/plan-export';
import { download } from '../briefing/briefing-export';

type Kind = 'cells' | 'grids' | 'cameras' | 'register' | 'blindSpots' | 'hotspots';
const KINDS: Kind[] = ['cells', 'grids', 'cameras', 'register', 'blindSpots', 'hotspots'];
/** A dataset or a saved plan (`plan:<id>`). */
type What = Kind | `plan:${string}`;

export function ExportMenu({ data }: { data: MapData }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [what, setWhat] = useState<What>('cells');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [crs, setCrs] = useState<ExportCrs>('WGS84');
  const hex = useIncidentResults((s) => s.hexCounts);
  const gi = useIncidentResults((s) => s.giStar);
  const blind = useCoverage((s) => s.blindSpots);
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const plans = useSiting((s) => s.plans);

  /** Why a dataset cannot be exported now, or null. */
  const unavailable = (k: Kind): MessageKey | null => (k === 'cells' && !hex ? 'export.unavailable.cells' : k === 'hotspots' && !gi ? 'export.unavailable.gistar' : k === 'blindSpots' && !blind ? 'export.unavailable.blindSpots' : null);

  const features = (k: Kind): ExportFeature[] => {
    if (k === 'grids') return gridFeatures(data.grids);
    if (k === 'cameras') return cameraFeatures(data.cameras);
    if (k === 'register') return registerFeatures(hotspots, datasetNow(data.manifest), data.manifest.timeZone);
    if (k === 'blindSpots') return blind ? blindSpotFeatures(blind.areas, blind.resolution) : [];
    if (k === 'hotspots') return gi ? giStarFeatures(gi) : [];
    return hex ? countCellFeatures(hex) : [];
  };

  const save = () => {
    const datum = crs === 'GCJ02' ? 'GCJ02' : 'WGS84';
    if (what.startsWith('plan:')) {
      const plan = plans.find((p) => `plan:${p.id}` === what);
      if (!plan) return;
      const { bytes, mime } = exportPlan(plan, format, crs);
      return download(new Blob([bytes as BlobPart], { type: mime }), planFileName(plan, datum, format));
    }
    const k = what as Kind;
    const { bytes, mime, ext } = exportFeatures(features(k), format, crs, t(`export.${k}`));
    download(new Blob([bytes as BlobPart], { type: mime }), `${t(`export.${k}`)}-${datum}.${ext}`);
  };

  const reason = what.startsWith('plan:') ? null : unavailable(what as Kind);
  return (
    <span className="export-menu">
      <button
        className="lang"
        data-testid="export-menu"
        title={t('export.menu.title')}
        aria-expanded={open}
        onClick={() => {
          if (!open) void loadPlans();
          setOpen(!open);
        }}
      >
        {t('export.menu')}
      </button>
      {open && (
        <div className="export-popover" data-testid="export-popover">
          <label>
            <select data-testid="export-what" value={what} onChange={(e) => setWhat(e.target.value as What)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`export.${k}`)}
                  {unavailable(k) ? ` — ${t(unavailable(k)!)}` : ''}
                </option>
              ))}
              {plans.map((p) => (
                <option key={p.id} value={`plan:${p.id}`}>
                  {fill(t('export.plan'), { name: p.name })}
                </option>
              ))}
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
          {reason && <small data-testid="export-unavailable">{t(reason)}</small>}
          <button data-testid="export-save" onClick={save} disabled={reason !== null}>
            {t('export.save')}
          </button>
        </div>
      )}
    </span>
  );
}
