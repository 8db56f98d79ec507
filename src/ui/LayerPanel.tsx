// UI: the layer panel — one row per overlay with its toggle, its options and its legend.
import { useShallow } from 'zustand/react/shallow';
import type { ReactNode } from 'react';
import { HEAT_BANDWIDTHS_M, useLayers } from '../state/layers';
import type { GridMeasure, IncidentMeasure, OverlayId, MapData } from '../model';
import { OVERLAYS } from '../model';
import { useT, type MessageKey } from '../i18n';
import { CameraLegend, GridLegendView, HotspotLegend, IncidentLegendView } from './Legends';
import { GiStarPanel } from './GiStarPanel';
import { Segmented } from './Segmented';
import { CoverageLegend, RepairedSwitch } from './CoveragePanel';

const GRID_MEASURES: GridMeasure[] = ['none', 'incidents', 'incidentRate', 'households', 'population'];
const INCIDENT_MEASURES: IncidentMeasure[] = ['count', 'vsPrevious', 'vsLastYear'];

export function LayerPanel({ data }: { data: MapData }) {
  const t = useT();
  const { visible, toggle, gridMeasure, setGridMeasure, incidentMode, setIncidentMode, incidentMeasure, setIncidentMeasure } = useLayers(useShallow((s) => ({ visible: s.visible, toggle: s.toggle, gridMeasure: s.gridMeasure, setGridMeasure: s.setGridMeasure, incidentMode: s.incidentMode, setIncidentMode: s.setIncidentMode, incidentMeasure: s.incidentMeasure, setIncidentMeasure: s.setIncidentMeasure })));
  const heatBandwidthM = useLayers((s) => s.heatBandwidthM);
  const setHeatBandwidth = useLayers((s) => s.setHeatBandwidth);
  const options: Record<OverlayId, ReactNode> = {
    grids: (
      <label className="option">
        {t('grids.measure')}
        <select data-testid="grid-measure" value={gridMeasure} onChange={(e) => setGridMeasure(e.target.value as GridMeasure)}>
          {GRID_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`grids.measure.${m}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
    ),
    incidents: (
      <>
        <Segmented
          className="option"
          ariaLabel={t('incidents.mode')}
          options={['hex', 'heat'] as const}
          value={incidentMode}
          onChange={setIncidentMode}
          label={(m) => t(`incidents.mode.${m}`)}
          testIdPrefix="incident-mode-"
        />
        {incidentMode === 'hex' && (
          <Segmented
            className="option"
            ariaLabel={t('incidents.measure')}
            options={INCIDENT_MEASURES}
            value={incidentMeasure}
            onChange={setIncidentMeasure}
            label={(m) => t(`incidents.measure.${m}`)}
            testIdPrefix="incident-measure-"
          />
        )}
        {incidentMode === 'heat' && (
          <Segmented
            className="option"
            ariaLabel={t('incidents.bandwidth')}
            options={HEAT_BANDWIDTHS_M}
            value={heatBandwidthM}
            onChange={setHeatBandwidth}
            label={(m) => `${m} ${t('unit.metres')}`}
            testIdPrefix="heat-bandwidth-"
          />
        )}
      </>
    ),
    gistar: null,
    cameras: null,
    hotspots: null,
    coverage: <RepairedSwitch />,
  };
  const legends: Record<OverlayId, ReactNode> = {
    grids: <GridLegendView data={data} />,
    cameras: <CameraLegend />,
    incidents: <IncidentLegendView />,
    hotspots: <HotspotLegend data={data} />,
    gistar: <GiStarPanel timeZone={data.manifest.timeZone} />,
    coverage: <CoverageLegend />,
  };
  return (
    <section className="panel layers">
      <h2>{t('layers.title')}</h2>
      {OVERLAYS.map((id) => (
        <div key={id} className={`layer-row ${visible[id] ? 'on' : 'off'}`}>
          <label className="toggle">
            <input type="checkbox" data-testid={`layer-toggle-${id}`} checked={visible[id]} onChange={() => toggle(id)} />
            <span>{t(`layers.${id}`)}</span>
          </label>
          {visible[id] && options[id]}
          {visible[id] && (
            <div className="legend" data-testid={`legend-${id}`}>
              {legends[id]}
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
