// UI: hosts the map. Creates the one MapController, feeds it the stores, and exposes the test
// hook. The map's idle flag is written straight to the DOM: it changes often and renders nothing.
import { useShallow } from 'zustand/react/shallow';
import { useEffect, useMemo, useRef } from 'react';
import { MapController } from '../map/map-controller';
import type { MapData } from '../model';
import type { MapView as MapViewState } from '../map/map-view';
import { useLayers } from '../state/layers';
import { useSelection } from '../state/selection';
import { useIncidentResults } from '../state/incident-results';
import { useLang, useT } from '../i18n';
import { useMapCamera } from '../state/map-camera';
import { useFilters } from '../state/filters';
import { useAreaDrawing } from '../state/area-drawing';
import { datasetNow } from '../state/clock';
import { useRegisterHotspots } from '../state/register';
import { useRegisterCandidates } from '../state/register-candidates';
import { describeHover } from './describe-hover';
import { useCoverageView, useSitingPick } from './use-coverage-view';
import { useCameraDrag, useWhatIfCameras } from './use-camera-whatif-map';
import { currentMapCamera, noteMapCamera } from '../state/url-sync';
import { onGridEditPick, useGridEditGestures, useGridEditView } from './grid-editor/use-grid-edit-map';
import { activeBasemap, clearBasemapFile, reportBasemapProblem, useBasemap } from '../state/basemap';
import { BasemapNotice } from './io/BasemapNotice';

declare global {
  interface Window {
    /** Test and wall-screen hook: read-only helpers, no state changes beyond the camera. */
    __oneMap?: {
      project(lngLat: [number, number]): [number, number];
      jumpTo(t: { center: [number, number]; zoom: number }): void;
      getZoom(): number;
      /** Objects drawn per deck.gl layer id (array-data layers only). */
      layerCounts(): Record<string, number>;
      /** What the basemap is: the dataset's own layers, a vector or raster tile archive, or an intranet style. */
      basemap(): 'dataset' | 'vector' | 'raster' | 'style';
      manifest: MapData['manifest'];
    };
  }
}

