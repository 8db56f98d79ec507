// IO (pure): an instant as ISO 8601 local time with its offset in a zone, e.g.
// "2024-05-08T14:30:00+08:00" — what exports and the CLI's clean CSV write, so a time read
// anywhere means the same instant and still shows the county's wall clock.
import { zoneOffsetMs } from '../../analysis/time/zoned-time';

/** Formats epoch seconds in `timeZone`. The offset is looked up once per UTC hour and zone. */
export function isoWithOffset(epochSec: number, timeZone: string): string {
  const hour = Math.floor(epochSec / 3600);
  const key = `${timeZone}|${hour}`;
  let off = offsets.get(key);
  if (off === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, (off = zoneOffsetMs(hour * 3_600_000, timeZone) / 1000));
  }
  const d = new Date((epochSec + off) * 1000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const a = Math.abs(off);
  const sign = off < 0 ? '-' : '+';
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${sign}${p(Math.floor(a / 3600))}:${p(Math.floor((a % 3600) / 60))}`;
}

const offsets = new Map<string, number>();
