// Map: the one object that owns MapLibre and the deck.gl overlay. React creates it once and
// feeds it data and view state; hover stays in here (no store update per mouse move).
import { Map as MaplibreMap, NavigationControl, ScaleControl, setWorkerUrl, type PaddingOptions } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { bbox } from '@turf/turf';
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { BBox, LngLat, MapData, PolygonGeometry, Selection, Theme } from '../model';
import type { MapView } from './map-view';
import { basemapStyle, openBasemap, type OpenedBasemap } from './basemap/basemap-style';
import type { BasemapSource } from '../model/basemap-source';
import { buildLayers } from './build-layers';
import { IdleTracker } from './idle-tracker';
import { drawnCounts } from './layer-counts';
import { ContextRecovery } from './context-recovery';
import { AreaDrawing } from './area-drawing';
import { GridEditing, type GridEditRequest } from './grid-editing';
import { CameraDragging, type CameraDragRequest } from './camera-dragging';

// Without this the built app cannot start MapLibre's worker (TOOLCHAIN.md).
setWorkerUrl(workerUrl);


/** What the pointer is over, handed to the UI's formatter for the tooltip text. */
export interface HoverTarget {
  layerId: string;
  object: unknown;
  index: number;
}

export interface MapControllerOptions {
  onSelect(selection: Selection): void;
  onIdleChange(idle: boolean): void;
  /** Called when the zoom comes to rest (the incident resolution follows it). */
  onZoomSettled(zoom: number): void;
  /** Tooltip text for a hovered feature, or null for none. Rendered as text, never HTML. */
  describe(target: HoverTarget, view: MapView): string | null;
  /** Called once the map has loaded and whenever it comes to rest (moveend), never per frame. */
  onViewChange?(camera: MapCamera): void;
  /** Where to open (a view link's camera); without it the map fits the county, as home does. */
  initialCamera?: MapCamera | null;
  /** Room kept free around the county when the map opens on it (CSS pixels per side). */
  homePadding?: Partial<PaddingOptions>;
  /** A click on a grid of the grid editor's layout (by id), or on empty map (null). */
  onGridEditPick?(id: string | null): void;
}

/** The map's camera: centre [lng, lat] in degrees, zoom level, bearing and pitch in degrees. */
export interface MapCamera {
  center: LngLat;
  zoom: number;
  bearing: number;
  pitch: number;
}

export class MapController {
  private readonly map: MaplibreMap;
  private overlay: MapboxOverlay;
  private readonly recovery: ContextRecovery;
  private readonly tooltip: HTMLDivElement;
  private readonly idle: IdleTracker;
  private readonly drawing: AreaDrawing;
  private readonly gridEditing: GridEditing;
  private readonly cameraDragging: CameraDragging;
  /** While set, a click on the map gives its position here instead of selecting (siting candidates). */
  private pointPick: ((p: LngLat) => void) | null = null;
  private view: MapView | null = null;
  private theme: Theme;
  private layers: Layer[] = [];
  private renderedZoom = -1;
  /** The map shows the county as home fits it, and no one has moved it since. */
  private atHome = false;
  /** The basemap drawn (null: the dataset's own layers), and the latest request for one. */
  private basemap: OpenedBasemap | null = null;
  private basemapRequest = 0;
  /** A basemap is being opened (or is not yet known): the map is not idle meanwhile. */
  private basemapPending = 1;
  /**
   * Where the last click on a feature was (container pixels): deck.gl picks hover on the frame
   * after a pointer move, so the move that came with the click would show the tooltip again over
   * the detail panel the click opened. It stays hidden until the pointer is somewhere else.
   */
  private clickedAt: { x: number; y: number } | null = null;
  /** destroy() ran: late callbacks (a context-recovery timer, a basemap being opened) do nothing. */
  private destroyed = false;

