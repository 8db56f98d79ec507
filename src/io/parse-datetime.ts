// IO (pure): incident date-times as Chinese office data writes them → epoch seconds. No DOM;
// local times are placed in the dataset's IANA zone with analysis/zoned-time (Intl only).
import { zoneOffsetMs } from '../analysis/time/zoned-time';

/** Parse failures, as negative results of {@link DateTimeParser.parse}. */
export const DATE_UNPARSEABLE = -1;
/** The text has a date shape but no such day or time (month 13, 30 February, 25 o'clock). */
export const DATE_INVALID = -2;
/** A real date outside what epoch seconds in a Uint32 hold (1970-01-01 … 2106-02-07 UTC). */
export const DATE_OUT_OF_RANGE = -3;
/** Empty or blank text. */
export const DATE_EMPTY = -4;

const MAX_EPOCH_SEC = 2 ** 32;
const EXCEL_EPOCH_SERIAL = 25569; // 1970-01-01 in Excel's 1900 date system
const EXCEL_MAX_SERIAL = 2958466; // 10000-01-01

/**
 * A date-time parser bound to a time zone. `parse` reads, with optional surrounding blanks:
 * - `2024-05-08 14:30`, `2024-05-08 14:30:15`, `2024-05-08T14:30:15.250+08:00` (ISO, with T or a
 *   space, optional seconds and fraction, optional offset Z / ±HH / ±HHMM / ±HH:MM);
 * - `2024/5/8`, `2024/5/8 14:30`, `2024.5.8` (one or two digits for month, day, hour, minute);
 * - `2024年5月8日`, `2024年5月8日 14时30分`, `2024年5月8日14时30分15秒`, `2024年5月8日 14点`, and
 *   `2024年5月8日 14:30`;
 * - compact `20240508`, `202405081430`, `20240508143015`;
 * - Excel serial day numbers (1900 date system, e.g. `45420.6041667`), read as local time.
 * Times without an offset are wall-clock times in the parser's zone. Fractions of a second are
 * dropped. Returns epoch seconds (≥ 0), or one of the negative DATE_* codes.
 */
export interface DateTimeParser {
  readonly timeZone: string;
  parse(text: string, start?: number, end?: number): number;
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A parser for `timeZone` (default Asia/Shanghai). Throws a RangeError for an unknown zone. */
export function createDateTimeParser(timeZone = 'Asia/Shanghai'): DateTimeParser {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
  return new Parser(timeZone);
}

const parsers = new Map<string, DateTimeParser>();

/** Epoch seconds of one date-time text (formats as {@link DateTimeParser}), NaN when unreadable. */
export function parseDateTime(text: string, timeZone = 'Asia/Shanghai'): number {
  let p = parsers.get(timeZone);
  if (!p) parsers.set(timeZone, (p = createDateTimeParser(timeZone)));
  const t = p.parse(text);
  return t >= 0 ? t : NaN;
}

/** A sentence for a negative parse result on `raw`, for rejection lists. */
export function dateErrorReason(code: number, raw: string): string {
  const shown = JSON.stringify(raw.trim());
  if (code === DATE_EMPTY) return 'missing date';
  if (code === DATE_INVALID) return `invalid date ${shown} (no such day or time)`;
  if (code === DATE_OUT_OF_RANGE) return `date ${shown} outside 1970–2106`;
  return `unparseable date ${shown}`;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
}

const YEAR = 0x5e74, MONTH = 0x6708, DAY = 0x65e5, HAO = 0x53f7, SHI = 0x65f6, DIAN = 0x70b9, FEN = 0x5206, MIAO = 0x79d2;

/** Zone offsets found so far, per zone, shared by every parser (Intl lookups cost ~10 µs). */
const zoneMemo = new Map<string, { days: Map<number, number>; midnights: Map<number, number> }>();

class Parser implements DateTimeParser {
  private pos = 0;
  /** Seconds east of UTC per local day (NaN on a day the zone's offset changes). */
  private readonly dayOffsets: Map<number, number>;
  private readonly midnights: Map<number, number>;
  private offsetFormat: Intl.DateTimeFormat | null;
  private lastDay = NaN;
  private lastOffset = 0;

  constructor(readonly timeZone: string) {
    let memo = zoneMemo.get(timeZone);
    if (!memo) zoneMemo.set(timeZone, (memo = { days: new Map(), midnights: new Map() }));
    this.dayOffsets = memo.days;
    this.midnights = memo.midnights;
    try {
      this.offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      this.offsetFormat = null;
    }
  }

