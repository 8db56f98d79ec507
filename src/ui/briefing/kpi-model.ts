// UI: the briefing's key figures as one list — what the cards show and what the PDF carries as
// text — so the printed figures cannot drift from the screen's. Values are ASCII ("5189",
// "97.3%", "-") for the PDF's text layer, which has no CJK font.
import type { MapData } from '../../model';
import type { BriefingFigures, BriefingPeriods, ComparedCount } from '../../analysis/briefing/briefing-figures';
import { hotspotTally, type HotspotTally } from '../../analysis/briefing/hotspot-tally';
import { localIsoDate } from '../../analysis/hotspots/hotspot-status';
import { datasetNow } from '../../state/clock';
import type { BriefingCoverage } from '../../state/briefing';

/** Coverage figures when the coverage analysis gives them; null: not available (shown as "—"). */
export type CoverageKpi = BriefingCoverage;

export interface BriefingKpis {
  periods: BriefingPeriods;
  incidents: ComparedCount;
  criminal: ComparedCount;
  publicOrder: ComparedCount;
  cameras: { online: number; total: number; rate: number };
  hotspots: HotspotTally;
  coverage: CoverageKpi | null;
}

/** `hotspots`: the register's (its saved changes applied), else the dataset's. */
export function briefingKpis(data: MapData, hotspots: MapData['hotspots'], figures: BriefingFigures, periods: BriefingPeriods, coverage: CoverageKpi | null): BriefingKpis {
  const cams = data.cameras.features;
  const online = cams.filter((c) => c.properties.status === 'online').length;
  return {
    periods,
    incidents: figures.incidents,
    criminal: figures.criminal,
    publicOrder: figures.publicOrder,
    cameras: { online, total: cams.length, rate: cams.length > 0 ? online / cams.length : NaN },
    hotspots: hotspotTally(hotspots.features.map((h) => h.properties), datasetNow(data.manifest), data.manifest.timeZone),
    coverage,
  };
}

/** A share as "97.3%", or "-" when there is none. */
export function percentText(share: number): string {
  return Number.isFinite(share) ? `${(100 * share).toFixed(1)}%` : '-';
}

/** [from, to) as its first and last local dates. */
export function rangeDates(r: [number, number], tz: string): [string, string] {
  return [localIsoDate(r[0], tz), localIsoDate(r[1] - 1, tz)];
}

/**
 * The figures as ASCII lines "name: value ...", as the PDF carries them (and a test reads them);
 * no brackets, which a PDF string would have to escape.
 */
export function kpiTextLines(k: BriefingKpis, tz: string): string[] {
  const span = (r: [number, number]) => rangeDates(r, tz).join('..');
  const counted = (name: string, c: ComparedCount) => [
    `${name}: ${c.current}`,
    `${name}.vsPrevious: ${c.vsPrevious.previous} ${span(k.periods.previous)} ${c.vsPrevious.direction}`,
    `${name}.vsLastYear: ${c.vsLastYear.previous} ${span(k.periods.lastYear)} ${c.vsLastYear.direction}`,
  ];
  return [
    `period: ${span(k.periods.current)}`,
    ...counted('incidents', k.incidents),
    ...counted('criminal', k.criminal),
    ...counted('publicOrder', k.publicOrder),
    `coverageByIncidents: ${k.coverage ? percentText(k.coverage.byIncidents) : '-'}`,
    `cameraWorkingRate: ${percentText(k.cameras.rate)} ${k.cameras.online}/${k.cameras.total}`,
    `hotspots.listed: ${k.hotspots.listed}`,
    `hotspots.overdue: ${k.hotspots.overdue}`,
    `hotspots.delisted: ${k.hotspots.delisted}`,
    `blindSpots: ${k.coverage ? k.coverage.blindSpots.map((b) => b.count).join(',') || '-' : '-'}`,
  ];
}
