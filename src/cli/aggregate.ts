// CLI: `aggregate` — incidents per H3 cell at --res under the filter, as h3,count sorted by h3.
import { aggregateH3 } from '../analysis/incidents/aggregate-h3';
import { buildIncidentIndex } from '../analysis/incidents/incident-index';
import type { CliOptions } from './args';
import { csvText } from './csv-write';
import { buildFilter, loadIncidents, writeOutput, type CliIo } from './load-incidents';

/** Non-empty cells and their counts, sorted by H3 index string. */
export interface CellCounts {
  cells: string[];
  counts: number[];
}

/**
 * Loads the incidents and counts them per cell: the index is built with its fine resolution at
 * --res, so each count is exactly latLngToCell at that resolution (not an H3 parent).
 */
export function countCells(opts: CliOptions, io: CliIo): CellCounts {
  const data = loadIncidents(opts, io);
  const filter = buildFilter(opts, data.categories, io);
  const index = buildIncidentIndex(data.columns, { fineResolution: opts.res, coarsestResolution: opts.res, timeZone: opts.tz });
  const agg = aggregateH3(index, filter, opts.res);
  const order = agg.cells.map((_, k) => k).sort((a, b) => (agg.cells[a] < agg.cells[b] ? -1 : agg.cells[a] > agg.cells[b] ? 1 : 0));
  io.stderr(`${agg.total} incidents kept by the filter, in ${agg.cells.length} cells at resolution ${opts.res}\n`);
  return { cells: order.map((k) => agg.cells[k]), counts: order.map((k) => agg.counts[k]) };
}

export function runAggregate(opts: CliOptions, io: CliIo): void {
  const { cells, counts } = countCells(opts, io);
  writeOutput(opts, io, csvText(['h3', 'count'], cells.map((c, k) => [c, counts[k]])));
}
