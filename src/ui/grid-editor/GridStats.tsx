// UI: live figures of the grid being drawn or the selected grid — households, incidents, cameras,
// camera coverage and the blind spots inside — each with its definition.
import { fill, formatNumber, useLang, useT } from '../../i18n';
import { useGridEditor } from '../../state/grid-editor';
import { useGridEditorResults } from '../../state/grid-editor-results';
import { standardFlag } from '../../analysis/grids/grid-standard';

export function GridStats() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const stats = useGridEditorResults((s) => s.stats);
  const sketch = useGridEditorResults((s) => s.sketch);
  const standard = useGridEditor((s) => s.settings.standard);
  if (!stats) return null;
  const n = (x: number | null) => (x === null ? '…' : formatNumber(lang, x));
  const flag = standardFlag(stats.households, standard);
  const prorated = stats.from.length ? fill(t('ge.stats.source.prorated'), { from: stats.from.join('、') }) : t('ge.stats.source.prorated.none');
  // Buildings give households, and population too when each of them records it; else population is pro-rated.
  const source =
    stats.source === 'buildings'
      ? stats.populationSource === 'buildings'
        ? fill(t('ge.stats.source.buildings'), { n: stats.buildings })
        : fill(t('ge.stats.source.buildingsHouseholds'), { n: stats.buildings, from: stats.from.join('、') || '—' })
      : stats.source === 'prorated'
        ? prorated
        : t(stats.source === 'survey' ? 'ge.stats.source.survey' : 'ge.stats.source.entered');
  const pct = (x: number, digits = 1) => (Number.isFinite(x) ? `${formatNumber(lang, x * 100, digits)}%` : '—');
  const cov = stats.coverage;
  return (
    <div className="ge-stats" data-testid="grid-stats" data-ready={stats.incidents !== null}>
      <h3>{sketch ? t('ge.stats.drawing') : t('ge.stats')}</h3>
      <dl>
        <dt>{t('ge.stats.area')}</dt>
        <dd data-testid="grid-stats-area">{stats.areaM2 >= 1e5 ? `${formatNumber(lang, stats.areaM2 / 1e6, 3)} km²` : `${formatNumber(lang, stats.areaM2)} m²`}</dd>
        <dt>{t('ge.stats.households')}</dt>
        <dd data-testid="grid-stats-households">{n(stats.households)}</dd>
        <dt>{t('ge.stats.population')}</dt>
        <dd>{n(stats.population)}</dd>
      </dl>
      <p className="def" data-testid="grid-stats-source" data-source={stats.source} data-population-source={stats.populationSource}>
        {source}
      </p>
      <dl>
        <dt title={t('ge.stats.incidents.def')}>{t('ge.stats.incidents')}</dt>
        <dd data-testid="grid-stats-incidents">{n(stats.incidents)}</dd>
        <dt title={t('ge.stats.cameras.def')}>{t('ge.stats.cameras')}</dt>
        <dd data-testid="grid-stats-cameras">
          {n(stats.online)} / {stats.cameras === null || stats.online === null ? '…' : formatNumber(lang, stats.cameras - stats.online)}
        </dd>
        <dt title={t('ge.stats.coverage.def')}>{t('ge.stats.coverage.incidents')}</dt>
        <dd data-testid="grid-stats-coverage" data-covered={cov?.coveredIncidents} data-total={cov?.incidents}>
          {cov ? fill(t('ge.stats.coverage.incidentsValue'), { p: pct(cov.byIncidents), covered: formatNumber(lang, cov.coveredIncidents), total: formatNumber(lang, cov.incidents) }) : '…'}
        </dd>
        <dt title={t('ge.stats.coverage.def')}>{t('ge.stats.coverage.area')}</dt>
        <dd data-testid="grid-stats-coverage-area">{cov ? pct(cov.byArea, 2) : '…'}</dd>
        <dt title={t('ge.stats.coverage.def')}>{t('ge.stats.blind')}</dt>
        <dd data-testid="grid-stats-blind" data-cells={cov?.blindCells.length} data-incidents={cov?.blindIncidents}>
          {cov ? fill(t('ge.stats.blind.value'), { cells: formatNumber(lang, cov.blindCells.length), incidents: formatNumber(lang, cov.blindIncidents), areas: formatNumber(lang, cov.blindAreas) }) : '…'}
        </dd>
        <dt>{t('ge.stats.standard')}</dt>
        <dd data-testid="grid-stats-flag" data-flag={flag} className={`flag-${flag}`}>
          {t(`ge.flag.${flag}`)}
        </dd>
      </dl>
      <p className="def">
        {t('ge.stats.incidents.def')}；{t('ge.stats.cameras.def')}；{fill(t('ge.stats.standard.def'), { target: standard.target, min: standard.min, max: standard.max })}
      </p>
      <p className="def" data-testid="grid-stats-coverage-def">
        {t('ge.stats.coverage.def')}
      </p>
    </div>
  );
}
