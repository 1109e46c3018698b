/**
 * Resolves a time expression's reading ({@link Spec}) against the publication date into a TIMEX3
 * value with its type and precision. Partial dates ("Monday", "March", "March 7", "the third
 * quarter") are completed in the direction the clause's tense gives: the last one for the past
 * (a month name in a past clause always; a month and day unless the next is much closer), the
 * next one for the future, the nearest one when the tense is present, and the last one (unless
 * the next is much closer) when no verb says. Without a publication
 * date, partial dates get TIMEX's underspecified values ("XXXX-03-07", "XXXX-WXX-1") and shifts
 * from the publication date ("yesterday", "last year") are dropped.
 */
import type { TimeFact } from "../../core/index.ts";
import {
  addMonths,
  easterDays,
  fmtDay,
  fmtMonth,
  fmtWeek,
  fmtYear,
  fromDays,
  isValidDay,
  monthLength,
  toDays,
  weekday,
} from "./calendar.ts";
import type { Holiday, Tense } from "./lexicon.ts";
import type { CalSpec, Direction, RelSpec, Spec } from "./spec.ts";

/** The publication date as a calendar day and a day count. */
export interface Anchor {
  y: number;
  m: number;
  d: number;
  /** Days since 1970-01-01. */
  days: number;
}

/** A resolved value: TIMEX3 value, type and precision. */
export interface Resolved {
  value: string;
  type: NonNullable<TimeFact["type"]>;
  precision?: TimeFact["precision"];
}

/** Reads a `YYYY-MM-DD` publication date (a timestamp's date part is used); undefined for anything coarser. */
export function anchorOf(published: string | undefined): Anchor | undefined {
  if (published === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidDay(y, mo, d)) return undefined;
  return { y, m: mo, d, days: toDays(y, mo, d) };
}

const SEASONS = ["SP", "SU", "FA", "WI"];

/** Season index (0 SP .. 3 WI) and seasonal year of a month: January and February belong to the previous year's winter. */
function seasonOf(y: number, m: number): { y: number; s: number } {
  if (m <= 2) return { y: y - 1, s: 3 };
  return { y, s: m === 12 ? 3 : Math.floor((m - 3) / 3) };
}

/**
 * What the document said before an expression, for expressions anchored on the discourse:
 * the last year, quarter (as year * 4 + quarter - 1), month and day named.
 */
export interface Discourse {
  lastYear?: number;
  lastQuarter?: number;
  /** The last month named, as year * 12 + month - 1. */
  lastMonth?: number;
  /** The last day named, in days since 1970-01-01. */
  lastDay?: number;
  /** The last calendar time named (a day, month, year...), for "at the time". */
  last?: Resolved;
}

/**
 * Picks the period index (a month, quarter, season... counted from year 0) of a name that
 * repeats every `period` indexes: `target` is the index in the anchor's year, `now` the anchor's.
 * `shift` -1/1 asks strictly before/after now, 0 the one in the current cycle; otherwise `dir`
 * says last (inclusive), next (inclusive) or nearest. With `slack` > 0 the tense is a
 * preference, not a rule: the other side wins when it is more than `slack` times closer
 * ("payable Dec. 7" in late October is this December, not last year's).
 */
function pick(
  target: number,
  now: number,
  period: number,
  shift: number | undefined,
  d: Direction,
  slack = 0,
): number {
  if (shift === 0) return target;
  const before = target <= now ? target : target - period;
  const after = target >= now ? target : target + period;
  if (shift === -1) return before === now ? now - period : before;
  if (shift === 1) return after === now ? now + period : after;
  const db = now - before;
  const da = after - now;
  if (d < 0) return slack > 0 && da * slack < db ? after : before;
  if (d > 0) return slack > 0 && db * slack < da ? before : after;
  return db <= da ? before : after;
}

/**
 * How much closer the other occurrence must be to win over the one the tense prefers, for a
 * month and day: "extended the offer to Nov. 20" (a past verb reporting a coming date) and "will
 * take effect on March 2" said on March 7 (a past date in a future clause, most often a misread
 * tense) both go to the much nearer side.
 */
const DAY_SLACK = 3;
/**
 * The same for a month name in a clause with no verb ("payable in December", a headline): news
 * mostly reports the past, but a month just ahead wins. A clearly past clause ("visited in
 * April") takes the last April, however far back.
 */
const MONTH_SLACK = 3;

/**
 * The direction a clause tense completes a partial date in, and the slack it allows: past → the
 * last one unless the next is `slack` times closer; future → the next one unless the last is
 * `slack` times closer; present → the nearest; no verb → as the past (news mostly reports the
 * past).
 */
