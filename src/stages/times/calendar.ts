/**
 * Calendar arithmetic on the proleptic Gregorian calendar, with days counted as integers (days
 * since 1970-01-01) so no `Date` object or time zone is involved. Months are 1-12, weekdays
 * 1 (Monday) to 7 (Sunday) as ISO 8601 numbers them.
 */

/** A calendar day: year, month 1-12, day 1-31. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 of a calendar day (Howard Hinnant's days_from_civil). */
export function toDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar day of a day count (inverse of {@link toDays}). */
export function fromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** ISO weekday of a day count: 1 Monday .. 7 Sunday (1970-01-01 was a Thursday). */
export function weekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** Number of days in a month. */
export function monthLength(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when y-m-d is a day of the calendar. */
export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m);
}

/** ISO 8601 week of a day count: the week-numbering year and week 1-53. */
export function isoWeek(days: number): { y: number; w: number } {
  const thursday = days - weekday(days) + 4;
  const y = fromDays(thursday).y;
  return { y, w: Math.floor((thursday - toDays(y, 1, 1)) / 7) + 1 };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Four-digit year (years before 1000 zero-padded, as TIMEX3 writes them). */
export function fmtYear(y: number): string {
  return y >= 1000 ? String(y) : String(y).padStart(4, "0");
}

/** `YYYY-MM-DD`. */
export function fmtDay(y: number, m: number, d: number): string {
  return `${fmtYear(y)}-${pad2(m)}-${pad2(d)}`;
}

/** `YYYY-MM`. */
export function fmtMonth(y: number, m: number): string {
  return `${fmtYear(y)}-${pad2(m)}`;
}

/** `YYYY-Www` for the ISO week holding a day count. */
export function fmtWeek(days: number): string {
  const { y, w } = isoWeek(days);
  return `${fmtYear(y)}-W${pad2(w)}`;
}

/** `HH:MM` on a 24-hour clock. */
export function fmtClock(h: number, min: number): string {
  return `${pad2(h)}:${pad2(min)}`;
}

/** Adds months to a (year, month) pair. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (((k % 12) + 12) % 12) + 1 };
}

/** Day count of (Western) Easter Sunday in year `y` (the anonymous Gregorian computus). */
export function easterDays(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toDays(y, month, day);
}
