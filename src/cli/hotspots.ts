// CLI: `hotspots` — Getis–Ord Gi* on the cell counts of `aggregate`, as h3,count,z,p,class,q;
// over the cells of --boundary when given, else over the cells within k rings of non-empty ones.
import { giStar } from '../analysis/stats/gi-star';
import { boundaryCells } from '../analysis/h3/boundary-cells';
import type { CliOptions } from './args';
import { countCells } from './aggregate';
import { readBoundary } from './boundary';
import { csvText } from './csv-write';
import { writeOutput, type CliIo } from './load-incidents';

export function runHotspots(opts: CliOptions, io: CliIo): void {
  const studyArea = opts.boundary === undefined ? undefined : boundaryCells(readBoundary(opts.boundary), opts.res);
  const { cells, counts } = countCells(opts, io);
  const header = ['h3', 'count', 'z', 'p', 'class', 'q'];
  if (studyArea?.length === 0) {
    io.stderr(`--boundary ${opts.boundary}: no cell of resolution ${opts.res} has its centre inside: nothing to analyse\n`);
    writeOutput(opts, io, csvText(header, []));
    return;
  }
  if (cells.length === 0 && !studyArea) {
    io.stderr('no incidents kept by the filter: nothing to analyse\n');
    writeOutput(opts, io, csvText(header, []));
    return;
  }
  const gi = giStar(cells, counts, { k: opts.k, studyArea });
  if (studyArea) io.stderr(`study area: ${studyArea.length} cells of ${opts.boundary}; ${gi.outside} incidents in other cells left out\n`);
  const rows: (string | number)[][] = gi.cells.map((c, i) => [c, gi.counts[i], num(gi.z[i]), num(gi.p[i]), gi.classes[i], num(gi.q[i])]);
  const tally = new Map<string, number>();
  for (const c of gi.classes) tally.set(c, (tally.get(c) ?? 0) + 1);
  io.stderr(`Gi* over ${gi.cells.length} cells (k = ${gi.k}): ${[...tally].map(([c, n]) => `${n} ${c}`).join(', ')}\n`);
  writeOutput(opts, io, csvText(header, rows));
}

/** Shortest text that reads back as the same double. */
function num(v: number): string {
  return String(v);
}