function lean(t: Tense | undefined, slack: number): { d: Direction; slack: number } {
  if (t === "future") return { d: 1, slack };
  if (t === "present") return { d: 0, slack: 0 };
  return { d: -1, slack };
}

/**
 * The lean of a month name: a clearly past clause takes the last one ("visited in April" in
 * March is last year's April), a future clause the next one, a present clause the nearest; a
 * verbless one ("payable in December") the last one unless the next is much closer.
 */
function monthLean(t: Tense | undefined): { d: Direction; slack: number } {
  if (t === "past") return { d: -1, slack: 0 };
  if (t === "future") return { d: 1, slack: 0 };
  return lean(t, MONTH_SLACK);
}

/**
 * A day value. A part of day ("Friday night", "this morning") is kept in the span but not in the
 * value: an event's day is what a timeline needs, and TimeBank annotates most such days plainly.
 */
function partday(value: string, _pd: string | undefined): Resolved {
  return { value, type: "DATE", precision: "day" };
}

/**
 * Whether to take the next occurrence of a day (`da` days ahead) rather than the last one (`db`
 * days back), as the clause tense and its slack say.
 */
function takeNext(db: number, da: number, t: Tense | undefined, slack: number): boolean {
  const l = lean(t, slack);
  if (l.d < 0) return l.slack > 0 && da * l.slack < db;
  if (l.d > 0) return !(l.slack > 0 && db * l.slack < da);
  return da < db;
}

/** Day count of a named day in year `y`. */
function holidayDays(h: Holiday, y: number): number {
  if (h.easter !== undefined) return easterDays(y) + h.easter;
  if (h.d !== undefined) return toDays(y, h.m, h.d);
  const wd = h.wd ?? 1;
  let days: number;
  if ((h.nth ?? 1) > 0) {
    const first = toDays(y, h.m, 1);
    days = first + ((wd - weekday(first) + 7) % 7) + 7 * ((h.nth ?? 1) - 1);
  } else {
    const last = toDays(y, h.m, monthLength(y, h.m));
    days = last - ((weekday(last) - wd + 7) % 7);
  }
  return days + (h.plus ?? 0);
}

/** A named day: in the year given, else the last/next one as the shift or the tense says. */
function resolveHoliday(
  s: CalSpec,
  h: Holiday,
  y: number | undefined,
  a: Anchor | undefined,
  tense: () => Tense | undefined,
): Resolved | undefined {
  let days: number;
  if (y !== undefined) days = holidayDays(h, y);
  else if (a === undefined) {
    if (h.d === undefined) return undefined;
    return partday(`XXXX-${String(h.m).padStart(2, "0")}-${String(h.d).padStart(2, "0")}`, s.partday);
  } else {
    const here = holidayDays(h, a.y);
    const before = here <= a.days ? here : holidayDays(h, a.y - 1);
    const after = here >= a.days ? here : holidayDays(h, a.y + 1);
    const db = a.days - before;
    const da = after - a.days;
    if (s.shift === -1) days = before === a.days ? holidayDays(h, a.y - 1) : before;
    else if (s.shift === 1) days = after === a.days ? holidayDays(h, a.y + 1) : after;
    else days = takeNext(db, da, tense(), DAY_SLACK) ? after : before;
  }
  const ymd = fromDays(days);
  return partday(fmtDay(ymd.y, ymd.m, ymd.d), s.partday);
}

