// UI: the camera-siting planner, shown with the coverage overlay — count k or a budget with costs,
// minimum spacing, the kind of new camera (its view from CAMERA_DEFAULTS), the weight of incidents
// in active listed hotspots and whether repairs are offered. Runs in the worker; each plan is
// saved at once (state/siting), listed, reopened, renamed, compared and exported.
import { useEffect, useMemo, useState } from 'react';
import { CAMERA_DEFAULTS, CAMERA_KINDS, type CameraKind, type CameraPlan, type MapData, type PlanSettings } from '../model';
import { fill, formatNumber, useLang, useT } from '../i18n';
import { useFilters } from '../state/filters';
import { toIncidentFilter } from '../state/incident-filter';
import { comparePlans, deletePlan, loadPlans, openPlan, openSavedPlan, renamePlan, reuseUserPoints, runPlan, useSiting } from '../state/siting';
import { useLayers } from '../state/layers';
import { useMapCamera } from '../state/map-camera';
import { useRegisterHotspots } from '../state/register';
import { hotspotStatus } from '../analysis/hotspots/hotspot-status';
import { datasetNow } from '../state/clock';
import { planCsv, planFileName, planGeoJson, type PlanCrs } from '../io/plan-export';
import { ACTIVE } from './QualityPanel';
import { PlanCurve } from './PlanCurve';
import { Segmented } from './Segmented';
import { pct } from './CoveragePanel';
import { placeNameText } from './place-name';
import { SitingCandidates } from './SitingCandidates';

export function SitingPlanner({ data }: { data: MapData }) {
  const on = useLayers((s) => s.visible.coverage);
  useEffect(() => {
    if (on) void loadPlans();
  }, [on]);
  if (!on) return null;
  return <PlannerBody data={data} />;
}

