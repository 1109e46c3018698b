/**
 * Calendar arithmetic on `YYYY-MM-DD` / `YYYY-MM` / `YYYY` strings, in whole days (UTC). Day
 * numbers count days since 1970-01-01, so intervals compare as integers.
 */

const DAY_MS = 86_400_000;

/** Day number of a full date, or `undefined` when `s` is not `YYYY-MM-DD`. */
export function dayNumber(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number (proleptic Gregorian; arithmetic, no Date object: series call it per day). */
export function dayString(day: number): string {
  // Howard Hinnant's civil_from_days.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * The days a partial date covers, inclusive: `"2021-03-06"` → that day, `"2021-03"` → March,
 * `"2021"` → the year. `undefined` for anything else.
 */
export function dateInterval(s: string): [number, number] | undefined {
  const day = dayNumber(s);
  if (day !== undefined) return [day, day];
  let m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    return [Date.UTC(y, mo, 1) / DAY_MS, Date.UTC(y, mo + 1, 1) / DAY_MS - 1];
  }
  m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return [Date.UTC(y, 0, 1) / DAY_MS, Date.UTC(y + 1, 0, 1) / DAY_MS - 1];
  }
  return undefined;
}

/** First day (`YYYY-MM-DD`) a partial date covers; `undefined` when it is not a date. */
export function firstDay(s: string): string | undefined {
  const i = dateInterval(s);
  return i ? dayString(i[0]) : undefined;
}

/** Last day (`YYYY-MM-DD`) a date bound covers: `"2024-03"` → `"2024-03-31"`. */
export function lastDay(s: string): string | undefined {
  const i = dateInterval(s);
  return i ? dayString(i[1]) : undefined;
}

/** Period of a series: ISO weeks start on Monday. */
export type Period = "day" | "week" | "month" | "year";

/** The period holding `day`: its label and its first and last day numbers. */
export function periodOf(day: number, by: Period): { label: string; start: number; end: number } {
  const s = dayString(day);
  if (by === "day") return { label: s, start: day, end: day };
  if (by === "week") {
    // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
    const start = day - ((((day + 3) % 7) + 7) % 7);
    return { label: dayString(start), start, end: start + 6 };
  }
  const label = by === "month" ? s.slice(0, 7) : s.slice(0, 4);
  const [start, end] = dateInterval(label)!;
  return { label, start, end };
}
