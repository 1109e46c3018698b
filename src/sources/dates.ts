/**
 * Dates as containers state them: `published` of a JSON Lines record (`YYYY-MM-DD`, `YYYY-MM`,
 * `YYYY`) and feed dates (RFC 822 `pubDate` in RSS, ISO 8601 `published`/`updated` in Atom).
 * Kept here, not shared with the extract stage, because sources sit below stages.
 */

/** A feed date: the calendar day as the outlet stated it, and the full timestamp when a time was given. */
export interface FeedDate {
  /** `YYYY-MM-DD` in the time zone the date was written in (not converted to UTC: the outlet's day). */
  date: string;
  /** ISO 8601 timestamp with the stated offset, e.g. `2021-03-02T23:30:00-05:00`. */
  at?: string;
}

/** RFC 822 month names (three letters); longer forms are cut to three before the lookup. */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** RFC 822 §5.1 named zones, as offsets from UTC in minutes. Military single letters are ignored (often wrong in the wild). */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const PARTIAL_ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * True for `YYYY`, `YYYY-MM` and `YYYY-MM-DD` naming a real calendar date (no 2021-02-30).
 * Years 1000–2999: a wider range is a typo in a news corpus.
 */
export function isPartialIsoDate(value: string): boolean {
  const m = PARTIAL_ISO.exec(value);
  if (!m) return false;
  return validDate(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
}

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

const RFC822 =
  /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[A-Za-z]{1,4}))?)?$/;

/**
 * Reads a feed date: RFC 822 (`Tue, 02 Mar 2021 10:00:00 GMT`, also without weekday or seconds,
 * with full month names, or with two-digit years read as 19xx/20xx around 1970) or ISO 8601
 * (`2021-03-02`, `2021-03-02T10:00:00Z`, `2021-03-02T10:00:00+03:30`). Returns `undefined` for
 * anything else or for an impossible date.
 */
export function parseFeedDate(value: string): FeedDate | undefined {
  const s = value.trim().replace(/\s+/g, " ");
  const iso = ISO_DATETIME.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, zone] = iso;
    return build(Number(y), Number(mo), Number(d), h, mi, sec, zone ? isoOffset(zone) : undefined);
  }
  const rfc = RFC822.exec(s);
  if (rfc) {
    const [, d, monthName, yy, h, mi, sec, zone] = rfc;
    const month = MONTHS[monthName.slice(0, 3).toLowerCase()];
    if (!month) return undefined;
    let year = Number(yy);
    if (yy.length === 2) year += year < 70 ? 2000 : 1900;
    const offset =
      zone === undefined ? undefined : /^[+-]/.test(zone) ? isoOffset(zone) : ZONES[zone.toUpperCase()];
    return build(year, month, Number(d), h, mi, sec, offset);
  }
  return undefined;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  offsetMinutes: number | undefined,
): FeedDate | undefined {
  if (!validDate(year, month, day)) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined) return { date };
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60) return undefined;
  const time = `${pad(Number(hour))}:${minute}:${second ?? "00"}`;
  return { date, at: `${date}T${time}${offsetMinutes === undefined ? "" : formatOffset(offsetMinutes)}` };
}

function validDate(year: number, month?: number, day?: number): boolean {
  if (year < 1000 || year > 2999) return false;
  if (month === undefined) return day === undefined;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `+0330`, `+03:30`, `Z` → minutes east of UTC. */
function isoOffset(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const digits = zone.replace(":", "");
  const sign = digits[0] === "-" ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return "Z";
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