function PlannerBody({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [by, setBy] = useState<'count' | 'budget'>('count');
  const [k, setK] = useState(50);
  const [budget, setBudget] = useState(100);
  const [kind, setKind] = useState<CameraKind>('street-dome');
  const [newCost, setNewCost] = useState(1);
  const [repairs, setRepairs] = useState(false);
  const [repairCost, setRepairCost] = useState(0.3);
  const [spacing, setSpacing] = useState(50);
  const [hotspotWeight, setHotspotWeight] = useState(2);
  const { plans, running, error } = useSiting();
  const plan = useSiting(openPlan);
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const towns = useMemo(() => data.admin.features.filter((f) => f.properties.level === 'town'), [data]);
  const view = CAMERA_DEFAULTS[kind];

  const run = () => {
    const f = useFilters.getState();
    const settings: PlanSettings = {
      k: by === 'count' ? Math.max(1, Math.min(500, Math.round(k))) : null,
      budget: by === 'budget' ? budget : null,
      kind,
      fov: view.fov,
      range: view.range,
      newCost,
      repairCost: repairs ? repairCost : null,
      minSpacingM: spacing,
      hotspotWeight,
      userPoints: useSiting.getState().userPoints,
    };
    const now = datasetNow(data.manifest);
    const mask = Uint8Array.from(hotspots.features, (h) => (ACTIVE.has(hotspotStatus(h.properties, now, data.manifest.timeZone)) ? 1 : 0));
    const what = settings.k !== null ? fill(t('siting.planName.k'), { k: settings.k }) : fill(t('siting.planName.budget'), { b: formatNumber(lang, budget) });
    const name = fill(t('siting.planName'), { n: plans.length + 1, what, kind: t(`camera.kind.${kind}`) });
    const town = towns.find((x) => x.properties.id === f.townId)?.properties;
    const label = [f.timeRange ? `${new Date(f.timeRange[0]).toISOString().slice(0, 10)}–${new Date(f.timeRange[1] - 1).toISOString().slice(0, 10)}` : '', town ? (lang === 'en' ? town.nameEn : town.name) : '', f.hiddenKinds.length > 0 ? `−${f.hiddenKinds.length}` : '']
      .filter(Boolean)
      .join(' · ');
    // The new plan's sites fill the view as soon as they exist (they may lie anywhere in the county).
    void runPlan(settings, toIncidentFilter(f, { manifest: data.manifest, towns, grids: data.grids }), mask, name, label).then((p) => p && fitPlan(p));
  };
  const num = (v: string, set: (x: number) => void) => {
    const x = Number(v);
    if (Number.isFinite(x) && x >= 0) set(x);
  };

  return (
    <section className="panel siting" data-testid="siting-planner">
      <h2>{t('siting.title')}</h2>
      <Segmented<'count' | 'budget'> className="option" ariaLabel={t('siting.by')} options={['count', 'budget'] as const} value={by} onChange={setBy} label={(m) => t(`siting.by.${m}`)} testIdPrefix="siting-by-" />
      {by === 'count' ? (
        <label className="option">
          {t('siting.k')} <input type="number" min={1} max={500} data-testid="siting-k" value={k} onChange={(e) => num(e.target.value, setK)} />
        </label>
      ) : (
        <label className="option">
          {t('siting.budget')} <input type="number" min={0} step="any" data-testid="siting-budget" value={budget} onChange={(e) => num(e.target.value, setBudget)} />
        </label>
      )}
      <label className="option">
        {t('siting.cost')} <input type="number" min={0.01} step="any" data-testid="siting-cost" value={newCost} onChange={(e) => num(e.target.value, setNewCost)} />
      </label>
      <label className="option">
        {t('siting.kind')}{' '}
        <select data-testid="siting-kind" value={kind} onChange={(e) => setKind(e.target.value as CameraKind)}>
          {CAMERA_KINDS.map((c) => (
            <option key={c} value={c}>
              {t(`camera.kind.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{fill(t('siting.view'), { fov: view.fov, range: view.range })}</p>
      <label className="option">
        {t('siting.spacing')} <input type="number" min={0} data-testid="siting-spacing" value={spacing} onChange={(e) => num(e.target.value, setSpacing)} />
      </label>
      <label className="option" title={t('siting.hotspotWeight.title')}>
        {t('siting.hotspotWeight')} <input type="number" min={0} step="0.5" data-testid="siting-hotspot-weight" value={hotspotWeight} onChange={(e) => num(e.target.value, setHotspotWeight)} />
      </label>
      <label className="option">
        <input type="checkbox" data-testid="siting-repairs" checked={repairs} onChange={(e) => setRepairs(e.target.checked)} /> {t('siting.repairs')}
      </label>
      {repairs && (
        <label className="option">
          {t('siting.repairCost')} <input type="number" min={0.01} step="any" value={repairCost} onChange={(e) => num(e.target.value, setRepairCost)} />
        </label>
      )}
      <SitingCandidates />
      <button className="action" data-testid="siting-run" disabled={running} onClick={run}>
        {running ? t('siting.running') : t('siting.run')}
      </button>
      <p className="muted">{t('siting.definition')}</p>
      {error && <p className="warn">{fill(t('siting.failed'), { message: error })}</p>}
      {plan && <OpenPlan plan={plan} />}
      <SavedPlans plans={plans} openId={plan?.id ?? null} />
    </section>
  );
}

function OpenPlan({ plan }: { plan: CameraPlan }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const flyTo = useMapCamera((s) => s.flyTo);
  const [crs, setCrs] = useState<PlanCrs>('WGS84');
  const added = plan.incidentsCurve[plan.incidentsCurve.length - 1] ?? 0;
  const download = (text: string, ext: 'geojson' | 'csv') => {
    const url = URL.createObjectURL(new Blob([text], { type: ext === 'csv' ? 'text/csv;charset=utf-8' : 'application/geo+json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = planFileName(plan, crs, ext);
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div data-testid="plan-open" data-plan-id={plan.id}>
      <h3>{plan.name}</h3>
      {plan.filterLabel && <p className="muted">{fill(t('siting.filter'), { label: plan.filterLabel })}</p>}
      {(plan.whatIfEdits ?? 0) > 0 && (
        <p className="warn" data-testid="plan-whatif">
          {fill(t('siting.plan.whatIf'), { n: plan.whatIfEdits! })}
        </p>
      )}
      <p data-testid="plan-before-after">
        {fill(t('siting.beforeAfter'), {
          before: pct(lang, plan.coveredBefore / plan.totalIncidents),
          after: pct(lang, (plan.coveredBefore + added) / plan.totalIncidents),
          added: formatNumber(lang, added),
        })}
      </p>
      <p className="muted" data-testid="plan-compute" data-candidates={plan.candidates ?? ''}>
        {fill(t('siting.computed'), { s: formatNumber(lang, plan.computeMs / 1000, 1), sites: plan.sites.length })}
        {plan.candidates !== undefined && ` ${fill(t('siting.candidates'), { n: formatNumber(lang, plan.candidates) })}`}
      </p>
      {(plan.settings.userPoints?.length ?? 0) > 0 && (
        <p className="muted" data-testid="plan-user-points" data-count={plan.settings.userPoints!.length}>
          {fill(t('siting.plan.userPoints'), { n: plan.settings.userPoints!.length })}{' '}
          <button className="link" data-testid="plan-reuse-candidates" onClick={() => reuseUserPoints(plan)}>
            {t('siting.plan.reuse')}
          </button>
        </p>
      )}
      <button className="action" data-testid="plan-fit" onClick={() => fitPlan(plan)}>
        {t('siting.fit')}
      </button>
      <p className="muted">{t('siting.curve')}</p>
      <PlanCurve curve={plan.incidentsCurve} />
      <div className="option">
        <Segmented<PlanCrs> ariaLabel={t('siting.crs')} options={['WGS84', 'GCJ02'] as const} value={crs} onChange={setCrs} label={(c) => (c === 'WGS84' ? 'WGS-84' : 'GCJ-02')} testIdPrefix="export-crs-" />
        <button className="action" data-testid="export-plan-geojson" onClick={() => download(planGeoJson(plan, crs), 'geojson')}>
          {t('siting.export.geojson')}
        </button>
        <button className="action" data-testid="export-plan-csv" onClick={() => download(planCsv(plan, crs), 'csv')}>
          {t('siting.export.csv')}
        </button>
      </div>
      <h4>{t('siting.sites')}</h4>
      <ol className="blind-spots" data-testid="plan-sites">
        {plan.sites.map((s) => (
          <li key={s.rank}>
            <button className="link" onClick={() => flyTo({ center: [s.lng, s.lat], zoom: 17 })}>
              {s.source === 'repair' ? `${t('siting.site.repair')} · ` : s.source === 'user' ? `${t('siting.site.user')} · ` : ''}
              {placeNameText(s.place, lang)} — {fill(t('siting.site.line'), { n: formatNumber(lang, s.incidents) })}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Fits the map to a plan's sites (padded by about 100 m, so one site is not shown at the maximum zoom). */
function fitPlan(plan: CameraPlan): void {
  if (plan.sites.length === 0) return;
  const lngs = plan.sites.map((s) => s.lng);
  const lats = plan.sites.map((s) => s.lat);
  const pad = 0.001;
  useMapCamera.getState().flyTo({ bounds: [Math.min(...lngs) - pad, Math.min(...lats) - pad, Math.max(...lngs) + pad, Math.max(...lats) + pad] });
}

function SavedPlans({ plans, openId }: { plans: CameraPlan[]; openId: string | null }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [picked, setPicked] = useState<string[]>([]);
  const chosen = picked.map((id) => plans.find((p) => p.id === id)).filter((p): p is CameraPlan => Boolean(p));
  const toggle = (id: string) => setPicked((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-2)));
  const n = (x: number) => formatNumber(lang, x, 2);
  return (
    <>
      <h3>{t('siting.plans')}</h3>
      {plans.length === 0 && <p className="muted">{t('siting.plans.none')}</p>}
      <ul className="plans" data-testid="plan-list">
        {plans.map((p) => (
          <li key={p.id} data-plan-id={p.id} className={p.id === openId ? 'on' : ''}>
            <input type="checkbox" aria-label={t('siting.plan.compare')} data-testid="plan-compare-pick" checked={picked.includes(p.id)} onChange={() => toggle(p.id)} />
            <input aria-label={t('siting.plan.rename')} defaultValue={p.name} onBlur={(e) => void renamePlan(p.id, e.target.value.trim() || p.name)} />
            <button className="link" data-testid="plan-open-button" onClick={() => openSavedPlan(p.id === openId ? null : p.id)}>
              {t('siting.plan.open')}
            </button>
            <button className="link" onClick={() => void deletePlan(p.id)}>
              {t('siting.plan.delete')}
            </button>
          </li>
        ))}
      </ul>
      {chosen.length === 2 && <Compare a={chosen[0]} b={chosen[1]} fmt={n} />}
    </>
  );
}

function Compare({ a, b, fmt }: { a: CameraPlan; b: CameraPlan; fmt: (x: number) => string }) {
  const t = useT();
  const c = comparePlans(a, b);
  return (
    <table className="pai" data-testid="plan-compare">
      <caption>{t('siting.compare.title')}</caption>
      <thead>
        <tr>
          <th />
          <th>{a.name}</th>
          <th>{b.name}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{t('siting.compare.k')}</td>
          <td>{c.a.k}</td>
          <td>{c.b.k}</td>
        </tr>
        <tr>
          <td>{t('siting.compare.covered')}</td>
          <td>{c.a.covered}</td>
          <td>{c.b.covered}</td>
        </tr>
        <tr>
          <td>{t('siting.compare.cost')}</td>
          <td>{fmt(c.a.cost)}</td>
          <td>{fmt(c.b.cost)}</td>
        </tr>
        <tr>
          <td>{t('siting.compare.common')}</td>
          <td colSpan={2} data-testid="plan-compare-common">
            {c.common}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