function resolveCal(s: CalSpec, a: Anchor | undefined, tense: () => Tense | undefined): Resolved | undefined {
  if (s.decade !== undefined) return { value: String(s.decade), type: "DATE", precision: "decade" };
  if (s.century !== undefined) return { value: String(s.century), type: "DATE", precision: "century" };
  let y = s.y;
  if (y === undefined && s.yRel !== undefined && a !== undefined) y = a.y + s.yRel;
  if (s.holiday !== undefined) return resolveHoliday(s, s.holiday, y, a, tense);
  if (s.clock !== undefined) {
    const day =
      s.m !== undefined && s.d !== undefined ? resolveCal({ ...s, clock: undefined }, a, tense) : undefined;
    const base = day?.value ?? (a !== undefined ? fmtDay(a.y, a.m, a.d) : "XXXX-XX-XX");
    return { value: `${base}T${s.clock}`, type: "TIME", precision: "time" };
  }
  if (y !== undefined) {
    if (s.m !== undefined && s.d !== undefined) {
      if (!isValidDay(y, s.m, s.d)) return undefined;
      return partday(fmtDay(y, s.m, s.d), s.partday);
    }
    if (s.m !== undefined) return { value: fmtMonth(y, s.m), type: "DATE", precision: "month" };
    if (s.q !== undefined) return { value: `${fmtYear(y)}-Q${s.q}`, type: "DATE", precision: "quarter" };
    if (s.half !== undefined) return { value: `${fmtYear(y)}-H${s.half}`, type: "DATE" };
    if (s.season !== undefined)
      return { value: `${fmtYear(y)}-${s.season}`, type: "DATE", precision: "season" };
    return { value: fmtYear(y), type: "DATE", precision: "year" };
  }
  if (a === undefined) return underspecified(s);
  if (s.m !== undefined && s.d !== undefined) {
    if (s.d > 31) return undefined;
    // Which year: the last/next occurrence of this month and day, as the tense prefers.
    const mm = s.m;
    const dd = s.d;
    const ok = (yy: number): boolean => isValidDay(yy, mm, dd);
    const prevY = ok(a.y) && toDays(a.y, mm, dd) <= a.days ? a.y : a.y - 1;
    const nextY = ok(a.y) && toDays(a.y, mm, dd) >= a.days ? a.y : a.y + 1;
    if (!ok(prevY) && !ok(nextY)) return undefined;
    const before = ok(prevY) ? toDays(prevY, mm, dd) : Number.NEGATIVE_INFINITY;
    const after = ok(nextY) ? toDays(nextY, mm, dd) : Number.POSITIVE_INFINITY;
    const db = a.days - before;
    const da = after - a.days;
    return partday(fmtDay(takeNext(db, da, tense(), DAY_SLACK) ? nextY : prevY, mm, dd), s.partday);
  }
  if (s.m !== undefined) {
    // "last February" said in March is a year back: the month just gone would be "last month".
    if (s.shift === -1 && (a.m - s.m + 12) % 12 === 1) {
      return { value: fmtMonth(a.m === 1 ? a.y - 2 : a.y - 1, s.m), type: "DATE", precision: "month" };
    }
    const { d, slack } = s.shift === undefined ? monthLean(tense()) : { d: 0 as Direction, slack: 0 };
    const k = pick(a.y * 12 + s.m - 1, a.y * 12 + a.m - 1, 12, s.shift, d, slack);
    return { value: fmtMonth(Math.floor(k / 12), (k % 12) + 1), type: "DATE", precision: "month" };
  }
  if (s.wd !== undefined) {
    const now = a.days;
    const target = now - weekday(now) + s.wd;
    // A weekday in a present-tense clause is a coming one ("the talks resume Monday"); with no
    // verb at all, the last one (news reports the week just gone).
    const t = s.shift === undefined ? tense() : undefined;
    const days = pick(target, now, 7, s.shift, t === "future" || t === "present" ? 1 : -1);
    const ymd = fromDays(days);
    return partday(fmtDay(ymd.y, ymd.m, ymd.d), s.partday);
  }
  if (s.q !== undefined) {
    // A quarter named without a year is this year's or the last one: companies forecast and
    // report the quarter under way or just ended, rarely one a year ahead.
    const k = pick(a.y * 4 + s.q - 1, a.y * 4 + Math.floor((a.m - 1) / 3), 4, s.shift, -1);
    return { value: `${fmtYear(Math.floor(k / 4))}-Q${(k % 4) + 1}`, type: "DATE", precision: "quarter" };
  }
  if (s.half !== undefined) {
    const k = pick(a.y * 2 + s.half - 1, a.y * 2 + (a.m > 6 ? 1 : 0), 2, s.shift, -1);
    return { value: `${fmtYear(Math.floor(k / 2))}-H${(k % 2) + 1}`, type: "DATE" };
  }
  if (s.season !== undefined) {
    const now = seasonOf(a.y, a.m);
    const k = pick(
      now.y * 4 + SEASONS.indexOf(s.season),
      now.y * 4 + now.s,
      4,
      s.shift,
      s.shift === undefined ? lean(tense(), 0).d : 0,
    );
    return { value: `${fmtYear(Math.floor(k / 4))}-${SEASONS[k % 4]}`, type: "DATE", precision: "season" };
  }
  return undefined;
}

