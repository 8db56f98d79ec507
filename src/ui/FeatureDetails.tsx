// UI: the field lists of the detail panel, one component per feature kind.
import { useShallow } from 'zustand/react/shallow';
import type { CameraFeature, GridFeature, HotspotFeature, MapData } from '../model';
import { formatNumber, useLang, useT, type MessageKey } from '../i18n';
import { hotspotStatus, wasRelistedWithinYear } from '../analysis/hotspots/hotspot-status';
import { datasetNow } from '../state/clock';
import { HOTSPOT_STATUS_COLORS } from '../map/colors';
import { useFilters } from '../state/filters';
import { RegisterActions } from './register/RegisterActions';
import { EvidenceBlock } from './register/EvidenceBlock';
import { latestSatisfaction } from '../analysis/hotspots/register-rules';
import { CoverageFields } from './CoveragePanel';
import { GridChangeFields } from './GridChangeFields';
import { useRegisterHotspots } from '../state/register';
import { useIncidentResults } from '../state/incident-results';
import { CameraWhatIf } from './CameraWhatIf';

function useNames(data: MapData) {
  const lang = useLang((s) => s.lang);
  return (id: string) => {
    const f = data.admin.features.find((a) => a.properties.id === id);
    return f ? (lang === 'en' ? f.properties.nameEn : f.properties.name) : id;
  };
}

function Field({ label, children }: { label: MessageKey; children: React.ReactNode }) {
  const t = useT();
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function GridDetails({ data, grid, incidents }: { data: MapData; grid: GridFeature; incidents: number | null }) {
  const lang = useLang((s) => s.lang);
  const name = useNames(data);
  const g = grid.properties;
  const n = (x: number) => formatNumber(lang, x);
  return (
    <>
      <h3>{lang === 'en' ? g.nameEn : g.name}</h3>
      <dl className="fields">
        <Field label="field.code">{g.code}</Field>
        <Field label="field.town">{name(g.townId)}</Field>
        <Field label="field.village">{name(g.villageId)}</Field>
        <Field label="field.households">{n(g.households)}</Field>
        <Field label="field.population">{n(g.population)}</Field>
        <Field label="field.officer">{g.officer}</Field>
        <Field label="field.phone">{g.officerPhone}</Field>
        <Field label="field.incidents">{incidents === null ? '…' : n(incidents)}</Field>
      </dl>
      <GridChangeFields index={data.grids.features.indexOf(grid)} timeZone={data.manifest.timeZone} />
      <CoverageFields set="grids" index={data.grids.features.indexOf(grid)} />
      <OnlyThisGrid id={g.id} />
    </>
  );
}

function OnlyThisGrid({ id }: { id: string }) {
  const t = useT();
  const { gridId, setGrid } = useFilters(useShallow((s) => ({ gridId: s.gridId, setGrid: s.setGrid })));
  return (
    <button className="action" data-testid="filter-this-grid" onClick={() => setGrid(gridId === id ? null : id)}>
      {gridId === id ? t('filters.clear') : t('filters.onlyThisGrid')}
    </button>
  );
}

export function CameraDetails({ data, camera }: { data: MapData; camera: CameraFeature }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const name = useNames(data);
  const c = camera.properties;
  return (
    <>
      <h3>{c.name}</h3>
      <dl className="fields">
        <Field label="field.kind">{t(`camera.kind.${c.kind}`)}</Field>
        <Field label="field.status">{t(`camera.status.${c.status}`)}</Field>
        <Field label="field.town">{name(c.townId)}</Field>
        <Field label="field.heading">{`${formatNumber(lang, c.heading)}${t('unit.degrees')}`}</Field>
        <Field label="field.fov">{`${formatNumber(lang, c.fov)}${t('unit.degrees')}`}</Field>
        <Field label="field.range">{`${formatNumber(lang, c.range)} ${t('unit.metres')}`}</Field>
        <Field label="field.installed">{c.installedYear > 0 ? String(c.installedYear) : '—'}</Field>
      </dl>
      <CameraWhatIf camera={camera} />
    </>
  );
}

export function HotspotDetails({ data, hotspot }: { data: MapData; hotspot: HotspotFeature }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const name = useNames(data);
  const h = hotspot.properties;
  const status = hotspotStatus(h, datasetNow(data.manifest), data.manifest.timeZone);
  // Counted by the worker over the register's areas (register-polygons.ts), in the register's order.
  const registerIndex = (useRegisterHotspots() ?? data.hotspots).features.findIndex((f) => f.properties.id === h.id);
  const incidents = useIncidentResults((s) => (registerIndex >= 0 ? (s.hotspotIncidents?.[registerIndex] ?? null) : null));
  return (
    <>
      <h3>{lang === 'en' ? h.nameEn : h.name}</h3>
      <p className="status" style={{ borderColor: HOTSPOT_STATUS_COLORS[status] }}>
        {t(`hotspot.status.${status}`)}
      </p>
      {wasRelistedWithinYear(h.history) && <p className="warn">{t('field.relisted')}</p>}
      <dl className="fields">
        <Field label="field.kind">{t(`hotspot.kind.${h.kind}`)}</Field>
        <Field label="field.town">{name(h.townId)}</Field>
        <Field label="field.deadline">{h.deadline ?? '—'}</Field>
        <Field label="field.firstResponsible">{h.firstResponsible}</Field>
        <Field label="field.directResponsible">{h.directResponsible}</Field>
        <Field label="field.measures">{h.measures.join('；') || '—'}</Field>
        <Field label="field.satisfaction">{satisfactionText(latestSatisfaction(h.history), lang)}</Field>
        <Field label="field.incidents">
          <span data-testid="hotspot-incidents">{incidents === null ? '…' : formatNumber(lang, incidents)}</span>
        </Field>
      </dl>
      {/* By id in the register's order (the dataset's first): an edited hotspot is a new object. */}
      <CoverageFields set="hotspots" index={registerIndex} />
      <h4>{t('field.history')}</h4>
      <ol className="history">
        {h.history.map((e, i) => (
          <li key={i}>
            <time>{e.date}</time> <b>{t(`hotspot.status.${e.state}`)}</b>
            {e.action === 'extend' && ` · ${t('register.history.extend')}`}
            {e.deadline && ` · ${t('field.deadline')} ${e.deadline}`} {e.note}
            {e.satisfaction !== undefined && ` · ${t('field.satisfaction')} ${formatNumber(lang, e.satisfaction * 100, 0)}%`}
          </li>
        ))}
      </ol>
      <RegisterActions data={data} hotspot={hotspot} />
      <EvidenceBlock data={data} hotspot={hotspot} />
    </>
  );
}

/** The latest acceptance meeting's satisfaction as a percentage, or a dash before any. */
function satisfactionText(rate: number | null, lang: 'zh-CN' | 'en'): string {
  return rate === null ? '—' : `${formatNumber(lang, rate * 100, 0)}%`;
}