export function MapView({ data }: { data: MapData }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const layers = useLayers(
    useShallow((s) => ({ visible: s.visible, gridMeasure: s.gridMeasure, incidentMode: s.incidentMode, incidentMeasure: s.incidentMeasure, theme: s.theme })),
  );
  const selection = useSelection((s) => s.selected);
  const results = useIncidentResults(
    useShallow((s) => ({
      hexCounts: s.hexCounts,
      density: s.density,
      comparison: s.comparison,
      giStar: s.giStar,
      emerging: s.emerging,
      gridIncidents: s.gridIncidents,
      pending: s.pending,
    })),
  );
  const lang = useLang((s) => s.lang);
  const drawnArea = useFilters((s) => s.drawnArea);
  const drawing = useAreaDrawing((s) => s.drawing);
  const gridEdit = useGridEditView();
  const coverage = useCoverageView();
  const whatIf = useWhatIfCameras(data);
  const hotspots = useRegisterHotspots() ?? data.hotspots;
  const candidates = useRegisterCandidates((s) => s.candidates);
  const candidateAreas = useMemo(() => candidates?.map((c) => c.geometry) ?? null, [candidates]);

  const view: MapViewState = useMemo(
    () => ({
      visible: layers.visible,
      gridMeasure: layers.gridMeasure,
      incidentMode: layers.incidentMode,
      incidentMeasure: layers.incidentMeasure,
      lang,
      theme: layers.theme,
      selection,
      hexCounts: results.hexCounts,
      density: results.density,
      comparison: results.comparison,
      giStar: results.giStar,
      emerging: results.emerging,
      gridIncidents: results.gridIncidents,
      drawnArea,
      drawing,
      gridEdit,
      coverage: coverage.coverage,
      cameras: whatIf.cameras,
      whatIf: whatIf.whatIf,
      pendingWork: results.pending + coverage.pending,
      now: datasetNow(data.manifest),
      hotspots,
      candidates: candidateAreas,
    }),
    [layers.visible, layers.gridMeasure, layers.incidentMode, layers.incidentMeasure, layers.theme, lang, selection, results, drawnArea, drawing, gridEdit, data.manifest, hotspots, candidateAreas, coverage.coverage, coverage.pending, whatIf],
  );

  useEffect(() => {
    const container = containerRef.current!;
    const controller = new MapController(container, data, {
      onSelect: (s) => useSelection.getState().select(s),
      onIdleChange: (idle) => container.setAttribute('data-idle', String(idle)),
      onZoomSettled: (zoom) => useIncidentResults.getState().setZoom(zoom),
      describe: (target, v) => describeHover(target, v, data),
      // The URL follows the map at rest; a link's camera is where the map opens.
      onViewChange: noteMapCamera,
      initialCamera: currentMapCamera(),
      homePadding: freeRoom(false),
      onGridEditPick,
    });
    controllerRef.current = controller;
    window.__oneMap = {
      project: (p) => controller.project(p),
      jumpTo: (t) => controller.jumpTo(t),
      getZoom: () => controller.getZoom(),
      layerCounts: () => controller.layerCounts(),
      basemap: () => controller.basemapKind(),
      manifest: data.manifest,
    };
    return () => {
      delete window.__oneMap;
      controller.destroy();
      controllerRef.current = null;
    };
  }, [data]);

  useEffect(() => {
    controllerRef.current?.setView(view);
  }, [view]);

  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller) return;
    if (!drawing) return controller.stopDrawing();
    controller.startDrawing((area) => {
      useFilters.getState().setDrawnArea(area);
      useAreaDrawing.getState().setDrawing(false);
    });
    // Escape leaves drawing mode (terra-draw's own Escape only drops the unfinished corners).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useAreaDrawing.getState().setDrawing(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawing]);

  useGridEditGestures(controllerRef);
  useCameraDrag(controllerRef, data);
  useSitingPick(controllerRef);

  // The basemap: once config.json and a saved file are known (the map is not idle before).
  const basemap = useBasemap(useShallow((s) => ({ ready: s.ready, source: activeBasemap(s), origins: s.origins })));
  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller || !basemap.ready) return;
    controller.setBasemap(basemap.source, basemap.origins).catch((e: unknown) => {
      const source = basemap.source;
      reportBasemapProblem(`${source?.name ?? ''}: ${e instanceof Error ? e.message : String(e)}`);
      // A picked file that does not open is not kept: the configured basemap (or the dataset's) comes back.
      if (source?.from === 'file') void clearBasemapFile();
      else void controller.setBasemap(null, basemap.origins);
    });
  }, [basemap.ready, basemap.source, basemap.origins, data]);

  const cameraRequest = useMapCamera((s) => s.request);
  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller || !cameraRequest) return;
    if ('bounds' in cameraRequest) {
      const room = freeRoom(Boolean(useSelection.getState().selected));
      const el = containerRef.current;
      const m = cameraRequest.margin ?? 0;
      if (el && m > 0) {
        room.top += m * el.clientHeight;
        room.bottom += m * el.clientHeight;
        room.left += m * el.clientWidth;
        room.right += m * el.clientWidth;
      }
      controller.fitBounds(cameraRequest.bounds, room, 17);
    }
    else controller.flyTo(cameraRequest);
  }, [cameraRequest]);

  const t = useT();
  return (
    <>
      <div ref={containerRef} className="map" data-testid="map" data-idle="false" />
      <BasemapNotice />
      <button
        className="map-home"
        data-testid="map-home"
        title={t('map.home.title')}
        aria-label={t('map.home.title')}
        onClick={() => controllerRef.current?.fitHome(freeRoom(Boolean(useSelection.getState().selected)))}
      >
        {t('map.home')}
      </button>
    </>
  );
}

/**
 * Room kept free when fitting an area: the filter chips along the top, the scale bar and zoom
 * buttons along the bottom, and the details panel (330 px + margins) on the right while open.
 */
function freeRoom(detailsOpen: boolean): { top: number; bottom: number; left: number; right: number } {
  return { top: 52, bottom: 40, left: 24, right: detailsOpen ? 360 : 56 };
}