/** TIMEX underspecified values for partial dates when there is no publication date. */
function underspecified(s: CalSpec): Resolved | undefined {
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  if (s.m !== undefined && s.d !== undefined) return partday(`XXXX-${pad(s.m)}-${pad(s.d)}`, s.partday);
  if (s.m !== undefined) return { value: `XXXX-${pad(s.m)}`, type: "DATE", precision: "month" };
  if (s.wd !== undefined) return partday(`XXXX-WXX-${s.wd}`, s.partday);
  if (s.q !== undefined) return { value: `XXXX-Q${s.q}`, type: "DATE", precision: "quarter" };
  if (s.half !== undefined) return { value: `XXXX-H${s.half}`, type: "DATE" };
  if (s.season !== undefined) return { value: `XXXX-${s.season}`, type: "DATE", precision: "season" };
  return undefined;
}

const quarterValue = (k: number): Resolved => ({
  value: `${fmtYear(Math.floor(k / 4))}-Q${(k % 4) + 1}`,
  type: "DATE",
  precision: "quarter",
});

function resolveRel(
  s: RelSpec,
  a: Anchor | undefined,
  tense: () => Tense | undefined,
  ctx: Discourse,
): Resolved | undefined {
  if (s.anaphor === "that") {
    if (s.unit === "T") return ctx.last;
    if (s.unit === "Y" && ctx.lastYear !== undefined) {
      return { value: fmtYear(ctx.lastYear + s.n), type: "DATE", precision: "year" };
    }
    if (s.unit === "Q" && ctx.lastQuarter !== undefined) return quarterValue(ctx.lastQuarter);
    if (s.unit === "M" && ctx.lastMonth !== undefined) {
      const k = ctx.lastMonth + s.n;
      return { value: fmtMonth(Math.floor(k / 12), (k % 12) + 1), type: "DATE", precision: "month" };
    }
    if (s.unit === "W" && ctx.lastDay !== undefined) {
      return { value: fmtWeek(ctx.lastDay + 7 * s.n), type: "DATE", precision: "week" };
    }
    if (s.unit === "D" && ctx.lastDay !== undefined) {
      const ymd = fromDays(ctx.lastDay + s.n);
      return partday(fmtDay(ymd.y, ymd.m, ymd.d), s.partday);
    }
    return undefined;
  }
  if (s.anaphor === "year-ago" && ctx.lastQuarter !== undefined) return quarterValue(ctx.lastQuarter - 4);
  if (a === undefined) return undefined;
  let n = s.n;
  switch (s.unit) {
    case "D": {
      const ymd = fromDays(a.days + n);
      return partday(fmtDay(ymd.y, ymd.m, ymd.d), s.partday);
    }
    case "W":
      return { value: fmtWeek(a.days + 7 * n), type: "DATE", precision: "week" };
    case "WE": {
      // The weekend just past when reported in the past tense (unless today is in it), else this week's.
      if (s.byTense && tense() !== "future" && weekday(a.days) < 6) n -= 1;
      return { value: `${fmtWeek(a.days + 7 * n)}-WE`, type: "DATE", precision: "week" };
    }
    case "M": {
      const ym = addMonths(a.y, a.m, n);
      return { value: fmtMonth(ym.y, ym.m), type: "DATE", precision: "month" };
    }
    case "Q": {
      // "the quarter", "the latest quarter" early in a quarter is the one just closed (earnings
      // season); in its last month, the one under way.
      if (s.byTense && (a.m - 1) % 3 < 2) n -= 1;
      return quarterValue(a.y * 4 + Math.floor((a.m - 1) / 3) + n);
    }
    case "Y":
      return { value: fmtYear(a.y + n), type: "DATE", precision: "year" };
    case "DE":
      return { value: String(Math.floor(a.y / 10) + n), type: "DATE", precision: "decade" };
    case "CE":
      return { value: String(Math.floor(a.y / 100) + n), type: "DATE", precision: "century" };
    default:
      return undefined;
  }
}

/**
 * The TIMEX3 value of a reading: `a` is the publication date (undefined when unknown); `tense` is
 * asked, only when needed, for the tense of the clause (undefined when no verb says).
 */
export function resolve(
  spec: Spec,
  a: Anchor | undefined,
  tense: () => Tense | undefined,
  ctx: Discourse = {},
): Resolved | undefined {
  switch (spec.kind) {
    case "cal": {
      const r = resolveCal(spec, a, tense);
      // "the week of March 6": the ISO week of the day read.
      if (spec.weekOf && r?.precision === "day") {
        const v = r.value;
        const days = toDays(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)));
        return { value: fmtWeek(days), type: "DATE", precision: "week" };
      }
      return r;
    }
    case "rel":
      return resolveRel(spec, a, tense, ctx);
    case "ref":
      return { value: spec.value, type: "DATE" };
    case "set":
      return { value: spec.value, type: "SET" };
    case "dur":
      return { value: spec.value, type: "DURATION" };
  }
}
