// Entry: mounts the app and starts loading a dataset — the embedded demo, or another bundle
// on the same server named by `?data=folder/` (an intranet's own data, or the benchmark's).
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { loadDataset } from './state/dataset';
import { datasetBaseUrl } from './state/dataset-url';
import { startRegister } from './state/register';
import { startRegisterPolygons } from './state/register-polygons';
import { startBasemap } from './state/basemap';
import './ui/styles.css';

startRegister();
startRegisterPolygons();
// config.json beside the app may name an intranet basemap; read alongside the dataset.
void startBasemap(import.meta.env.BASE_URL);
loadDataset(datasetBaseUrl(location.search, import.meta.env.BASE_URL));
createRoot(document.getElementById('root')!).render(<App />);
// The side-by-side benchmark's hook: its own chunk, fetched only with ?bench.
if (new URLSearchParams(location.search).has('bench')) void import('./bench-hook/bench-hook').then((m) => m.installBenchHook());
