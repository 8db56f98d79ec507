// UI: the one-line tooltip text for whatever the pointer is over. Plain text only.
import type { CameraFeature, GridFeature, HotspotFeature, MapData } from '../model';
import type { MapView } from '../map/map-view';
import type { HoverTarget } from '../map/map-controller';
import { formatNumber, translate } from '../i18n';
import { hotspotStatus } from '../analysis/hotspots/hotspot-status';
import { cellPlaceLabel } from './place-label';

export function describeHover(target: HoverTarget, view: MapView, data: MapData): string | null {
  const t = (k: Parameters<typeof translate>[1]) => translate(view.lang, k);
  const n = (x: number) => formatNumber(view.lang, x);
  const en = view.lang === 'en';
  switch (target.layerId) {
    case 'grids': {
      const g = (target.object as GridFeature).properties;
      const incidents = view.gridIncidents ? ` · ${t('stats.incidents')} ${n(view.gridIncidents[target.index])}` : '';
      return `${en ? g.nameEn : g.name}${incidents} · ${t('field.households')} ${n(g.households)}`;
    }
    case 'cameras': {
      const c = (target.object as CameraFeature).properties;
      return `${c.name} · ${t(`camera.kind.${c.kind}`)} · ${t(`camera.status.${c.status}`)}`;
    }
    case 'hotspots': {
      const h = (target.object as HotspotFeature).properties;
      return `${en ? h.nameEn : h.name} · ${t(`hotspot.status.${hotspotStatus(h, view.now, data.manifest.timeZone)}`)}`;
    }
    case 'incidents-hex': {
      const hex = view.hexCounts;
      if (!hex || target.index < 0) return null;
      return `${cellPlaceLabel(data, hex.cells[target.index], view.lang)} · ${t('stats.incidents')} ${n(hex.counts[target.index])}`;
    }
    case 'gistar': {
      const gi = view.giStar;
      if (!gi || target.index < 0) return null;
      const i = target.index;
      return `${cellPlaceLabel(data, gi.cells[i], view.lang)} · ${t(`gistar.${gi.classes[i]}`)} · ${t('stats.incidents')} ${n(gi.counts[i])} · ${t('gistar.z')} ${formatNumber(view.lang, gi.z[i], 2)}`;
    }
    case 'emerging': {
      const em = view.emerging;
      if (!em || target.index < 0) return null;
      const i = target.index;
      const periods = em.periods.length;
      return `${cellPlaceLabel(data, em.cells[i], view.lang)} · ${t(`emerging.${em.categories[i]}`)} · ${t('emerging.hotPeriods')} ${n(em.hotPeriods[i])}/${n(periods)}`;
    }
    default:
      return null;
  }
}
