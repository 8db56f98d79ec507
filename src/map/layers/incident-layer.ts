// Map layer factory: incident counts as H3 hexagons or as a density surface (the heatmap).
// Pure: view slice → layers (the surface's pixels are an ImageData, so it runs in the page).
import { BitmapLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { CellCounts } from '../../model';
import type { KdeGrid } from '../../analysis/stats/kde';
import { h3CellLayer } from './h3-cell-layer';
import { classOf, divergingColors, logBreaks, rampColors, type RGBA } from '../colors';

export interface IncidentLegend {
  breaks: number[];
  colors: RGBA[];
}

/** Colour classes for a set of cell counts; the legend shows the same classes. */
export function incidentLegend(counts: CellCounts, dark: boolean): IncidentLegend {
  const breaks = logBreaks(counts.max, 7);
  return { breaks, colors: rampColors(dark ? 'incidents-dark' : 'incidents', breaks.length + 1, 225, 110) };
}

/** Symmetric classes for a change in counts (current − previous), and their colours. */
export interface ChangeLegend {
  /** Ascending positive thresholds; classes mirror them below zero. */
  breaks: number[];
  /** Colours for −∞…−b[n−1], …, −b[0]…−1, 0, 1…b[0], …, ≥ b[n−1]. */
  colors: RGBA[];
}

export function changeLegend(comparison: PeriodComparisonLike): ChangeLegend {
  let maxAbs = 1;
  for (let i = 0; i < comparison.current.length; i++) {
    const d = Math.abs(comparison.current[i] - comparison.previous[i]);
    if (d > maxAbs) maxAbs = d;
  }
  const breaks = logBreaks(maxAbs, 4);
  return { breaks, colors: divergingColors(breaks.length + 1) };
}

/** The class of a change: 0 is "no change", ±k the k-th class of rise or fall. */
export function changeClass(delta: number, breaks: number[]): number {
  if (delta === 0) return 0;
  return Math.sign(delta) * (classOf(Math.abs(delta), breaks) + 1);
}

export interface PeriodComparisonLike {
  cells: string[];
  current: Uint32Array;
  previous: Uint32Array;
}

const TRANSPARENT: RGBA = [0, 0, 0, 0];
/** One id for every resolution, filter and measure: deck.gl keeps the layer and its buffers. */
const INCIDENT_HEX_ID = 'incidents-hex';

/** Hexagons coloured by incident count; cells without incidents in the filter are not drawn. */
export function hexagonLayer(counts: CellCounts, legend: IncidentLegend, visible: boolean, opacity = 1): Layer {
  const c = counts.counts;
  return h3CellLayer({
    id: INCIDENT_HEX_ID,
    cells: counts.cells,
    fill: (i) => (c[i] === 0 ? TRANSPARENT : legend.colors[classOf(c[i], legend.breaks)]),
    colourKey: [c, legend],
    visible,
    opacity,
  });
}

/** Hexagons coloured by the change against the comparison period (rising red, falling blue). */
export function changeLayer(cmp: PeriodComparisonLike, legend: ChangeLegend, visible: boolean, opacity = 1): Layer {
  const mid = legend.breaks.length + 1;
  return h3CellLayer({
    id: INCIDENT_HEX_ID,
    cells: cmp.cells,
    fill: (i) => {
      const cur = cmp.current[i];
      const prev = cmp.previous[i];
      if (cur === 0 && prev === 0) return TRANSPARENT;
      return legend.colors[mid + changeClass(cur - prev, legend.breaks)];
    },
    colourKey: [cmp, legend],
    visible,
    opacity,
  });
}

/** Colour classes of a density surface, incidents per km²; the first class is left undrawn. */
export interface DensityLegend {
  /** Ascending thresholds, incidents per km². */
  breaks: number[];
  /** breaks.length + 1 colours; colours[0] (below breaks[0]) is transparent. */
  colors: RGBA[];
}

/**
 * Classes for a density surface whose peak is `max` per km²: six 1–2–5 thresholds evenly spaced
 * in log scale from a thousandth of the peak up. Incidents concentrate (the county town's peak is
 * a hundred times a village's), so three decades keep a village cluster visible in the county
 * view, while an isolated incident's faint kernel does not tint the countryside.
 */
export function densityLegend(max: number, dark: boolean): DensityLegend {
  const breaks: number[] = [];
  if (max > 0) {
    const lo = Math.log(max / 1000);
    const hi = Math.log(max);
    for (let k = 0; k < 6; k++) {
      const b = niceNumber(Math.exp(lo + ((hi - lo) * k) / 6));
      if (b <= max && (breaks.length === 0 || b > breaks[breaks.length - 1])) breaks.push(b);
    }
  }
  const ramp = rampColors(dark ? 'incidents-dark' : 'incidents', Math.max(1, breaks.length), 230, 120);
  // Undrawn, but in the first class's colour: the texture's linear sampling then fades edges to
  // that colour instead of through black.
  const none: RGBA = [ramp[0][0], ramp[0][1], ramp[0][2], 0];
  return { breaks, colors: [none, ...ramp.slice(0, breaks.length)] };
}

/** The 1–2–5 number nearest to x in log scale. */
function niceNumber(x: number): number {
  const decade = 10 ** Math.floor(Math.log10(x));
  let best = decade;
  for (const m of [2 * decade, 5 * decade, 10 * decade]) if (Math.abs(Math.log(m / x)) < Math.abs(Math.log(best / x))) best = m;
  return Number(best.toPrecision(1));
}

/** The surface as RGBA pixels, row 0 at the north edge as in the grid; memoised per grid and legend. */
const densityImages = new WeakMap<KdeGrid, { legend: DensityLegend; image: ImageData }>();
function densityImage(grid: KdeGrid, legend: DensityLegend): ImageData {
  const memo = densityImages.get(grid);
  if (memo && memo.legend === legend) return memo.image;
  const { width, height, density } = grid;
  const px = new Uint8ClampedArray(width * height * 4);
  for (let k = 0; k < density.length; k++) {
    const c = legend.colors[classOf(density[k], legend.breaks)];
    px[4 * k] = c[0];
    px[4 * k + 1] = c[1];
    px[4 * k + 2] = c[2];
    px[4 * k + 3] = c[3];
  }
  const image = new ImageData(px, width, height);
  densityImages.set(grid, { legend, image });
  return image;
}

/**
 * The heatmap: the kernel density surface (incidents per km², bandwidth in metres, computed in the
 * worker) as one bitmap stretched over the grid's corners. The grid is a rectangle in Web
 * Mercator, so the bitmap is georeferenced and means the same at every zoom. Pixels take their
 * class's colour; linear sampling softens the cell edges at street zoom (between two classes the
 * colour lies between theirs).
 */
export function densityLayer(grid: KdeGrid, legend: DensityLegend, visible: boolean): Layer {
  return new BitmapLayer({
    id: 'incidents-density',
    image: densityImage(grid, legend),
    bounds: [grid.west, grid.south, grid.east, grid.north],
    visible,
    pickable: false,
  });
}
