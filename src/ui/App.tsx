// UI: the page — title bar, side panels, the map and the detail panel.
import { useShallow } from 'zustand/react/shallow';
import { useEffect, useState } from 'react';
import { useLayers } from '../state/layers';
import { useDataset } from '../state/dataset';
import { useLang, useT } from '../i18n';
import { Header } from './Header';
import { LayerPanel } from './LayerPanel';
import { FilterPanel } from './FilterPanel';
import { MapView } from './MapView';
import { DetailPanel } from './DetailPanel';
import { FilterChips } from './FilterChips';
import { UrlNotice } from './UrlNotice';
import { TimePanel } from './TimePanel';
import { QualityPanel } from './QualityPanel';
import { GridEditorPanel } from './grid-editor/GridEditorPanel';
import { RegisterPanel } from './register/RegisterPanel';
import { CoveragePanel } from './CoveragePanel';
import { SitingPlanner } from './SitingPlanner';
import { LoadErrorPanel } from './LoadErrorPanel';
import { DrawerToggle } from './DrawerToggle';
import { PHONE_QUERY, useMediaQuery } from './use-media-query';
import { useRoute } from '../state/app-route';
import { BriefingPage } from './briefing/BriefingPage';
import { WallScreen } from './wall/WallScreen';
import { WallSettingsPanel } from './wall/WallSettingsPanel';

export function App() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { data, error } = useDataset(useShallow((s) => ({ data: s.data, error: s.error })));
  const theme = useLayers((s) => s.theme);
  // Side panels as a drawer on tablets and phones (styles.css): closed by default at phone width,
  // where an open drawer lies over the map; the user's own choice wins until the next load.
  const phone = useMediaQuery(PHONE_QUERY);
  const [drawerChoice, setDrawerChoice] = useState<boolean | null>(null);
  const drawerOpen = drawerChoice ?? !phone;

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme; // styles.css switches its colours on it
  }, [theme]);

  const { view, mode } = useRoute(useShallow((s) => ({ view: s.view, mode: s.mode })));
  if (data && mode === 'wall') return <WallScreen data={data} />;
  if (data && view === 'briefing') return <BriefingPage data={data} />;
  return (
    <div className="app" data-drawer={drawerOpen ? 'open' : 'closed'}>
      <Header data={data} drawerToggle={data && <DrawerToggle open={drawerOpen} onToggle={() => setDrawerChoice(!drawerOpen)} />} />
      <div className="body">
        {data && drawerOpen && phone && <div className="drawer-backdrop" onClick={() => setDrawerChoice(false)} />}
        {data && (
          <nav className="side" id="side-panels">
            <LayerPanel data={data} />
            <FilterPanel data={data} />
            <QualityPanel data={data} />
            <GridEditorPanel data={data} />
            <RegisterPanel data={data} />
            <CoveragePanel data={data} />
            <SitingPlanner data={data} />
            <WallSettingsPanel />
          </nav>
        )}
        <main className="stage">
          <div className="map-area">
            {data && <MapView data={data} />}
            {data && <FilterChips data={data} />}
            {data && <UrlNotice />}
            {data && <DetailPanel data={data} />}
          </div>
          {data && <TimePanel data={data} />}
          {!data && !error && <p className="status-message">{t('app.loading')}</p>}
          {error && <LoadErrorPanel error={error} />}
        </main>
      </div>
    </div>
  );
}