  parse(s: string, start = 0, end = s.length): number {
    while (start < end && isBlank(s.charCodeAt(start))) start++;
    while (end > start && isBlank(s.charCodeAt(end - 1))) end--;
    if (start === end) return DATE_EMPTY;
    const len = end - start;
    if ((len === 16 || len === 19) && s.charCodeAt(start + 4) === 45 && s.charCodeAt(start + 7) === 45 && s.charCodeAt(start + 13) === 58) {
      const fixed = this.fixedWidth(s, start, len);
      if (fixed !== DATE_UNPARSEABLE) return fixed;
    }
    let i = start;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    const nd = i - start;
    if (nd === 0) return DATE_UNPARSEABLE;
    if (i === end || this.digitsFrom(s, i + 1, end) === end) return this.numeric(s, start, end, nd, i === end);
    if (nd !== 4) return DATE_UNPARSEABLE;
    const y = this.int(s, start, i);
    const sep = s.charCodeAt(i);
    if (sep !== 45 && sep !== 47 && sep !== 46 && sep !== YEAR) return DATE_UNPARSEABLE;
    const mo = this.read(s, i + 1, end, 2);
    if (mo < 0) return DATE_UNPARSEABLE;
    i = this.pos;
    if (i >= end || s.charCodeAt(i) !== (sep === YEAR ? MONTH : sep)) return DATE_UNPARSEABLE;
    const d = this.read(s, i + 1, end, 2);
    if (d < 0) return DATE_UNPARSEABLE;
    i = this.pos;
    if (sep === YEAR && i < end && (s.charCodeAt(i) === DAY || s.charCodeAt(i) === HAO)) i++;

    let h = 0, mi = 0, sec = 0;
    let offset = NaN;
    if (i < end) {
      const c = s.charCodeAt(i);
      if (c === 84 || c === 116) i++;
      else if (isBlank(c)) while (i < end && isBlank(s.charCodeAt(i))) i++;
      else if (!(sep === YEAR && isDigit(c))) return DATE_UNPARSEABLE;
      h = this.read(s, i, end, 2);
      if (h < 0) return DATE_UNPARSEABLE;
      i = this.pos;
      const hs = i < end ? s.charCodeAt(i) : -1;
      if (hs === 58) {
        mi = this.read(s, i + 1, end, 2);
        if (mi < 0) return DATE_UNPARSEABLE;
        i = this.pos;
        if (i < end && s.charCodeAt(i) === 58) {
          sec = this.read(s, i + 1, end, 2);
          if (sec < 0) return DATE_UNPARSEABLE;
          i = this.pos;
          if (i < end && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44)) {
            const f = this.digitsFrom(s, i + 1, end);
            if (f === i + 1) return DATE_UNPARSEABLE;
            i = f;
          }
        }
      } else if (hs === SHI || hs === DIAN) {
        i++;
        if (i < end && isDigit(s.charCodeAt(i))) {
          mi = this.read(s, i, end, 2);
          i = this.pos;
          if (i < end && s.charCodeAt(i) === FEN) i++;
          if (i < end && isDigit(s.charCodeAt(i))) {
            sec = this.read(s, i, end, 2);
            i = this.pos;
            if (i < end && s.charCodeAt(i) === MIAO) i++;
          }
        }
      } else {
        return DATE_UNPARSEABLE;
      }
      while (i < end && isBlank(s.charCodeAt(i))) i++;
      if (i < end) {
        const z = s.charCodeAt(i);
        if (z === 90 || z === 122) {
          offset = 0;
          i++;
        } else if (z === 43 || z === 45) {
          const oh = this.read(s, i + 1, end, 2);
          if (oh < 0 || this.pos !== i + 3) return DATE_UNPARSEABLE;
          i = this.pos;
          let om = 0;
          if (i < end && s.charCodeAt(i) === 58) i++;
          if (i < end) {
            om = this.read(s, i, end, 2);
            if (om < 0 || this.pos !== i + 2) return DATE_UNPARSEABLE;
            i = this.pos;
          }
          if (oh > 23 || om > 59) return DATE_INVALID;
          offset = (z === 45 ? -1 : 1) * (oh * 3600 + om * 60);
        }
        if (i < end) return DATE_UNPARSEABLE;
      }
    }
    return this.finish(y, mo, d, h, mi, sec, offset);
  }

  /** `yyyy-MM-dd HH:mm` or `yyyy-MM-ddTHH:mm:ss` exactly (the usual export shapes). */
  private fixedWidth(s: string, i: number, len: number): number {
    const t = s.charCodeAt(i + 10);
    if (t !== 84 && t !== 32) return DATE_UNPARSEABLE;
    if (len === 19 && s.charCodeAt(i + 16) !== 58) return DATE_UNPARSEABLE;
    const y = this.digits(s, i, 4);
    const mo = this.digits(s, i + 5, 2);
    const d = this.digits(s, i + 8, 2);
    const h = this.digits(s, i + 11, 2);
    const mi = this.digits(s, i + 14, 2);
    const sec = len === 19 ? this.digits(s, i + 17, 2) : 0;
    if ((y | mo | d | h | mi | sec) < 0) return DATE_UNPARSEABLE;
    return this.finish(y, mo, d, h, mi, sec, NaN);
  }

