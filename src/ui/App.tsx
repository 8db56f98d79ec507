// UI: the page — title bar, side panels, the map and the detail panel.
import { useShallow } from 'zustand/react/shallow';
import { useEffect } from 'react';
import { useLayers } from '../state/layers';
import { useDataset } from '../state/dataset';
import { useLang, useT } from '../i18n';
import { Header } from './Header';
import { LayerPanel } from './LayerPanel';
import { FilterPanel } from './FilterPanel';
import { MapView } from './MapView';
import { DetailPanel } from './DetailPanel';
import { FilterChips } from './FilterChips';
import { TimePanel } from './TimePanel';
import { QualityPanel } from './QualityPanel';

export function App() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { data, error } = useDataset(useShallow((s) => ({ data: s.data, error: s.error })));
  const theme = useLayers((s) => s.theme);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme; // styles.css switches its colours on it
  }, [theme]);

  return (
    <div className="app">
      <Header data={data} />
      <div className="body">
        {data && (
          <nav className="side">
            <LayerPanel data={data} />
            <FilterPanel data={data} />
            <QualityPanel data={data} />
          </nav>
        )}
        <main className="stage">
          <div className="map-area">
            {data && <MapView data={data} />}
            {data && <FilterChips data={data} />}
            {data && <DetailPanel data={data} />}
          </div>
          {data && <TimePanel data={data} />}
          {!data && !error && <p className="status-message">{t('app.loading')}</p>}
          {error && (
            <p className="status-message error" role="alert">
              {t('app.loadFailed')}: {error}
            </p>
          )}
        </main>
      </div>
    </div>
  );
}
