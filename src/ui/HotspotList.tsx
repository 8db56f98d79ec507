// UI: the hotspots of one display status (e.g. every overdue one) as a list: name, state,
// deadline, days overdue and the two responsible people. A row flies to the area and opens its
// details; the list stays open so a briefing can go through them one by one.
import { useEffect } from 'react';
import { bbox } from '@turf/turf';
import type { BBox, HotspotFeature, MapData } from '../model';
import { fill, formatNumber, useLang, useT } from '../i18n';
import { daysPastDeadline, hotspotStatus } from '../analysis/hotspots/hotspot-status';
import { HOTSPOT_STATUS_COLORS } from '../map/colors';
import { datasetNow } from '../state/clock';
import { useHotspotList } from '../state/hotspot-list';
import { useMapCamera } from '../state/map-camera';
import { useSelection } from '../state/selection';
import { useRegisterHotspots } from '../state/register';

export function HotspotList({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const status = useHotspotList((s) => s.status);
  const close = useHotspotList((s) => s.close);
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const selectedId = useSelection((s) => (s.selected?.kind === 'hotspot' ? s.selected.id : null));
  useEffect(() => {
    if (!status) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [status, close]);
  if (!status) return null;
  const now = datasetNow(data.manifest);
  const tz = data.manifest.timeZone;
  const rows = hotspots.features
    .filter((h) => hotspotStatus(h.properties, now, tz) === status)
    .map((h) => ({ h, days: daysPastDeadline(h.properties.deadline, now, tz) }))
    // Most overdue first, then the nearest deadline: what the briefing must raise comes first.
    .sort((a, b) => b.days - a.days || (a.h.properties.deadline ?? '9').localeCompare(b.h.properties.deadline ?? '9'));
  const show = (h: HotspotFeature) => {
    useMapCamera.getState().flyTo({ bounds: bbox(h.geometry) as BBox });
    useSelection.getState().select({ kind: 'hotspot', id: h.properties.id });
  };
  const label = t(`hotspot.status.${status}`);
  return (
    <section className="hotspot-list" data-testid="hotspot-list" aria-label={label}>
      <header>
        <span className="swatch" style={{ background: HOTSPOT_STATUS_COLORS[status] }} />
        <h3>{fill(t('hotspotList.title'), { status: label, n: formatNumber(lang, rows.length) })}</h3>
        <button className="close" data-testid="hotspot-list-close" aria-label={t('hotspotList.close')} onClick={close}>
          ×
        </button>
      </header>
      {rows.length === 0 && <p className="muted">{t('hotspotList.empty')}</p>}
      <ol>
        {rows.map(({ h, days }) => {
          const p = h.properties;
          return (
            <li key={p.id}>
              <button data-testid="hotspot-list-row" className={p.id === selectedId ? 'selected' : undefined} onClick={() => show(h)}>
                <b>{lang === 'en' ? p.nameEn : p.name}</b>
                <span className="state">{t(`hotspot.status.${p.state}`)}</span>
                <span>
                  {p.deadline ? fill(t('hotspotList.deadline'), { date: p.deadline }) : t('hotspotList.noDeadline')}
                  {days > 0 && <b className="overdue-days"> · {fill(t('hotspotList.daysOverdue'), { n: formatNumber(lang, days) })}</b>}
                </span>
                <small>{fill(t('hotspotList.responsible'), { first: p.firstResponsible, direct: p.directResponsible })}</small>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
