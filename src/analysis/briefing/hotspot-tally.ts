// Analysis (PURE): the listed-hotspot figures of a briefing — how many are under supervision
// (listed, rectifying or in acceptance, overdue ones included), how many of those are overdue,
// and how many are delisted — judged on the dataset's "today" in its zone. Imports only the
// sibling status rules and model types.
import type { HotspotProps } from '../../model/hotspot';
import { hotspotStatus } from '../hotspots/hotspot-status';

export interface HotspotTally {
  listed: number;
  overdue: number;
  delisted: number;
  /** Ids of the listed ones (overdue first), for the wall screen's tour. */
  listedIds: string[];
}

export function hotspotTally(hotspots: readonly Pick<HotspotProps, 'id' | 'state' | 'deadline'>[], nowMs: number, timeZone: string): HotspotTally {
  const overdueIds: string[] = [];
  const otherIds: string[] = [];
  let delisted = 0;
  for (const h of hotspots) {
    const status = hotspotStatus(h, nowMs, timeZone);
    if (status === 'overdue') overdueIds.push(h.id);
    else if (status === 'listed' || status === 'rectifying' || status === 'accepting') otherIds.push(h.id);
    else if (status === 'delisted') delisted++;
  }
  return { listed: overdueIds.length + otherIds.length, overdue: overdueIds.length, delisted, listedIds: [...overdueIds, ...otherIds] };
}
