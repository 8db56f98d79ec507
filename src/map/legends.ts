// Map: the colour classes of each overlay, computed once per input and shared by the layers and
// the legend panels, so the legend always shows exactly the colours on the map.
import type { GridCollection, GridMeasure, CellCounts } from '../model';
import { gridLegend, gridValues, type GridLegend } from './layers/grid-layer';
import { changeLegend, densityLegend, incidentLegend, type ChangeLegend, type DensityLegend, type IncidentLegend, type PeriodComparisonLike } from './layers/incident-layer';
import type { KdeGrid } from '../analysis/stats/kde';

const hexMemo = new WeakMap<CellCounts, { dark: boolean; legend: IncidentLegend }>();

export function hexLegendFor(counts: CellCounts, dark: boolean): IncidentLegend {
  const m = hexMemo.get(counts);
  if (m && m.dark === dark) return m.legend;
  const legend = incidentLegend(counts, dark);
  hexMemo.set(counts, { dark, legend });
  return legend;
}

const densityMemo = new WeakMap<KdeGrid, { dark: boolean; legend: DensityLegend }>();

/** Classes of the heatmap's density surface (incidents per km²). */
export function densityLegendFor(grid: KdeGrid, dark: boolean): DensityLegend {
  const m = densityMemo.get(grid);
  if (m && m.dark === dark) return m.legend;
  const legend = densityLegend(grid.max, dark);
  densityMemo.set(grid, { dark, legend });
  return legend;
}

const changeMemo = new WeakMap<PeriodComparisonLike, ChangeLegend>();

export function changeLegendFor(cmp: PeriodComparisonLike): ChangeLegend {
  let legend = changeMemo.get(cmp);
  if (!legend) changeMemo.set(cmp, (legend = changeLegend(cmp)));
  return legend;
}

interface GridFill {
  values: Float64Array | null;
  legend: GridLegend | null;
}
let gridMemo: { grids: GridCollection; measure: GridMeasure; incidents: Uint32Array | null; fill: GridFill } | null = null;

export function gridFillFor(grids: GridCollection, measure: GridMeasure, incidents: Uint32Array | null): GridFill {
  if (gridMemo && gridMemo.grids === grids && gridMemo.measure === measure && gridMemo.incidents === incidents) {
    return gridMemo.fill;
  }
  const values = gridValues(grids, measure, incidents);
  const fill = { values, legend: gridLegend(measure, values) };
  gridMemo = { grids, measure, incidents, fill };
  return fill;
}
