// Map layer factory: camera coverage — covered cells drawn faintly, blind-spot cells (uncovered,
// with incidents) strongly, a numbered marker on each ranked blind-spot area, and the siting
// planner's proposed sites (planSiteLayers). Res-11 cells are sub-pixel at county zoom: below
// street zoom the cells are drawn as coarser parents (coverage-cells.ts).
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { RGBA } from '../colors';
import { getResolution } from 'h3-js';
import { h3CellLayer } from './h3-cell-layer';
import { coverageDrawResolution, countSumByParent, coveredShareByParent } from './coverage-cells';
import { LABEL_FONT } from './label-layer';

/** What the coverage overlay draws. */
export interface CoverageLayerInput {
  /** Covered cells. */
  covered: string[];
  /** Uncovered cells with filtered incidents, and their counts. */
  blindCells: string[];
  blindCounts: Uint32Array;
  /** Ranked blind-spot areas: rank and weighted centre. */
  spots: { rank: number; centroid: [number, number] }[];
  /** Proposed camera sites of the open plan, in rank order. */
  sites: { rank: number; lng: number; lat: number }[] | null;
  /** Cells the open plan newly covers (the map's "after"). */
  added: string[] | null;
  /** Candidate sites the planner clicked for the next run, [lng, lat]. */
  userPoints: [number, number][];
}

const COVERED: RGBA = [40, 120, 220, 70];
const COVERED_DARK: RGBA = [90, 170, 255, 80];
const DIGITS = '0123456789'.split('');

export function coverageLayers(c: CoverageLayerInput, visible: boolean, dark: boolean, zoom = 16): Layer[] {
  const dataRes = c.covered.length > 0 ? getResolution(c.covered[0]) : c.blindCells.length > 0 ? getResolution(c.blindCells[0]) : 11;
  const res = coverageDrawResolution(zoom, dataRes);
  const ink: RGBA = dark ? [11, 18, 32, 255] : [255, 255, 255, 255];
  const layers: Layer[] = [];
  if (res === dataRes) {
    // Blind cells by their count: one incident orange, five or more a deep red.
    const blind = (i: number): RGBA => blindColour(Math.min(5, c.blindCounts[i]));
    layers.push(
      h3CellLayer({ id: 'coverage-covered', cells: c.covered, fill: () => (dark ? COVERED_DARK : COVERED), colourKey: dark, visible }),
      h3CellLayer({ id: 'coverage-blind', cells: c.blindCells, fill: blind, colourKey: c.blindCounts, visible }),
    );
  } else {
    // Coarser parents. Blind ones by their uncovered incidents relative to the heaviest parent in
    // view of the data (a county's parents nearly all hold some, so absolute steps would paint it
    // one red): deeper and more opaque as they weigh more. Covered ones on top, blue as deep as
    // the share of the parent covered (a square root, so that a few percent still shows).
    const cov = coveredShareByParent(c.covered, res);
    const bl = countSumByParent(c.blindCells, c.blindCounts, res);
    const max = bl.values.reduce((m, v) => Math.max(m, v), 0);
    const base = dark ? COVERED_DARK : COVERED;
    const blindParent = (i: number): RGBA => {
      const r = max > 0 ? bl.values[i] / max : 0;
      const [red, green, blue] = blindColour(Math.min(5, Math.floor(6 * Math.sqrt(r))));
      return [red, green, blue, Math.round(30 + 200 * Math.pow(r, 0.6))];
    };
    layers.push(
      h3CellLayer({ id: 'coverage-blind', cells: bl.cells, fill: blindParent, colourKey: bl, visible }),
      h3CellLayer({ id: 'coverage-covered', cells: cov.cells, fill: (i) => [base[0], base[1], base[2], Math.round(60 + 190 * Math.sqrt(cov.values[i]))], colourKey: [cov, dark], visible }),
    );
  }
  layers.push(
    disc('coverage-spots', c.spots, (d) => d.centroid, { radius: 9, fill: [200, 30, 20, 230], line: ink, lineWidth: 1.5 }, visible),
    numbers('coverage-spot-numbers', c.spots.map((s) => ({ position: s.centroid, text: String(s.rank) })), visible, ink),
  );
  if (c.added) {
    const added = res === dataRes ? null : coveredShareByParent(c.added, res);
    layers.push(
      added
        ? h3CellLayer({ id: 'plan-added', cells: added.cells, fill: (i) => [20, 160, 70, Math.round(60 + 190 * Math.sqrt(added.values[i]))], colourKey: added, visible })
        : h3CellLayer({ id: 'plan-added', cells: c.added, fill: () => [20, 160, 70, 150], colourKey: c.added, visible }),
    );
  }
  return layers;
}

/** Blind colour of a level 0–5: orange to deep red, more opaque as it deepens. */
function blindColour(n: number): RGBA {
  return [230 - 25 * n, 110 - 20 * n, 20, 150 + 20 * n];
}


/**
 * The open plan's proposed sites: large green discs with a white rim and a dark halo, numbered in
 * rank order — drawn above the cameras and areas (after them in the stack), so that all of them
 * can be told apart from the two thousand camera symbols even at county zoom.
 */
export function planSiteLayers(c: CoverageLayerInput, visible: boolean): Layer[] {
  const layers: Layer[] = [];
  if (c.userPoints.length > 0) {
    // The planner's own candidates: violet rings, told apart from the plan's filled green sites.
    layers.push(disc('siting-user-points', c.userPoints, (d) => d, { radius: 8, fill: [255, 255, 255, 200], line: [123, 50, 148, 255], lineWidth: 3 }, visible));
  }
  if (!c.sites) return layers;
  const sites = c.sites;
  return [
    ...layers,
    disc('plan-site-halo', sites, (d) => [d.lng, d.lat], { radius: 15, fill: [0, 0, 0, 90] }, visible),
    disc('plan-sites', sites, (d) => [d.lng, d.lat], { radius: 12, fill: [0, 130, 60, 255], line: [255, 255, 255, 255], lineWidth: 2.5 }, visible),
    numbers('plan-site-numbers', sites.map((s) => ({ position: [s.lng, s.lat] as [number, number], text: String(s.rank) })), visible, [255, 255, 255, 255], 13),
  ];
}

/** Discs of a fixed size on screen, optionally rimmed. */
function disc<D>(
  id: string,
  data: readonly D[],
  position: (d: D) => [number, number],
  style: { radius: number; fill: RGBA; line?: RGBA; lineWidth?: number },
  visible: boolean,
): Layer {
  return new ScatterplotLayer<D>({
    id,
    data,
    visible,
    getPosition: position,
    getRadius: style.radius,
    radiusUnits: 'pixels',
    stroked: style.line !== undefined,
    getFillColor: style.fill,
    getLineColor: style.line ?? [0, 0, 0, 0],
    getLineWidth: style.lineWidth ?? 0,
    lineWidthUnits: 'pixels',
  });
}

function numbers(id: string, data: { position: [number, number]; text: string }[], visible: boolean, ink: RGBA, size = 11): Layer {
  return new TextLayer<(typeof data)[number]>({
    id,
    data,
    visible,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getSize: size,
    getColor: ink,
    fontWeight: 700,
    fontFamily: LABEL_FONT,
    characterSet: DIGITS,
  });
}
