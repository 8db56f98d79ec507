// UI: the wall screen (`?mode=wall`) — the map full screen in the dark theme, a carousel of scenes
// (overview → each listed hotspot, flown to → blind spots → trends) with a panel of large type
// beside it, the clock and the age of the data, no cursor. The map is mounted once and only moved,
// so a night of scene changes does not pile up maps, layers or listeners.
import { useEffect, useMemo, useState } from 'react';
import { bbox } from '@turf/turf';
import type { BBox, MapData } from '../../model';
import { fill, useLang, useT, type MessageKey } from '../../i18n';
import { localIsoDate } from '../../analysis/hotspots/hotspot-status';
import { briefingRange, followBriefing, useBriefing } from '../../state/briefing';
import { showPeriodOnMap } from '../../state/map-period';
import { loadDataset, useDataset } from '../../state/dataset';
import { useLayers } from '../../state/layers';
import { useMapCamera } from '../../state/map-camera';
import { useRegisterHotspots } from '../../state/register';
import { loadWallSettings, startWallReload, useWall, wallScenes, wallSettings, type WallScene, type WallSettings } from '../../state/wall';
import { MapView } from '../MapView';
import { briefingKpis } from '../briefing/kpi-model';
import { BlindSpotScene, HotspotScene, OverviewScene, TrendScene } from './WallScenes';
import './wall.css';

const SCENE_TITLES: Record<string, MessageKey> = {
  overview: 'wall.scene.overview',
  'blind-spots': 'wall.scene.blindSpots',
  trends: 'wall.scene.trends',
};

export function WallScreen({ data }: { data: MapData }) {
  const t = useT();
  // The saved settings come from the UserStore (asynchronous): the carousel and the reload start once they are read.
  const [settings, setSettings] = useState<WallSettings | null>(null);
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const scenes = useMemo(() => wallScenes(data, hotspots), [data, hotspots]);
  const changes = useWall((s) => s.changes);
  const scene: WallScene = scenes[changes % scenes.length];
  const { figures, periods, coverage } = useBriefing();
  const kpis = useMemo(() => (figures && periods ? briefingKpis(data, hotspots, figures, periods, coverage) : null), [data, hotspots, figures, periods, coverage]);

  useEffect(() => {
    // Dark for the dim room, without changing the desk's saved theme (setState does not save).
    const before = useLayers.getState().theme;
    useLayers.setState({ theme: 'dark' });
    return () => useLayers.setState({ theme: before });
  }, []);
  useEffect(() => followBriefing(data), [data]);
  // Without a period chosen, the figures are this month's: so is the map.
  useEffect(() => showPeriodOnMap(briefingRange({ timeRange: null }, data).range), [data]);
  useEffect(() => {
    // Test hook: move on to the next scene now (a soak test reads data-scene instead).
    const w = window as unknown as { __oneMapWall?: { next(): void } };
    w.__oneMapWall = { next: () => useWall.getState().next() };
    return () => {
      delete w.__oneMapWall;
    };
  }, []);
  useEffect(() => {
    let live = true;
    loadWallSettings()
      .catch((e: unknown) => void console.warn('wall settings unreadable, using the defaults:', e))
      .then((saved) => live && setSettings(wallSettings(location.search, saved ?? undefined)));
    return () => {
      live = false;
    };
  }, []);
  const reloadSeconds = settings?.reloadSeconds;
  const sceneSeconds = settings?.sceneSeconds;
  useEffect(() => {
    const baseUrl = useDataset.getState().baseUrl;
    if (!baseUrl || reloadSeconds === undefined) return;
    return startWallReload(data, baseUrl, reloadSeconds, () => void loadDataset(baseUrl));
  }, [data, reloadSeconds]);
  useEffect(() => {
    if (sceneSeconds === undefined) return;
    // One timer per scene: it cannot pile up, whatever the duration.
    const timer = setTimeout(() => useWall.getState().next(), sceneSeconds * 1000);
    return () => clearTimeout(timer);
  }, [changes, sceneSeconds]);
  useEffect(() => {
    const h = 'hotspotId' in scene ? hotspots.features.find((f) => f.properties.id === scene.hotspotId) : undefined;
    const county = data.admin.features.find((f) => f.properties.level === 'county');
    const bounds = (h ? bbox(h.geometry) : county ? bbox(county.geometry) : data.manifest.bounds) as BBox;
    // A hotspot is framed with a tenth of the picture free around it: its outline, markers and
    // name stay clear of the edges and of the scale bar however small or long the area is.
    useMapCamera.getState().flyTo({ bounds, margin: h ? 0.1 : 0 });
  }, [scene, data, hotspots]);

  const title = t('hotspotId' in scene ? 'wall.scene.hotspot' : SCENE_TITLES[scene.name]);
  return (
    <div className="wall" data-testid="wall" data-scene={scene.name}>
      <div className="wall-map map-area">
        <MapView data={data} />
      </div>
      <aside className="wall-panel">
        <header className="wall-head">
          <div className="wall-app">{t('wall.title')}</div>
          <WallClock data={data} />
        </header>
        <h2 className="wall-scene-title">{title}</h2>
        <div className="wall-progress">{fill(t('wall.progress'), { i: (changes % scenes.length) + 1, n: scenes.length })}</div>
        {kpis && scene.name === 'overview' && <OverviewScene k={kpis} />}
        {'hotspotId' in scene && <HotspotScene data={data} hotspots={hotspots} id={scene.hotspotId} />}
        {kpis && scene.name === 'blind-spots' && <BlindSpotScene k={kpis} />}
        {kpis && scene.name === 'trends' && <TrendScene data={data} k={kpis} />}
        {data.manifest.synthetic && <div className="wall-small wall-synthetic">{t('briefing.synthetic')}</div>}
      </aside>
    </div>
  );
}

/** The time, the data's own date, and how long ago it was reloaded — stale when the last reload failed. */
function WallClock({ data }: { data: MapData }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { loadedAt, stale } = useWall();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const minutes = Math.floor((now - loadedAt) / 60_000);
  const time = (ms: number) => new Date(ms).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', hour12: false });
  return (
    <div className="wall-clock">
      <div className="wall-time" data-testid="wall-clock">
        {new Date(now).toLocaleTimeString(lang, { hour12: false })}
      </div>
      <div className="wall-small">{fill(t('wall.dataAsOf'), { date: localIsoDate(data.manifest.timeRange[1], data.manifest.timeZone) })}</div>
      <div className={stale ? 'wall-small warn' : 'wall-small'} data-testid="wall-data-age" data-stale={String(stale)}>
        {stale ? fill(t('wall.stale'), { time: time(loadedAt) }) : minutes < 1 ? t('wall.age.now') : fill(t('wall.age.minutes'), { n: minutes })}
      </div>
    </div>
  );
}
