// UI: the hotspot register (重点地区台账) — every hotspot with its state, deadline and overdue
// flag; a row flies to the area and opens its details (actions and evidence live there). Also
// "suggest candidates" from Gi* hot cells (outlined on the map) and registering a drawn area.
import { useState } from 'react';
import { bbox, centroid } from '@turf/turf';
import { HOTSPOT_KINDS, type AreaGeometry, type BBox, type HotspotFeature, type HotspotKind, type MapData } from '../../model';
import { fill, formatNumber, useLang, useT } from '../../i18n';
import { daysPastDeadline, hotspotStatus, localIsoDate } from '../../analysis/hotspots/hotspot-status';
import { newHotspot } from '../../analysis/hotspots/register-rules';
import { HOTSPOT_STATUS_COLORS } from '../../map/colors';
import { datasetNow } from '../../state/clock';
import { saveRegisterHotspot, useRegister, useRegisterHotspots } from '../../state/register';
import { useRegisterCandidates } from '../../state/register-candidates';
import { useMapCamera } from '../../state/map-camera';
import { useSelection } from '../../state/selection';
import { useFilters } from '../../state/filters';
import { useLayers } from '../../state/layers';
import { useIncidentResults } from '../../state/incident-results';
import { toIncidentFilter } from '../../state/incident-filter';
import { analysisClient } from '../../worker/analysis-client';
import { placeAt } from '../place-label';

const OPEN = new Set(['listed', 'rectifying', 'accepting', 'overdue']);

function show(h: HotspotFeature) {
  useMapCamera.getState().flyTo({ bounds: bbox(h.geometry) as BBox });
  useSelection.getState().select({ kind: 'hotspot', id: h.properties.id });
}

export function RegisterPanel({ data }: { data: MapData }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section className="panel register">
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary data-testid="register-toggle">
          <h2>{t('register.title')}</h2>
        </summary>
        {open && <RegisterBody data={data} />}
      </details>
    </section>
  );
}

function RegisterBody({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const saveError = useRegister((s) => s.saveError);
  const selectedId = useSelection((s) => (s.selected?.kind === 'hotspot' ? s.selected.id : null));
  // What a new area (candidate or drawn) is registered as; kept while the panel is open.
  const [kind, setKind] = useState<HotspotKind>('market');
  const now = datasetNow(data.manifest);
  const tz = data.manifest.timeZone;
  const rows = hotspots.features.map((h) => ({ h, status: hotspotStatus(h.properties, now, tz), days: daysPastDeadline(h.properties.deadline, now, tz) }));
  const n = (x: number) => formatNumber(lang, x);
  const count = (pred: (s: string) => boolean) => rows.filter((r) => pred(r.status)).length;
  return (
    <div data-testid="hotspot-register">
      <p className="muted" title={t('register.definition')}>
        {fill(t('register.count'), {
          n: n(rows.length),
          active: n(count((s) => OPEN.has(s))),
          overdue: n(count((s) => s === 'overdue')),
          delisted: n(count((s) => s === 'delisted')),
        })}
      </p>
      <p className="muted small">{t('register.definition')}</p>
      {saveError && <p className="warn">{fill(t('register.saveFailed'), { error: saveError })}</p>}
      <ol className="register-list">
        {rows.map(({ h, status, days }) => {
          const p = h.properties;
          return (
            <li key={p.id}>
              <button
                data-testid="register-row"
                data-id={p.id}
                data-status={status}
                className={p.id === selectedId ? 'selected' : undefined}
                onClick={() => show(h)}
              >
                <span className="swatch" style={{ background: HOTSPOT_STATUS_COLORS[status] }} />
                <b>{lang === 'en' ? p.nameEn : p.name}</b> <span className="state">{t(`hotspot.status.${p.state}`)}</span>{' '}
                <span>{p.deadline ? fill(t('register.deadline'), { date: p.deadline }) : t('register.noDeadline')}</span>
                {status === 'overdue' && <b className="overdue-days"> · {fill(t('register.overdue'), { n: n(days) })}</b>}
              </button>
            </li>
          );
        })}
      </ol>
      <label className="register-kind">
        {t('register.kind')}{' '}
        <select data-testid="register-kind" value={kind} onChange={(e) => setKind(e.target.value as HotspotKind)}>
          {HOTSPOT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`hotspot.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <Candidates data={data} kind={kind} />
      <DrawnArea data={data} kind={kind} count={hotspots.features.length} />
    </div>
  );
}

/** A register id no dataset hotspot uses: R- and the write time. */
const newId = () => `R-${Date.now().toString(36)}`;

async function register(data: MapData, geometry: AreaGeometry, name: string, kind: HotspotKind) {
  const [lng, lat] = centroid(geometry).geometry.coordinates;
  const town = placeAt(data, lng, lat).town;
  const f = newHotspot({ id: newId(), name, kind, townId: town?.id ?? '', geometry, date: localIsoDate(datasetNow(data.manifest), data.manifest.timeZone) });
  await saveRegisterHotspot(f);
  show(f);
}

function Candidates({ data, kind }: { data: MapData; kind: HotspotKind }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const candidates = useRegisterCandidates((s) => s.candidates);
  const busy = useRegisterCandidates((s) => s.busy);
  const suggest = async () => {
    const store = useRegisterCandidates.getState();
    store.setBusy(true);
    try {
      const towns = data.admin.features.filter((f) => f.properties.level === 'town');
      const filter = toIncidentFilter(useFilters.getState(), { manifest: data.manifest, towns, grids: data.grids });
      const res = useLayers.getState().gistarResolution ?? useIncidentResults.getState().defaultAnalysisResolution;
      store.set(await analysisClient().hotspotCandidates(filter, res, useLayers.getState().gistarK));
    } finally {
      store.setBusy(false);
    }
  };
  const place = (c: { centroid: [number, number] }) => {
    const p = placeAt(data, c.centroid[0], c.centroid[1]);
    const name = (x: { name: string; nameEn: string } | null) => (x ? (lang === 'en' ? x.nameEn : x.name) : null);
    return name(p.village) ?? name(p.town) ?? t('place.none');
  };
  return (
    <div className="register-candidates">
      <button className="action" data-testid="register-suggest" title={t('register.suggest.title')} disabled={busy} onClick={() => void suggest()}>
        {t('register.suggest')}
      </button>
      <p className="muted small">{t('register.suggest.title')}</p>
      {candidates?.length === 0 && <p className="muted">{t('register.suggest.none')}</p>}
      {candidates && candidates.length > 0 && (
        <ol data-testid="register-candidates">
          {candidates.map((c) => (
            <li key={c.rank}>
              <button
                className="link"
                onClick={() => useMapCamera.getState().flyTo({ bounds: bbox(c.geometry) as BBox })}
              >
                {fill(t('register.candidate'), { rank: c.rank, place: place(c), n: formatNumber(lang, c.count), z: formatNumber(lang, c.maxZ, 1) })}
              </button>{' '}
              <button
                className="action small"
                data-testid="register-candidate-add"
                onClick={() => void register(data, c.geometry, fill(t('register.candidate.name'), { rank: c.rank, place: place(c) }), kind)}
              >
                {t('register.candidate.add')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function DrawnArea({ data, kind, count }: { data: MapData; kind: HotspotKind; count: number }) {
  const t = useT();
  const drawnArea = useFilters((s) => s.drawnArea);
  if (!drawnArea) return null;
  return (
    <button className="action" data-testid="register-drawn-add" onClick={() => void register(data, drawnArea, fill(t('register.drawn.name'), { n: count + 1 }), kind)}>
      {t('register.drawn.add')}
    </button>
  );
}
