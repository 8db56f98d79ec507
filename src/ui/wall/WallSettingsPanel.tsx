// UI: the wall screen's settings in the side panel — how long each scene shows and how often the
// data is read again — saved through the UserStore the moment they change, and a link that opens
// the wall. `sceneSeconds` / `reloadSeconds` in the wall's own link still win over them.
import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { loadWallSettings, saveWallSettings, wallSettings, type WallSettings } from '../../state/wall';

/** The wall's link for this page: the same dataset, `mode=wall`, no desk view. */
function wallHref(): string {
  const url = new URL(location.href);
  url.searchParams.delete('view');
  url.searchParams.set('mode', 'wall');
  return url.search;
}

export function WallSettingsPanel() {
  const t = useT();
  const [open, setOpen] = useState(false);
  // Null until the saved settings are read: the fields wait rather than show defaults a save would write back.
  const [settings, setSettings] = useState<WallSettings | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadWallSettings()
      .catch(() => undefined)
      .then((saved) => live && setSettings((s) => s ?? wallSettings('', saved ?? undefined)));
    return () => {
      live = false;
    };
  }, []);
  const change = (key: keyof WallSettings, value: number) => {
    if (!settings || !Number.isFinite(value) || value <= 0) return;
    const next = { ...settings, [key]: value };
    setSettings(next);
    void saveWallSettings(next).then((ok) => setFailed(!ok));
  };
  return (
    <section className="panel wall-settings">
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary data-testid="wall-settings-toggle">
          <h2>{t('wall.settings.title')}</h2>
        </summary>
        <div className="register-form">
          <label>
            {t('wall.settings.scene')}{' '}
            <input type="number" min={1} max={3600} step={1} data-testid="wall-settings-scene" disabled={!settings} value={settings?.sceneSeconds ?? ''} onChange={(e) => change('sceneSeconds', Number(e.target.value))} />
          </label>
          <label>
            {t('wall.settings.reload')}{' '}
            <input type="number" min={5} max={86400} step={5} data-testid="wall-settings-reload" disabled={!settings} value={settings?.reloadSeconds ?? ''} onChange={(e) => change('reloadSeconds', Number(e.target.value))} />
          </label>
        </div>
        {failed && <p className="warn">{t('wall.settings.saveFailed')}</p>}
        <p className="muted small">{t('wall.settings.def')}</p>
        <a className="action" data-testid="wall-open" href={wallHref()} target="_blank" rel="noopener">
          {t('wall.settings.open')}
        </a>
      </details>
    </section>
  );
}
