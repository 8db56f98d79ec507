// UI: the import dialog's basemap line — pick a local .pmtiles/.mbtiles file to draw under the
// data (kept in this browser until "back to the default basemap"), and which basemap is in use.
import { fill, useT } from '../../i18n';
import { FilePicker } from './FilePicker';
import { activeBasemap, chooseBasemapFile, clearBasemapFile, useBasemap } from '../../state/basemap';

export function BasemapFilePicker({ onChosen }: { onChosen?: () => void }) {
  const t = useT();
  const active = useBasemap(activeBasemap);
  const file = useBasemap((s) => s.file);
  return (
    <div className="import-basemap" data-testid="basemap-picker">
      <FilePicker label={t('basemap.file')} testId="basemap-file" accept=".pmtiles,.mbtiles" onFile={(f) => void chooseBasemapFile(f).then((ok) => ok && onChosen?.())} />
      <small data-testid="basemap-current">{active ? fill(t('basemap.current'), { name: active.name }) : t('basemap.current.dataset')}</small>
      {file && (
        <button data-testid="basemap-clear" onClick={() => void clearBasemapFile()}>
          {t('basemap.clear')}
        </button>
      )}
      <small>{t('basemap.file.hint')}</small>
    </div>
  );
}