  /** One controller per dataset: a new dataset gets a new map. */
  constructor(
    container: HTMLElement,
    private readonly data: MapData,
    private readonly options: MapControllerOptions,
    theme: Theme = 'light',
  ) {
    this.theme = theme;
    this.map = new MaplibreMap({
      container,
      style: basemapStyle(data, theme, null),
      ...(options.initialCamera
        ? { ...options.initialCamera }
        : { bounds: homeBounds(data), fitBoundsOptions: { padding: fitPadding(container.clientWidth, container.clientHeight, options.homePadding ?? {}) } }),
      attributionControl: false,
      // Screenshots and printing of the briefing view read the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.overlay = this.createOverlay();
    this.map.addControl(this.overlay);
    // Zoom buttons and a compass (a click turns north up), and a metric scale bar: MapLibre's own,
    // drawn in the page without any request. Bottom corners: the details open top right.
    this.map.addControl(new NavigationControl({ showCompass: true, visualizePitch: false }), 'bottom-right');
    this.map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    this.drawing = new AreaDrawing(this.map);
    this.gridEditing = new GridEditing(this.map);
    this.cameraDragging = new CameraDragging(this.map);
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'map-tooltip';
    this.tooltip.dataset.testid = 'tooltip';
    this.tooltip.hidden = true;
    container.appendChild(this.tooltip);
    this.idle = new IdleTracker(this.map, options.onIdleChange);
    this.recovery = new ContextRecovery(this.map, () => this.rebuildOverlay(), () => this.idle.busy());
    this.map.on('zoomend', () => {
      this.options.onZoomSettled(this.map.getZoom());
      if (Math.abs(this.map.getZoom() - this.renderedZoom) > 0.01) this.render();
    });
    this.map.on('movestart', (e: { originalEvent?: unknown }) => {
      this.hideTooltip();
      if (e.originalEvent) this.atHome = false; // the user moved the map
    });
    // Opened on the county (no link's camera): the panels around the map settle after the first
    // paint (the trend arrives, a drawer folds), and MapLibre keeps centre and zoom on a resize,
    // which would cut the county off. Until the user moves the map, a resize fits it again.
    this.atHome = !options.initialCamera;
    this.map.on('resize', () => {
      if (this.atHome) this.fitHomeNow();
    });
    const reportView = () => {
      const c = this.map.getCenter();
      this.options.onViewChange?.({ center: [c.lng, c.lat], zoom: this.map.getZoom(), bearing: this.map.getBearing(), pitch: this.map.getPitch() });
    };
    this.map.on('load', reportView);
    this.map.on('moveend', reportView);
    this.options.onZoomSettled(this.map.getZoom());
  }

  /** The deck.gl overlay; made anew with the same layers after a context loss (context-recovery.ts). */
  private createOverlay(): MapboxOverlay {
    return new MapboxOverlay({
      interleaved: false,
      // Layer instances belong to one Deck: a new overlay gets new ones from render().
      layers: [],
      onHover: (info) => this.hover(info),
      onClick: (info) => this.click(info),
      getCursor: ({ isHovering, isDragging }) =>
        this.drawing?.active || this.gridEditing?.active || this.pointPick
          ? 'crosshair'
          : this.cameraDragging?.ownsPointer()
            ? 'grabbing'
            : this.cameraDragging?.active && isHovering
              ? 'move'
              : isDragging
                ? 'grabbing'
                : isHovering
                  ? 'pointer'
                  : 'grab',
      onAfterRender: () => {
        this.recovery.watch(this.overlay.getCanvas() ?? null);
        this.idle.deckRendered(this.layers);
      },
      // A lost context is handled here (a warning, then the overlay is rebuilt), not an error.
      onError: (e: Error) => (/context is lost/i.test(e.message) ? console.warn('deck.gl:', e.message) : console.error('deck.gl:', e)),
    });
  }

  private rebuildOverlay(): void {
    if (this.destroyed) return;
    const old = this.overlay;
    const container = old.getCanvas()?.parentElement ?? null;
    this.map.removeControl(old);
    container?.remove();
    this.overlay = this.createOverlay();
    this.map.addControl(this.overlay);
    this.render();
  }

  /** Sets what is shown; cheap when nothing changed (layers keep their data by identity). */
  setView(view: MapView): void {
    if (view === this.view) return;
    // A mark for the benchmark: the moment new hexagon counts reach the layer.
    if (view.hexCounts && view.hexCounts !== this.view?.hexCounts) performance.mark('one-map:hex-data');
    this.view = view;
    this.idle.setPendingWork(view.pendingWork + this.basemapPending);
    this.applyStyle();
    this.render();
  }

  /**
   * Draws `source` as the basemap (null: the dataset's own layers). Until the first call the map
   * is not idle — the caller makes it once it knows (config.json read, a saved file restored).
   * Rejects with the reason when the source cannot be used; the map then keeps what it drew.
   */
  async setBasemap(source: BasemapSource | null, origins: readonly string[]): Promise<void> {
    const request = ++this.basemapRequest;
    this.setBasemapPending(1);
    try {
      const opened = source ? await openBasemap(source, origins) : null;
      if (request !== this.basemapRequest || this.destroyed) return;
      if (opened !== this.basemap) {
        this.basemap = opened;
        this.map.setStyle(basemapStyle(this.data, this.theme, opened));
      }
    } finally {
      if (request === this.basemapRequest) this.setBasemapPending(0);
    }
  }

  /** What the basemap is now: the dataset's own layers, a tile archive (vector or raster), or a style. */
  basemapKind(): 'dataset' | 'vector' | 'raster' | 'style' {
    return !this.basemap ? 'dataset' : this.basemap.type === 'style' ? 'style' : this.basemap.kind;
  }

  private setBasemapPending(n: number): void {
    this.basemapPending = n;
    this.idle.setPendingWork((this.view?.pendingWork ?? 0) + n);
  }

  /** Pixel position of a coordinate, relative to the map container. */
  project(lngLat: LngLat): [number, number] {
    const p = this.map.project(lngLat);
    return [p.x, p.y];
  }

  jumpTo(target: { center: LngLat; zoom: number }): void {
    this.atHome = false;
    this.map.jumpTo(target);
  }

  /** Animated move, for a user's "show me" click (a wall screen's cycle uses it too). */
  flyTo(target: { center: LngLat; zoom: number }): void {
    this.atHome = false;
    this.map.flyTo({ ...target, duration: 1200 });
  }

  /**
   * Fits an area ([west, south, east, north], degrees) into the viewport, animated. `padding` in
   * CSS pixels per side, shrunk on a small map so that the area always gets at least 40% of it.
   */
  fitBounds(bounds: BBox, padding: Partial<PaddingOptions> = {}, maxZoom = 17): void {
    const canvas = this.map.getContainer();
    // The container may have been resized since MapLibre last looked (its ResizeObserver fires
    // later): a fit on the old size frames the area for a picture that is no longer there.
    const { width, height } = this.map.getCanvas().getBoundingClientRect();
    if (Math.round(width) !== canvas.clientWidth || Math.round(height) !== canvas.clientHeight) this.map.resize();
    const pad = fitPadding(canvas.clientWidth, canvas.clientHeight, padding);
    this.atHome = false;
    this.map.fitBounds([[bounds[0], bounds[1]], [bounds[2], bounds[3]]], { padding: pad, maxZoom, duration: 1000, bearing: 0 });
  }

  /** Fits the whole county (the admin unit of level 'county', else the dataset's bounds), animated; it then stays fitted through resizes until the map is moved. */
  fitHome(padding: Partial<PaddingOptions> = this.options.homePadding ?? {}): void {
    this.fitBounds(homeBounds(this.data), padding);
    this.atHome = true;
  }

  private fitHomeNow(): void {
    const canvas = this.map.getContainer();
    const pad = fitPadding(canvas.clientWidth, canvas.clientHeight, this.options.homePadding ?? {});
    this.map.fitBounds(homeBounds(this.data), { padding: pad, duration: 0, bearing: 0 });
  }

  getZoom(): number {
    return this.map.getZoom();
  }

  /** How many objects each visible deck.gl layer draws now, by layer id (tests read road labels here). */
  layerCounts(): Record<string, number> {
    return drawnCounts(this.layers);
  }

  /** Lets the user draw an area; `onDone` receives it once closed. Replaces a drawing under way. */
  startDrawing(onDone: (area: PolygonGeometry) => void): void {
    this.hideTooltip();
    this.drawing.start(onDone);
  }

  stopDrawing(): void {
    this.drawing.stop();
  }

  /** Starts a grid-editor gesture (draw a grid, a split line, drag a grid's vertices), or ends it (null). */
  editGrids(request: GridEditRequest | null): void {
    this.hideTooltip();
    if (request) this.drawing.stop();
    this.gridEditing.set(request);
  }

  /** Lets the user drag one camera to a new position (what-if), or ends it (null). */
  dragCamera(request: CameraDragRequest | null): void {
    this.cameraDragging.set(request);
  }

  /** While `onPick` is set, a click on the map hands over its position instead of selecting. */
  pickPoints(onPick: ((p: LngLat) => void) | null): void {
    this.hideTooltip();
    this.pointPick = onPick;
  }

  /**
   * Removes everything the controller added: the container stays (React reuses it for the next
   * dataset's map), so the tooltip goes with the map, and the idle tracker stops writing its flag.
   */
  destroy(): void {
    this.destroyed = true;
    this.idle.destroy();
    this.cameraDragging.destroy();
    this.gridEditing.destroy();
    this.drawing.destroy();
    this.map.remove();
    this.tooltip.remove();
  }

  private applyStyle(): void {
    if (!this.view || this.view.theme === this.theme) return;
    this.theme = this.view.theme;
    this.idle.busy();
    this.map.setStyle(basemapStyle(this.data, this.theme, this.basemap));
  }

  private render(): void {
    if (!this.view) return;
    this.renderedZoom = this.map.getZoom();
    this.layers = buildLayers(this.data, this.view, this.renderedZoom);
    this.idle.deckChanged();
    this.overlay.setProps({ layers: this.layers });
  }

  private hover(info: PickingInfo): void {
    if (this.drawing.ownsPointer() || this.gridEditing.ownsPointer() || this.cameraDragging.ownsPointer() || this.pointPick) return this.hideTooltip();
    if (this.clickedAt && info.x === this.clickedAt.x && info.y === this.clickedAt.y) return this.hideTooltip();
    this.clickedAt = null;
    const text = info.layer && this.view ? this.options.describe({ layerId: info.layer.id, object: info.object, index: info.index }, this.view) : null;
    if (!text) return this.hideTooltip();
    this.tooltip.textContent = text;
    this.tooltip.style.transform = `translate(${info.x + 14}px, ${info.y + 14}px)`;
    this.tooltip.hidden = false;
  }

  private hideTooltip(): void {
    this.tooltip.hidden = true;
  }

  private click(info: PickingInfo): void {
    if (this.drawing.ownsPointer() || this.gridEditing.ownsPointer() || this.cameraDragging.ownsPointer()) return; // the click placed a corner, or dropped a camera
    if (this.pointPick && info.coordinate) return this.pointPick([info.coordinate[0], info.coordinate[1]]);
    if (this.view?.gridEdit && this.options.onGridEditPick) {
      const props = info.layer?.id === 'grid-edit' ? (info.object as { properties?: { id: string } } | undefined)?.properties : undefined;
      return this.options.onGridEditPick(props?.id ?? null);
    }
    this.hideTooltip(); // the detail panel now says more than the tooltip did
    this.clickedAt = { x: info.x, y: info.y };
    this.options.onSelect(this.selectionOf(info));
  }

  private selectionOf(info: PickingInfo): Selection {
    const id = info.layer?.id;
    const props = (info.object as { properties?: { id: string } } | undefined)?.properties;
    if ((id === 'grids' || id === 'cameras' || id === 'hotspots') && props) {
      const kind = id === 'grids' ? 'grid' : id === 'cameras' ? 'camera' : 'hotspot';
      return { kind, id: props.id };
    }
    const hex = this.view?.hexCounts;
    if (id === 'incidents-hex' && hex && info.index >= 0) {
      return { kind: 'cell', h3: hex.cells[info.index], count: hex.counts[info.index] };
    }
    return null;
  }
}

/** The county's bounds (the admin unit of level 'county'), else the dataset's. */
function homeBounds(data: MapData): BBox {
  const county = data.admin.features.find((f) => f.properties.level === 'county');
  return county ? (bbox(county.geometry) as BBox) : data.manifest.bounds;
}

/** Padding with 24 px per side by default, scaled down when it would leave the area under 40% of the map. */
function fitPadding(width: number, height: number, p: Partial<PaddingOptions>): PaddingOptions {
  const pad = { top: p.top ?? 24, bottom: p.bottom ?? 24, left: p.left ?? 24, right: p.right ?? 24 };
  const kx = Math.min(1, (0.6 * width) / Math.max(1, pad.left + pad.right));
  const ky = Math.min(1, (0.6 * height) / Math.max(1, pad.top + pad.bottom));
  return { top: pad.top * ky, bottom: pad.bottom * ky, left: pad.left * kx, right: pad.right * kx };
}