  /** Exactly n digits at i as a number, or −1. */
  private digits(s: string, i: number, n: number): number {
    let v = 0;
    for (let k = i; k < i + n; k++) {
      const c = s.charCodeAt(k) - 48;
      if (c < 0 || c > 9) return -1;
      v = v * 10 + c;
    }
    return v;
  }

  private finish(y: number, mo: number, d: number, h: number, mi: number, sec: number, offset: number): number {
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return DATE_INVALID;
    const wall = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    return this.inRange(Number.isNaN(offset) ? this.local(wall) : wall - offset);
  }

  /** All-digit text: compact yyyyMMdd[HHmm[ss]] or an Excel serial day number. */
  private numeric(s: string, start: number, end: number, nd: number, integer: boolean): number {
    if (integer && (nd === 8 || nd === 12 || nd === 14)) {
      const y = this.int(s, start, start + 4);
      const mo = this.int(s, start + 4, start + 6);
      const d = this.int(s, start + 6, start + 8);
      const h = nd >= 12 ? this.int(s, start + 8, start + 10) : 0;
      const mi = nd >= 12 ? this.int(s, start + 10, start + 12) : 0;
      const sec = nd === 14 ? this.int(s, start + 12, start + 14) : 0;
      return this.finish(y, mo, d, h, mi, sec, NaN);
    }
    const serial = Number(s.slice(start, end));
    if (!(serial >= 1 && serial < EXCEL_MAX_SERIAL)) return DATE_UNPARSEABLE;
    // Excel stores wall-clock days; round away its binary noise to the nearest second.
    return this.inRange(this.local(Math.round((serial - EXCEL_EPOCH_SERIAL) * 86400)));
  }

  private inRange(epochSec: number): number {
    return epochSec >= 0 && epochSec < MAX_EPOCH_SEC ? epochSec : DATE_OUT_OF_RANGE;
  }

  /**
   * Epoch seconds of wall-clock seconds in the zone. The zone's offset is looked up once per
   * local midnight (memoised per zone) and reused through the day; a day on which the offset
   * changes (DST) is resolved time by time with the rule of zonedToEpochMs (the later offset in
   * a gap), which the tests check minute by minute.
   */
  private local(wall: number): number {
    const day = Math.floor(wall / 86400);
    if (day !== this.lastDay) {
      let off = this.dayOffsets.get(day);
      if (off === undefined) {
        const a = this.midnightOffset(day);
        off = a === this.midnightOffset(day + 1) ? a : NaN;
        this.dayOffsets.set(day, off);
      }
      this.lastDay = day;
      this.lastOffset = off;
    }
    return Number.isNaN(this.lastOffset) ? this.zoned(wall) : wall - this.lastOffset;
  }

  /** Offset (seconds east of UTC) at the local midnight starting `day`, memoised per zone. */
  private midnightOffset(day: number): number {
    let off = this.midnights.get(day);
    if (off === undefined) this.midnights.set(day, (off = day * 86400 - this.zoned(day * 86400)));
    return off;
  }

  /**
   * Epoch seconds of wall-clock seconds `wall` in the zone, by the rule of zonedToEpochMs (two
   * offset lookups; in a DST gap the later offset wins), with a faster offset lookup.
   */
  private zoned(wall: number): number {
    const guess = wall - this.offsetAt(wall);
    return wall - this.offsetAt(guess);
  }

  /**
   * Offset of the zone at an instant, seconds east of UTC. Reads Intl's "GMT+08:00" offset name
   * (about 10× faster than formatToParts); falls back to zoned-time's zoneOffsetMs.
   */
  private offsetAt(epochSec: number): number {
    if (this.offsetFormat) {
      const s = this.offsetFormat.format(new Date(epochSec * 1000));
      const m = /GMT(?:([+-−])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?$/.exec(s);
      if (m) {
        if (!m[1]) return 0;
        const v = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
        return m[1] === '+' ? v : -v;
      }
      this.offsetFormat = null;
    }
    return zoneOffsetMs(epochSec * 1000, this.timeZone) / 1000;
  }

  /** Reads 1…max digits at i; the value, or −1 when there is none. Leaves the end in `pos`. */
  private read(s: string, i: number, end: number, max: number): number {
    let v = 0;
    let k = i;
    while (k < end && k - i < max && isDigit(s.charCodeAt(k))) v = v * 10 + s.charCodeAt(k++) - 48;
    this.pos = k;
    return k === i ? -1 : v;
  }

  private int(s: string, i: number, end: number): number {
    let v = 0;
    for (let k = i; k < end; k++) v = v * 10 + s.charCodeAt(k) - 48;
    return v;
  }

  private digitsFrom(s: string, i: number, end: number): number {
    if (i > end || s.charCodeAt(i - 1) !== 46) return -1;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    return i;
  }
}
