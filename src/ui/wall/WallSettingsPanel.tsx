// UI: the wall screen's settings in the side panel — how long each scene shows and how often the
// data is read again — saved the moment they change (view preferences: a wall must read them
// before its first paint), and a link that opens the wall. `sceneSeconds` / `reloadSeconds` in
// the wall's own link still win over them.
import { useState } from 'react';
import { useT } from '../../i18n';
import { saveWallSettings, savedWallSettings, type WallSettings } from '../../state/wall';

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
  const [settings, setSettings] = useState<WallSettings>(savedWallSettings);
  const [failed, setFailed] = useState(false);
  const change = (key: keyof WallSettings, value: number) => {
    if (!Number.isFinite(value) || value <= 0) return;
    const next = { ...settings, [key]: value };
    setSettings(next);
    setFailed(!saveWallSettings(next));
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
            <input type="number" min={1} max={3600} step={1} data-testid="wall-settings-scene" value={settings.sceneSeconds} onChange={(e) => change('sceneSeconds', Number(e.target.value))} />
          </label>
          <label>
            {t('wall.settings.reload')}{' '}
            <input type="number" min={5} max={86400} step={5} data-testid="wall-settings-reload" value={settings.reloadSeconds} onChange={(e) => change('reloadSeconds', Number(e.target.value))} />
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
