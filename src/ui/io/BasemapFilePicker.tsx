// UI: the import dialog's basemap line — pick a local .pmtiles/.mbtiles file to draw under the
// data (kept in this browser until "back to the default basemap"), and which basemap is in use.
import { fill, useT } from '../../i18n';
import { activeBasemap, chooseBasemapFile, clearBasemapFile, useBasemap } from '../../state/basemap';

export function BasemapFilePicker({ onChosen }: { onChosen?: () => void }) {
  const t = useT();
  const active = useBasemap(activeBasemap);
  const file = useBasemap((s) => s.file);
  return (
    <div className="import-basemap" data-testid="basemap-picker">
      <label>
        {t('basemap.file')}{' '}
        <input
          type="file"
          data-testid="basemap-file"
          accept=".pmtiles,.mbtiles"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void chooseBasemapFile(f).then((ok) => ok && onChosen?.());
          }}
        />
      </label>
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
