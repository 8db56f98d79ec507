// UI: title bar — product name, dataset (marked synthetic and dated when it is), key figures, theme, language.
import type { ReactNode } from 'react';
import type { MapData } from '../model';
import { fill, formatNumber, useLang, useT } from '../i18n';
import { useIncidentResults } from '../state/incident-results';
import { hotspotStatus, localIsoDate } from '../analysis/hotspots/hotspot-status';
import { useLayers } from '../state/layers';
import { datasetNow } from '../state/clock';
import { isFiltered, useFilters } from '../state/filters';
import { SearchBox } from './search/SearchBox';
import { useHotspotList } from '../state/hotspot-list';
import { HotspotList } from './HotspotList';
import { CopyLink } from './CopyLink';
import { useRoute } from '../state/app-route';
import { ExportMenu } from './io/ExportMenu';
import { useRegisterHotspots } from '../state/register';
import { ImportButton } from './io/ImportButton';

/** `drawerToggle`: the button folding the side panels on small screens (App owns its state). */
export function Header({ data, drawerToggle }: { data: MapData | null; drawerToggle?: ReactNode }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const setLang = useLang((s) => s.setLang);
  const theme = useLayers((s) => s.theme);
  const setTheme = useLayers((s) => s.setTheme);
  const today = data ? localIsoDate(datasetNow(data.manifest), data.manifest.timeZone) : '';
  return (
    <header className="header">
      {drawerToggle}
      <h1 className="title">{t('app.title')}</h1>
      <span className="subtitle">{t('app.subtitle')}</span>
      {data && <span className="dataset">{lang === 'en' ? data.manifest.nameEn : data.manifest.name}</span>}
      {data?.manifest.synthetic && (
        // The demo is dated: every "today" (overdue, this month, last 30 days) is its asOf, and says so.
        <span
          className="badge synthetic"
          data-testid="synthetic-badge"
          title={fill(t('app.asOf.title'), { date: today })}
        >
          {t('app.synthetic')} · {fill(t('app.asOf'), { date: today })}
        </span>
      )}
      {data && <SearchBox data={data} />}
      {data && <KeyFigures data={data} />}
      {data && <HotspotList data={data} />}
      {data && <CopyLink />}
      {data && <ImportButton />}
      {data && <ExportMenu data={data} />}
      {data && (
        <button className="lang" data-testid="open-briefing" title={t('briefing.open.title')} onClick={() => useRoute.getState().open('briefing')}>
          {t('briefing.open')}
        </button>
      )}
      <button className="lang" data-testid="theme-switch" title={t('theme.title')} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}>
        {t(theme === 'dark' ? 'theme.light' : 'theme.dark')}
      </button>
      <button className="lang" data-testid="lang-switch" title={t('lang.title')} lang={lang === 'en' ? 'zh-CN' : 'en'} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
        {t('lang.switch')}
      </button>
    </header>
  );
}

function KeyFigures({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const total = useIncidentResults((s) => s.hexCounts?.total ?? null);
  const filtered = useFilters(isFiltered);
  const cams = data.cameras.features;
  const online = cams.filter((c) => c.properties.status === 'online').length;
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const overdue = hotspots.features.filter((h) => hotspotStatus(h.properties, datasetNow(data.manifest), data.manifest.timeZone) === 'overdue').length;
  const n = (x: number) => formatNumber(lang, x);
  const openList = useHotspotList((s) => s.open);
  return (
    <dl className="figures">
      <div>
        <dt>
          {t('stats.incidents')}
          {/* Beside the label, not in the figure: the figure stays one number. */}
          {filtered && <small data-testid="figure-incidents-of"> · {fill(t('stats.ofTotal'), { n: n(data.manifest.counts.incidents) })}</small>}
        </dt>
        <dd data-testid="figure-incidents">{total === null ? '…' : n(total)}</dd>
      </div>
      <div>
        <dt>{t('stats.cameras')}</dt>
        <dd>
          {n(cams.length)} <small>{t('stats.online')} {formatNumber(lang, (100 * online) / Math.max(1, cams.length), 1)}%</small>
        </dd>
      </div>
      <div>
        <dt>{t('stats.grids')}</dt>
        <dd>{n(data.grids.features.length)}</dd>
      </div>
      <div>
        <dt>{t('stats.hotspots')}</dt>
        <dd>
          {n(hotspots.features.length)}{' '}
          {overdue > 0 && (
            <button
              className="warn figure-link"
              data-testid="header-overdue"
              title={fill(t('hotspotList.open'), { status: t('hotspot.status.overdue') })}
              onClick={() => openList('overdue')}
            >
              {t('stats.overdue')} {n(overdue)}
            </button>
          )}
        </dd>
      </div>
    </dl>
  );
}
