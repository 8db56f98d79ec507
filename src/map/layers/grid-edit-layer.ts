// Map layer factory: the grid editor's working layout — each grid outlined and lightly filled in
// its kind's colour (party red, safety blue, harmony green, comprehensive grey), the selected one
// bold, topology problems in magenta, the blind spots inside the grid in hand (uncovered res-11
// cells with incidents, coloured as the coverage overlay colours them), and a comparison of two
// versions (added / removed / changed).
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { GridKind, LngLat } from '../../model';
import type { LayoutGrid } from '../../analysis/grids/grid-layout';
import type { TopologyIssue } from '../../analysis/grids/grid-topology';
import type { LayoutDiff } from '../../analysis/grids/layout-diff';
import type { RGBA } from '../colors';
import { h3CellLayer } from './h3-cell-layer';

export interface GridEditView {
  grids: LayoutGrid[];
  selectedId: string | null;
  issues: TopologyIssue[];
  highlight: TopologyIssue | null;
  /** Two versions compared: the earlier one's grids (for the removed) and the diff. */
  compare: { before: LayoutGrid[]; diff: LayoutDiff } | null;
  /** Blind spots inside the grid being drawn or selected: uncovered cells with incidents, and their counts. */
  blind: { cells: string[]; counts: Uint32Array } | null;
}

export const KIND_COLORS: Record<GridKind, RGBA> = {
  comprehensive: [90, 100, 120, 255],
  party: [200, 30, 40, 255],
  safety: [20, 90, 200, 255],
  harmony: [20, 140, 60, 255],
};
const ADDED: RGBA = [0, 158, 115, 255];
const REMOVED: RGBA = [213, 94, 0, 255];
const CHANGED: RGBA = [230, 159, 0, 255];
const ISSUE: RGBA = [204, 0, 153, 255];

const alpha = (c: RGBA, a: number): RGBA => [c[0], c[1], c[2], a];

export function gridEditLayers(v: GridEditView): Layer[] {
  const diffColor = new Map<string, RGBA>();
  if (v.compare) {
    for (const id of v.compare.diff.added) diffColor.set(id, ADDED);
    for (const id of v.compare.diff.changed) diffColor.set(id, CHANGED);
  }
  const colorOf = (g: LayoutGrid) => diffColor.get(g.properties.id) ?? KIND_COLORS[g.properties.kind] ?? KIND_COLORS.comprehensive;
  const sel = v.selectedId;
  const layers: Layer[] = [
    new GeoJsonLayer<LayoutGrid['properties']>({
      id: 'grid-edit',
      data: v.grids as never,
      pickable: true,
      autoHighlight: true,
      highlightColor: [0, 114, 178, 60],
      filled: true,
      stroked: true,
      getFillColor: (f) => alpha(colorOf(f as unknown as LayoutGrid), f.properties.id === sel ? 70 : diffColor.size && diffColor.has(f.properties.id) ? 90 : 22),
      getLineColor: (f) => colorOf(f as unknown as LayoutGrid),
      getLineWidth: (f) => (f.properties.id === sel ? 4 : 1.5),
      lineWidthUnits: 'pixels',
      updateTriggers: { getFillColor: [sel, v.compare], getLineWidth: [sel], getLineColor: [v.compare] },
    }),
  ];
  if (v.compare) {
    const removed = new Set(v.compare.diff.removed);
    layers.push(
      new GeoJsonLayer({
        id: 'grid-edit-removed',
        data: v.compare.before.filter((g) => removed.has(g.properties.id)) as never,
        filled: true,
        stroked: true,
        getFillColor: alpha(REMOVED, 60),
        getLineColor: REMOVED,
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
      }),
    );
  }
  if (v.blind) {
    const { cells, counts } = v.blind;
    // As the coverage overlay colours blind cells (one incident orange, five or more deep red),
    // lighter: the grid's outline and vertex handles stay visible through them while reshaping.
    const fill = (i: number): RGBA => {
      const n = Math.min(5, counts[i]);
      return [230 - 25 * n, 110 - 20 * n, 20, 100 + 20 * n];
    };
    // Not pickable: a click on a blind cell selects the grid beneath it.
    layers.push(h3CellLayer({ id: 'grid-edit-blind', cells, fill, line: () => [120, 20, 10, 220], lineWidthPx: 1, colourKey: counts, visible: true, pickable: false }));
  }
  const areas = v.issues.filter((i) => i.geometry);
  layers.push(
    new GeoJsonLayer({
      id: 'grid-edit-issues',
      data: areas.map((i) => ({ type: 'Feature', geometry: i.geometry, properties: { on: i === v.highlight } })) as never,
      filled: true,
      stroked: true,
      getFillColor: (f: { properties: { on: boolean } }) => alpha(ISSUE, f.properties.on ? 170 : 90),
      getLineColor: ISSUE,
      getLineWidth: (f: { properties: { on: boolean } }) => (f.properties.on ? 4 : 2),
      lineWidthUnits: 'pixels',
      updateTriggers: { getFillColor: [v.highlight], getLineWidth: [v.highlight] },
    }),
    new ScatterplotLayer<TopologyIssue>({
      id: 'grid-edit-issue-points',
      data: v.issues.filter((i) => !i.geometry || i === v.highlight),
      getPosition: (i) => i.at as LngLat,
      getRadius: (i) => (i === v.highlight ? 10 : 6),
      radiusUnits: 'pixels',
      getFillColor: alpha(ISSUE, 200),
      getLineColor: [255, 255, 255, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      stroked: true,
      updateTriggers: { getRadius: [v.highlight] },
    }),
  );
  return layers;
}
