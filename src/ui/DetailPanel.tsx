// UI: details of the selected grid, camera, hotspot or hexagon. Every value is rendered as text.
import { useEffect, type ReactNode } from 'react';
import type { MapData } from '../model';
import { useSelection } from '../state/selection';
import { useAreaDrawing } from '../state/area-drawing';
import { useIncidentResults } from '../state/incident-results';
import { useT } from '../i18n';
import { GridDetails, CameraDetails, HotspotDetails } from './FeatureDetails';
import { CellDetails } from './CellDetails';
import { useRegisterHotspots } from '../state/register';

export function DetailPanel({ data }: { data: MapData }) {
  const t = useT();
  const selected = useSelection((s) => s.selected);
  const select = useSelection((s) => s.select);
  const gridIncidents = useIncidentResults((s) => s.gridIncidents);
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  useEffect(() => {
    if (!selected) return;
    // Capture phase: this runs before the map's own Escape handler ends a drawing, so an Escape
    // that cancels a drawing does not also close the details. Escape in a field is the field's.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || useAreaDrawing.getState().drawing) return;
      const el = e.target as HTMLInputElement | null;
      const typing = el?.tagName === 'TEXTAREA' || (el?.tagName === 'INPUT' && el.type !== 'checkbox' && el.type !== 'radio');
      if (typing) return;
      useSelection.getState().select(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [selected]);
  if (!selected) return null;
  let title = '';
  let body: ReactNode = null;
  if (selected.kind === 'grid') {
    const i = data.grids.features.findIndex((f) => f.properties.id === selected.id);
    if (i < 0) return null;
    title = t('detail.grid');
    body = <GridDetails data={data} grid={data.grids.features[i]} incidents={gridIncidents?.[i] ?? null} />;
  } else if (selected.kind === 'camera') {
    const c = data.cameras.features.find((f) => f.properties.id === selected.id);
    if (!c) return null;
    title = t('detail.camera');
    body = <CameraDetails data={data} camera={c} />;
  } else if (selected.kind === 'hotspot') {
    const h = hotspots.features.find((f) => f.properties.id === selected.id);
    if (!h) return null;
    title = t('detail.hotspot');
    body = <HotspotDetails data={data} hotspot={h} />;
  } else {
    title = t('detail.incidents');
    body = <CellDetails data={data} h3={selected.h3} />;
  }
  return (
    <aside className="detail" data-testid="detail-panel">
      <header>
        <h2>{title}</h2>
        <button className="close" aria-label={t('detail.close')} data-testid="detail-close" onClick={() => select(null)}>
          ×
        </button>
      </header>
      {body}
    </aside>
  );
}
