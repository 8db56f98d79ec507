// Entry: mounts the app and starts loading the embedded demo dataset.
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { loadDataset } from './state/dataset';
import './ui/styles.css';

loadDataset(`${import.meta.env.BASE_URL}data/demo/`);
createRoot(document.getElementById('root')!).render(<App />);
