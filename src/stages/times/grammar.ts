/**
 * The time-expression grammar: a small hand-written parser over a sentence's word units. Each
 * rule reads a pattern ("last" + unit, month + day + year, count + unit + "ago"...) starting at
 * one unit and returns its reading ({@link Spec}); resolving it against the publication date is
 * `resolve.ts`'s job. Only units that can start a time expression are tried (numbers, lexicon
 * words, "the", "fiscal"), so most words cost one map lookup.
 */
import { type Entry, HOLIDAYS, LEXICON } from "./lexicon.ts";
import type { CalSpec, Match, RelSpec, Spec } from "./spec.ts";
import type { Unit } from "./units.ts";

/** A reading of units `[.., to)` before the span start is fixed. */
interface Core {
  to: number;
  spec: Spec;
  rule: string;
  /** A second expression read in the same pass (the "18, 2017" of "October 17 and 18, 2017"). */
  extra?: Match;
  /** Where the expression starts when that is not where reading began ("the 2015 deal" is "2015"). */
  from?: number;
}

const lex = (u: Unit | undefined): Entry | undefined => (u === undefined ? undefined : LEXICON.get(u.w));
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;
const SLASH_DATE = /^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})$/;
const CLOCK = /^(\d{1,2}):(\d{2})$/;
const ORDINAL_DAY = /^(\d{1,2})(?:st|nd|rd|th)$/;
const DECADE = /^(1\d|20)(\d)0s$/;
const SHORT_DECADE = /^['’](\d)0s$/;
const QUARTER_CODE = /^q([1-4])$/;
const MERIDIEM = new Set(["a.m.", "am", "p.m.", "pm", "a.m", "p.m"]);
const FULL_NAMES = new Set(["may", "june", "july"]);
/** Words after which a capitalised "May" or a four-digit number in 1000-1899 is read as a date. */
const DATE_PREPS = new Set([
  "in",
  "since",
  "until",
  "till",
  "by",
  "from",
  "of",
  "to",
  "through",
  "during",
  "before",
  "after",
  "early",
  "late",
  "mid",
  "last",
  "next",
  "this",
  "around",
  "circa",
  "and",
  "or",
  "year",
  "fiscal",
  "between",
  "on",
  "the",
]);
/** Words before a number that make it not a date ("$2015", "No. 1990"). */
const NOT_DATE_BEFORE = new Set(["$", "€", "£", "¥", "no", "number", "#", "flight", "route", "page", "rs"]);
/** Words after a number that make it a quantity, not a year. */
const NOT_YEAR_AFTER = new Set(["%", "percent", "per", "pct", "to", "-", "times", "of"]);
/** Adjectives between "the" and a unit that keep it the current one ("the full year", "the current fiscal year"). */
const UNIT_ADJECTIVES = new Set([
  "full",
  "current",
  "fiscal",
  "calendar",
  "whole",
  "entire",
  "latest",
  "recent",
  "most",
]);
const SEASON_GATES = new Set([
  "the",
  "in",
  "this",
  "last",
  "next",
  "during",
  "since",
  "by",
  "until",
  "early",
  "late",
]);

/** Reads an integer day of month (digits or "7th") at `i`, or 0. */
function dayAt(u: Unit[], i: number): number {
  const x = u[i];
  if (x === undefined) return 0;
  let n = x.n;
  if (Number.isNaN(n)) {
    const m = ORDINAL_DAY.exec(x.w);
    if (m === null) return 0;
    n = Number(m[1]);
  }
  return n >= 1 && n <= 31 && x.w.length <= 4 ? n : 0;
}

/** Reads a four-digit year (1000-2199) at `i`, or 0. */
function yearAt(u: Unit[], i: number): number {
  const x = u[i];
  if (x === undefined || x.w.length !== 4) return 0;
  return x.n >= 1000 && x.n <= 2199 ? x.n : 0;
}

/** Reads a month name at `i`, gated against the common words "may", "march" and bare abbreviations; 0 when none. */
function monthAt(u: Unit[], i: number): number {
  const x = u[i];
  if (x === undefined || !x.cap) return 0;
  const m = lex(x)?.month;
  if (m === undefined) return 0;
  const numberNext = dayAt(u, i + 1) > 0 || yearAt(u, i + 1) > 0;
  const abbreviated = x.w.length <= 4 && !FULL_NAMES.has(x.w);
  if (abbreviated && !x.raw.endsWith(".") && !numberNext) return 0;
  if (x.w === "may" || x.w === "march") {
    if (numberNext) return Number(m);
    const prev = u[i - 1];
    if (prev === undefined || !DATE_PREPS.has(prev.w)) return 0;
  }
  return Number(m);
}

/** Reads a weekday name at `i` (abbreviations only with their period); 0 when none. */
function weekdayAt(u: Unit[], i: number): number {
  const x = u[i];
  if (x === undefined) return 0;
  const wd = lex(x)?.weekday;
  if (wd === undefined || !x.cap) return 0;
  if (x.w.length <= 5 && !x.w.endsWith("day") && !x.raw.endsWith(".")) return 0;
  return Number(wd);
}

/** Reads a cardinal number (digits, "twenty four", "a", "several") at `i`: value (-1 unknown) and end, or undefined. */
function numberAt(u: Unit[], i: number): { v: number; to: number } | undefined {
  const x = u[i];
  if (x === undefined) return undefined;
  if (!Number.isNaN(x.n)) return { v: x.n, to: i + 1 };
  if (/^\d+(?:\.\d+)?$/.test(x.w)) return { v: Number(x.w), to: i + 1 };
  let j = i;
  if (x.w === "a" && (u[i + 1]?.w === "few" || u[i + 1]?.w === "couple")) j++;
  const e = lex(u[j])?.number;
  if (e === undefined) return undefined;
  let v = Number(e);
  j++;
  if (u[j - 1].w === "couple" && u[j]?.w === "of") j++;
  // "twenty four", "twenty-four"
  if (v >= 20 && v < 100 && v % 10 === 0) {
    const n2 = Number(lex(u[j])?.number ?? Number.NaN);
    if (n2 >= 1 && n2 <= 9) {
      v += n2;
      j++;
    }
  }
  if (u[j]?.w === "hundred" && v >= 1 && v < 100) {
    v *= 100;
    j++;
  }
  return { v, to: j };
}

/** Reads a spoken year ("nineteen ninety-four", "nineteen seventy-nine") at `i`. */
function spokenYearAt(u: Unit[], i: number): { y: number; to: number } | undefined {
  const a = Number(lex(u[i])?.number ?? Number.NaN);
  if (!(a >= 10 && a <= 20)) return undefined;
  const b = numberAt(u, i + 1);
  if (b === undefined || b.v < 10 || b.v > 99 || !Number.isNaN(u[i + 1].n)) return undefined;
  return { y: a * 100 + b.v, to: b.to };
}

/** Reads "of 1990", ", 1990", "1990", "of last year", "last year", "next year" after a partial date: year fields and end. */
function yearSuffix(u: Unit[], i: number): { y?: number; yRel?: number; to: number } | undefined {
  let j = i;
  if (u[j]?.w === "of" || u[j]?.w === ",") j++;
  const y = yearAt(u, j);
  if (y > 0) return { y, to: j + 1 };
  const shift = lex(u[j])?.shift;
  if (shift !== undefined && u[j + 1]?.w === "year" && u[j].w !== "past") {
    return { yRel: Number(shift), to: j + 2 };
  }
  if (u[j]?.w === "the" && u[j + 1]?.w === "year" && u[j - 1]?.w === "of" && u[j + 2]?.w !== "before") {
    return { yRel: 0, to: j + 2 };
  }
  return undefined;
}

/** Applies a year suffix to a calendar reading, when there is one. */
function withYear(u: Unit[], to: number, spec: CalSpec): { to: number; spec: CalSpec } {
  const s = yearSuffix(u, to);
  if (s === undefined) return { to, spec };
  if (s.y !== undefined) spec.y = s.y;
  if (s.yRel !== undefined) spec.yRel = s.yRel;
  return { to: s.to, spec };
}

/** The unit a unit word stands for ("years" → Y), and whether it was plural. */
function unitAt(u: Unit[], i: number): { unit: string; plural: boolean } | undefined {
  const x = u[i];
  const unit = lex(x)?.unit;
  if (unit === undefined) return undefined;
  return { unit, plural: x!.w.endsWith("s") && x!.w !== "hours" ? true : x!.w.endsWith("s") };
}

/** TIMEX duration of n units: P3Y, P2W, PT5H; n -1 (unknown) gives PXY. */
function duration(n: number, unit: string): string {
  const q = n < 0 ? "X" : String(n);
  if (unit === "H") return `PT${q}H`;
  if (unit === "MIN") return `PT${q}M`;
  if (unit === "2W") return n < 0 ? "PXW" : `P${n * 2}W`;
  if (unit === "DE") return n < 0 ? "PXDE" : `P${n * 10}Y`;
  if (unit === "CE") return n < 0 ? "PXCE" : `P${n * 100}Y`;
  return `P${q}${unit}`;
}

/** Reads a part of day after a day expression ("Friday morning", "yesterday afternoon"). */
function partdayAt(u: Unit[], i: number): string | undefined {
  return lex(u[i])?.partday;
}

/** Reads a clock time ("10:12", "10:12 a.m.", "9 p.m.") at `i`. */
function clockAt(u: Unit[], i: number): { clock: string; to: number } | undefined {
  const x = u[i];
  if (x === undefined) return undefined;
  let h: number;
  let min = 0;
  let j = i + 1;
  const m = CLOCK.exec(x.w);
  if (m !== null) {
    h = Number(m[1]);
    min = Number(m[2]);
  } else if (x.n >= 1 && x.n <= 12 && MERIDIEM.has(u[j]?.w ?? "")) {
    h = x.n;
  } else return undefined;
  const mer = u[j]?.w ?? "";
  if (MERIDIEM.has(mer)) {
    if (mer.startsWith("p") && h < 12) h += 12;
    if (mer.startsWith("a") && h === 12) h = 0;
    j++;
  }
  if (h > 23 || min > 59) return undefined;
  return { clock: `${h < 10 ? "0" : ""}${h}:${min < 10 ? "0" : ""}${min}`, to: j };
}

/** Month + day (+ range) (+ year), or month + year, or month alone, starting at the month name `i`. */
function readMonth(u: Unit[], i: number, m: number): Core {
  const d = dayAt(u, i + 1);
  if (d > 0 && !(u[i + 1].w.length === 4)) {
    const to = i + 2;
    // Range of days in one month: "October 17 and 18, 2017", "March 3-5".
    const sep = u[to]?.w;
    const d2 = sep === "and" || sep === "to" || sep === "through" || sep === "–" ? dayAt(u, to + 1) : 0;
    const d2Hy = d2 === 0 && u[to]?.hy === true ? dayAt(u, to) : 0;
    if (d2 > d || d2Hy > d) {
      const from2 = d2 > 0 ? to + 1 : to;
      const r = withYear(u, from2 + 1, { kind: "cal", m, d: d2 || d2Hy });
      const spec1: CalSpec = { kind: "cal", m, d, y: r.spec.y, yRel: r.spec.yRel };
      return {
        to,
        spec: spec1,
        rule: "month-day-range",
        extra: { from: from2, to: r.to, spec: r.spec, rule: "month-day-range" },
      };
    }
    if (u[to]?.w === "," && yearAt(u, to + 1) > 0)
      return { to: to + 2, spec: { kind: "cal", m, d, y: u[to + 1].n }, rule: "month-day-year" };
    if (yearAt(u, to) > 0)
      return { to: to + 1, spec: { kind: "cal", m, d, y: u[to].n }, rule: "month-day-year" };
    return { to, spec: { kind: "cal", m, d }, rule: "month-day" };
  }
  const sy = spokenYearAt(u, i + 1);
  if (sy !== undefined) return { to: sy.to, spec: { kind: "cal", m, y: sy.y }, rule: "month-year" };
  const r = withYear(u, i + 1, { kind: "cal", m });
  return { to: r.to, spec: r.spec, rule: r.spec.y !== undefined ? "month-year" : "month" };
}

/** Weekday (+ part of day) (+ ", March 7, 2021"), starting at the weekday name `i`. */
function readWeekday(u: Unit[], i: number, wd: number, shift?: number): Core {
  let to = i + 1;
  let j = to;
  if (u[j]?.w === ",") j++;
  const m = monthAt(u, j);
  if (m > 0 && dayAt(u, j + 1) > 0) {
    const r = readMonth(u, j, m);
    if (r.spec.kind === "cal") {
      r.spec.wd = wd;
      return { to: r.to, spec: r.spec, rule: "weekday-date", extra: r.extra };
    }
  }
  const d = dayAt(u, j);
  const m2 = d > 0 ? monthAt(u, j + 1) : 0;
  if (m2 > 0) {
    const r = withYear(u, j + 2, { kind: "cal", m: m2, d, wd });
    return { to: r.to, spec: r.spec, rule: "weekday-date" };
  }
  const spec: CalSpec = { kind: "cal", wd };
  if (shift !== undefined) spec.shift = shift;
  const pd = partdayAt(u, to);
  if (pd !== undefined) {
    spec.partday = pd;
    to++;
  }
  return { to, spec, rule: shift === undefined ? "weekday" : "shift-weekday" };
}

/** Ordinal + quarter/half ("third quarter", "the first half of 1990"), ordinal at `i`. */
function readQuarter(u: Unit[], i: number, y?: number): Core | undefined {
  const ord = lex(u[i])?.ordinal;
  if (ord === undefined) return undefined;
  let j = i + 1;
  if (u[j]?.w === "fiscal") j++;
  const unit = u[j]?.w;
  const n = Number(ord);
  let spec: CalSpec;
  if (unit === "quarter" && n >= 1 && n <= 4) spec = { kind: "cal", q: n };
  else if (unit === "half" && n >= 1 && n <= 2) spec = { kind: "cal", half: n };
  else return undefined;
  if (y !== undefined) spec.y = y;
  const r = y === undefined ? withYear(u, j + 1, spec) : { to: j + 1, spec };
  return { to: r.to, spec: r.spec, rule: unit === "quarter" ? "quarter" : "half" };
}

/** After a shift word ("last", "next", "this", "the past") at `i`: the unit, name or count it shifts. */
function readShift(u: Unit[], i: number, the: boolean): Core | undefined {
  const x = u[i];
  // "this past spring", "this coming Monday": the second word says which one.
  const pastOrComing = x.w === "this" && (u[i + 1]?.w === "past" || u[i + 1]?.w === "coming");
  const shift = Number(lex(pastOrComing ? u[i + 1] : x)?.shift);
  const j = pastOrComing ? i + 2 : i + 1;
  const un = unitAt(u, j);
  if (x.w === "past" && !the && !un?.plural) return undefined;
  // "the following month" counts from a time named earlier, which only "the following year" tracks.
  if ((x.w === "following" || x.w === "preceding") && the && un !== undefined) return undefined;
  if (un !== undefined) {
    if (un.plural) {
      const value = shift < 0 ? "PAST_REF" : shift > 0 ? "FUTURE_REF" : "PRESENT_REF";
      return { to: j + 1, spec: { kind: "ref", value }, rule: "shift-units" };
    }
    if (un.unit === "H" || un.unit === "MIN" || un.unit === "2W") return undefined;
    if (un.unit === "D") return undefined;
    // "this year's third quarter", "last year's first half"
    if (un.unit === "Y" && u[j + 1]?.w === "'s") {
      const q = readQuarter(u, j + 2);
      if (q !== undefined && q.spec.kind === "cal") {
        q.spec.yRel = shift;
        return { to: q.to, spec: q.spec, rule: "year-quarter" };
      }
    }
    return { to: j + 1, spec: { kind: "rel", unit: un.unit, n: shift }, rule: "shift-unit" };
  }
  const num = numberAt(u, j);
  if (num !== undefined) {
    const un2 = unitAt(u, num.to);
    if (un2 !== undefined && (un2.plural || num.v === 1)) {
      const value = num.v < 0 ? (shift < 0 ? "PAST_REF" : "FUTURE_REF") : duration(num.v, un2.unit);
      return { to: num.to + 1, spec: { kind: num.v < 0 ? "ref" : "dur", value }, rule: "shift-count-unit" };
    }
  }
  const season = lex(u[j])?.season;
  if (season !== undefined) {
    const r = withYear(u, j + 1, { kind: "cal", season, shift });
    return { to: r.to, spec: r.spec, rule: "shift-season" };
  }
  const m = monthAt(u, j) || (u[j]?.cap && lex(u[j])?.month !== undefined ? Number(lex(u[j])?.month) : 0);
  if (m > 0) {
    if (dayAt(u, j + 1) > 0) return readMonth(u, j, m);
    return { to: j + 1, spec: { kind: "cal", m, shift }, rule: "shift-month" };
  }
  const wd = weekdayAt(u, j);
  if (wd > 0) return readWeekday(u, j, wd, shift);
  const hol = readHoliday(u, j, shift);
  if (hol !== undefined) return hol;
  const pd = partdayAt(u, j);
  if (pd !== undefined && x.w !== "past") {
    if (shift === 1) return undefined;
    return {
      to: j + 1,
      spec: { kind: "rel", unit: "D", n: shift < 0 && pd === "NI" ? -1 : 0, partday: pd },
      rule: "shift-partday",
    };
  }
  return undefined;
}

/** Reads a named day ("Thanksgiving Day", "Christmas Eve", "New Year's Day") at `i`, capitalised. */
function readHoliday(u: Unit[], i: number, shift?: number): Core | undefined {
  const list = HOLIDAYS.get(u[i]?.w ?? "");
  if (list === undefined || !u[i].cap) return undefined;
  for (const h of list) {
    let ok = true;
    for (let k = 1; k < h.words.length && ok; k++) ok = u[i + k]?.w === h.words[k];
    if (!ok) continue;
    const spec: CalSpec = { kind: "cal", holiday: h };
    if (shift !== undefined) spec.shift = shift;
    const r = withYear(u, i + h.words.length, spec);
    return { to: r.to, spec: r.spec, rule: "holiday" };
  }
  return undefined;
}

/** Words naming what an anaphoric expression counts: a day (or a part of one), a week, a month, a year. */
const ANAPHOR_UNITS = new Map([
  ["day", "D"],
  ["morning", "D"],
  ["afternoon", "D"],
  ["evening", "D"],
  ["night", "D"],
  ["week", "W"],
  ["month", "M"],
  ["year", "Y"],
]);

/**
 * "that day", "that same month", "the same week", "the following month", "the next morning",
 * "the previous day", "the day before" (closing a clause), "later in the day", "at the time": a
 * day, week, month or year counted from the last one the document named (for "at the time", the
 * last time named, as precise as it was named). "the next week" and "the next month" are left to the
 * publication date ("talks over the next month").
 */
function readAnaphor(u: Unit[], k: number, the: boolean): Core | undefined {
  const x = u[k];
  let j = k + 1;
  let n = 0;
  if (x.w === "that" && !the) {
    if (u[j]?.w === "same") j++;
  } else if (the && x.w === "same") {
    // "the same day"
  } else if (the && (x.w === "following" || x.w === "next")) n = 1;
  else if (the && (x.w === "previous" || x.w === "preceding")) n = -1;
  else if (
    the &&
    x.w === "time" &&
    u[k - 2]?.w === "at" &&
    (u[k + 1] === undefined || u[k + 1].pos === "PUNCT")
  ) {
    // "at the time,": whenever was last named, at the precision it was named with; not "at the
    // time he was captured", which names its own time.
    return { to: k + 1, spec: { kind: "rel", unit: "T", n: 0, anaphor: "that" }, rule: "anaphor" };
  } else if (the && x.w === "day") {
    // "later in the day": the day last named.
    const before = u[k - 3]?.w;
    if (u[k - 2]?.w === "in" && (before === "later" || before === "earlier")) {
      return { to: k + 1, spec: { kind: "rel", unit: "D", n: 0, anaphor: "that" }, rule: "anaphor" };
    }
    // "the day before." / "the day after," but not "the day after his death", counted from that death.
    const dir = u[k + 1]?.w;
    const after = u[k + 2];
    if ((dir === "before" || dir === "after") && (after === undefined || after.pos === "PUNCT")) {
      const spec: RelSpec = { kind: "rel", unit: "D", n: dir === "before" ? -1 : 1, anaphor: "that" };
      return { to: k + 2, spec, rule: "anaphor" };
    }
    return undefined;
  } else return undefined;
  const w = u[j]?.w ?? "";
  const unit = ANAPHOR_UNITS.get(w);
  if (unit === undefined || (x.w === "next" && unit !== "D")) return undefined;
  // "that year" and "the following year" have their own rules.
  if (unit === "Y" && (x.w === "that" || x.w === "following")) return undefined;
  const spec: RelSpec = { kind: "rel", unit, n, anaphor: "that" };
  const pd = lex(u[j])?.partday;
  if (pd !== undefined) spec.partday = pd;
  return { to: j + 1, spec, rule: "anaphor" };
}

/** "every week", "each year", "every other month", "every Monday", "twice a year", "daily": recurring times (TIMEX SET). */
function readSet(u: Unit[], k: number): Core | undefined {
  const x = u[k];
  const set = lex(x)?.set;
  if (set !== undefined) {
    // "the party daily printed", "the Communist Party daily Granma": a newspaper, not a frequency.
    const prev = u[k - 1]?.pos;
    const next = u[k + 1]?.pos;
    if ((prev === "NOUN" || prev === "PROPN") && (next === "PROPN" || next === "VERB")) return undefined;
    return { to: k + 1, spec: { kind: "set", value: set }, rule: "set" };
  }
  if (x.w === "every" || x.w === "each") {
    let j = k + 1;
    let n = 1;
    if (u[j]?.w === "other") {
      n = 2;
      j++;
    } else {
      const num = numberAt(u, j);
      if (num !== undefined && num.v > 1 && u[j].w !== "a") {
        n = num.v;
        j = num.to;
      }
    }
    const wd = weekdayAt(u, j);
    if (wd > 0 && n === 1) return { to: j + 1, spec: { kind: "set", value: `XXXX-WXX-${wd}` }, rule: "set" };
    const un = unitAt(u, j);
    if (un === undefined || un.unit === "WE" || un.unit === "2W" || (n === 1 && un.plural)) return undefined;
    return { to: j + 1, spec: { kind: "set", value: duration(n, un.unit) }, rule: "set" };
  }
  // "twice a year", "three times a week": the frequency is kept in the span, the period in the value.
  let j: number;
  if (x.w === "twice" || x.w === "once") j = k + 1;
  else {
    const num = numberAt(u, k);
    if (num === undefined || u[num.to]?.w !== "times") return undefined;
    j = num.to + 1;
  }
  const per = u[j]?.w;
  if (per !== "a" && per !== "per" && per !== "every") return undefined;
  const un = unitAt(u, j + 1);
  if (un === undefined || un.plural || un.unit === "WE" || un.unit === "2W") return undefined;
  return { to: j + 2, spec: { kind: "set", value: duration(1, un.unit) }, rule: "set" };
}

/** Reads a time expression whose first word (after an optional "the") is at `k`. */
function core(u: Unit[], k0: number): Core | undefined {
  let k = k0;
  const the = u[k]?.w === "the";
  if (the) k++;
  const x = u[k];
  if (x === undefined) return undefined;
  const e = lex(x);
  const hol = readHoliday(u, k);
  if (hol !== undefined) return hol;
  const an = readAnaphor(u, k, the);
  if (an !== undefined) return an;
  if (!the) {
    const set = readSet(u, k);
    if (set !== undefined) return set;
  }

  if (x.w === "year" && (u[k + 1]?.w === "earlier" || u[k + 1]?.w === "ago") && (u[k + 1].hy || the)) {
    // "the year-earlier quarter", "year-ago levels", "the year-ago period"
    const next = u[k + 2]?.w;
    if (next === "quarter") {
      return {
        to: k + 3,
        spec: { kind: "rel", unit: "Q", n: -4, byTense: true, anaphor: "year-ago" },
        rule: "year-earlier-quarter",
      };
    }
    const to = next === "period" ? k + 3 : k + 2;
    return { to, spec: { kind: "rel", unit: "Y", n: -1, anaphor: "year-ago" }, rule: "year-earlier" };
  }
  if (x.w === "year" && !the && (u[k + 1]?.w === "end" || (u[k + 1]?.w === "'s" && u[k + 2]?.w === "end"))) {
    // "by year-end", "by year's end"
    const to = u[k + 1].w === "end" ? k + 2 : k + 3;
    return { to, spec: { kind: "rel", unit: "Y", n: 0, mod: "END" }, rule: "year-end" };
  }
  if (the && (x.w === "following" || x.w === "next") && u[k + 1]?.w === "year") {
    // "the following year": the year after the one last named
    return { to: k + 2, spec: { kind: "rel", unit: "Y", n: 1, anaphor: "that" }, rule: "following-year" };
  }
  if (x.w === "that" && (u[k + 1]?.w === "year" || u[k + 1]?.w === "quarter") && !the) {
    return {
      to: k + 2,
      spec: { kind: "rel", unit: u[k + 1].w === "year" ? "Y" : "Q", n: 0, anaphor: "that" },
      rule: "that-unit",
    };
  }
  if (x.w === "these" && u[k + 1]?.w === "days" && !the) {
    return { to: k + 2, spec: { kind: "ref", value: "PRESENT_REF" }, rule: "ref" };
  }
  if (the && UNIT_ADJECTIVES.has(x.w)) {
    // "the full year", "the current fiscal year", "the latest quarter", "the latest period"
    let j = k + 1;
    if (u[j]?.w === "fiscal") j++;
    const un = u[j]?.w;
    if (x.w === "latest" || x.w === "recent" || x.w === "most") {
      if (x.w === "most" && u[j]?.w === "recent") j++;
      const w2 = u[j]?.w;
      if (w2 === "quarter" || w2 === "period") {
        return { to: j + 1, spec: { kind: "rel", unit: "Q", n: 0, byTense: true }, rule: "latest-quarter" };
      }
      // "the latest fiscal year" is the last one closed.
      if (w2 === "year") return { to: j + 1, spec: { kind: "rel", unit: "Y", n: -1 }, rule: "latest-year" };
      return undefined;
    }
    if (un === "year" || un === "quarter" || un === "month" || un === "week") {
      const unit = un === "year" ? "Y" : un === "quarter" ? "Q" : un === "month" ? "M" : "W";
      return { to: j + 1, spec: { kind: "rel", unit, n: 0 }, rule: "the-unit" };
    }
  }
  if (e !== undefined) {
    if (e.shift !== undefined && !(x.w === "current" && !the && unitAt(u, k + 1) === undefined)) {
      if (x.w !== "this" || !the) {
        const r = readShift(u, k, the);
        if (r !== undefined) return r;
      }
    }
    if (e.deictic !== undefined && !the) {
      const night = e.deictic.endsWith("N");
      const n = Number.parseInt(e.deictic, 10);
      const pd = night ? "NI" : partdayAt(u, k + 1);
      const to = night || pd === undefined ? k + 1 : k + 2;
      return { to, spec: { kind: "rel", unit: "D", n, partday: pd }, rule: "deictic" };
    }
    if (e.ref !== undefined) {
      const r = readRef(u, k, the, e.ref);
      if (r !== undefined) return r;
    }
    if (e.month !== undefined) {
      const m = monthAt(u, k);
      if (m > 0) return readMonth(u, k, m);
    }
    if (e.weekday !== undefined) {
      const wd = weekdayAt(u, k);
      if (wd > 0) return readWeekday(u, k, wd);
    }
    if (e.ordinal !== undefined) {
      const q = readQuarter(u, k);
      if (q !== undefined) return q;
      const n = Number(e.ordinal);
      if (u[k + 1]?.w === "century" && n > 0) {
        return { to: k + 2, spec: { kind: "cal", century: n - 1 }, rule: "century" };
      }
    }
    if (e.season !== undefined) {
      const prev = u[k0 - 1]?.w ?? "";
      const yr = yearSuffix(u, k + 1);
      if (the || SEASON_GATES.has(prev) || (yr !== undefined && yr.y !== undefined)) {
        const r = withYear(u, k + 1, { kind: "cal", season: e.season });
        return { to: r.to, spec: r.spec, rule: "season" };
      }
    }
    if (e.unit !== undefined && the) {
      const r = readTheUnit(u, k, e.unit);
      if (r !== undefined) return r;
    }
    if (e.number !== undefined) {
      const r = readCount(u, k) ?? readSpokenYear(u, k);
      if (r !== undefined) return r;
    }
  }
  if (x.w === "fiscal") {
    let j = k + 1;
    if (u[j]?.w === "year") j++;
    const y = yearAt(u, j);
    if (y > 0) return { to: j + 1, spec: { kind: "cal", y }, rule: "fiscal-year" };
    const q = readQuarter(u, k + 1);
    if (q !== undefined) return q;
    return undefined;
  }
  const c = x.w.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 39 || c === 0x2019 || c === 113) return readNumeric(u, k, the);
  return undefined;
}

/** "now", "currently", "recently", "the past", "the future", "recent years". */
function readRef(u: Unit[], k: number, the: boolean, value: string): Core | undefined {
  const x = u[k];
  const next = unitAt(u, k + 1);
  if (x.w === "past") {
    if (!the || next !== undefined || numberAt(u, k + 1) !== undefined) return undefined;
    return { to: k + 1, spec: { kind: "ref", value }, rule: "ref" };
  }
  if (x.w === "future") {
    const prev = u[k - 1]?.w ?? "";
    if (!the && prev !== "in" && prev !== "near") return undefined;
    return { to: k + 1, spec: { kind: "ref", value }, rule: "ref" };
  }
  // Bare "current" and "recent" are adjectives of anything ("current account", "recent talks").
  if (x.w === "current") return undefined;
  if (x.w === "recent") {
    if (next?.plural) return { to: k + 2, spec: { kind: "ref", value }, rule: "ref-units" };
    return undefined;
  }
  if (the) return undefined;
  return { to: k + 1, spec: { kind: "ref", value }, rule: "ref" };
}

/** "the year", "the quarter", "the week", "the weekend" (units after "the"). */
function readTheUnit(u: Unit[], k: number, unit: string): Core | undefined {
  const x = u[k];
  if (x.w.endsWith("s")) return undefined;
  const next = u[k + 1]?.w ?? "";
  // "the year 2000", "the year two thousand"
  if (unit === "Y") {
    const y = yearAt(u, k + 1);
    if (y > 0) return { to: k + 2, spec: { kind: "cal", y }, rule: "the-year-number" };
    const sy = spokenYearAt(u, k + 1);
    if (sy !== undefined) return { to: sy.to, spec: { kind: "cal", y: sy.y }, rule: "the-year-number" };
    if (u[k + 1]?.w === "two" && u[k + 2]?.w === "thousand") {
      return { to: k + 3, spec: { kind: "cal", y: 2000 }, rule: "the-year-number" };
    }
  }
  // "the week of March 6": the week holding that day.
  if (unit === "W" && next === "of") {
    const m = monthAt(u, k + 2);
    if (m > 0 && dayAt(u, k + 3) > 0) {
      const r = readMonth(u, k + 2, m);
      if (r.spec.kind === "cal" && r.spec.d !== undefined) {
        r.spec.weekOf = true;
        return { to: r.to, spec: r.spec, rule: "week-of" };
      }
    }
  }
  // "the year before", "the year earlier" are anchored on another time, not the publication date.
  if (next === "before" || next === "after" || next === "earlier" || next === "later") {
    return undefined;
  }
  if (unit === "Q" || unit === "WE")
    return { to: k + 1, spec: { kind: "rel", unit, n: 0, byTense: true }, rule: "the-unit" };
  if (unit === "Y" || unit === "M" || unit === "W")
    return { to: k + 1, spec: { kind: "rel", unit, n: 0 }, rule: "the-unit" };
  return undefined;
}

/** A count of units: "two years ago" (a date), "three years" (a duration). */
function readCount(u: Unit[], k: number): Core | undefined {
  const num = numberAt(u, k);
  if (num === undefined) return undefined;
  const un = unitAt(u, num.to);
  if (un === undefined || un.unit === "WE") return undefined;
  // "a" and "one" take a singular unit; other counts a plural one (or a hyphenated "three-year").
  const after = u[num.to + 1];
  const ago = lex(after)?.ago;
  // "several years ago", "a few weeks later": an unknown count places the time only roughly.
  if (ago !== undefined && num.v < 0) {
    const value = Number(ago) < 0 ? "PAST_REF" : "FUTURE_REF";
    return { to: num.to + 2, spec: { kind: "ref", value }, rule: "few-ago" };
  }
  if (ago !== undefined && num.v > 0 && un.unit !== "H" && un.unit !== "MIN") {
    const unit = un.unit === "2W" ? "W" : un.unit;
    const n = Number(ago) * num.v * (un.unit === "2W" ? 2 : 1);
    const spec: Spec = { kind: "rel", unit, n };
    // "a year earlier" after a quarter was named compares with that quarter a year before.
    if (unit === "Y" && n === -1) spec.anaphor = "year-ago";
    return { to: num.to + 2, spec, rule: "count-ago" };
  }
  if (after?.w === "from" && u[num.to + 2]?.w === "now" && num.v > 0) {
    return { to: num.to + 3, spec: { kind: "rel", unit: un.unit, n: num.v }, rule: "count-from-now" };
  }
  if (num.v === 0.5) return undefined;
  return { to: num.to + 1, spec: { kind: "dur", value: duration(num.v, un.unit) }, rule: "count-duration" };
}

/** "nineteen ninety-four". */
function readSpokenYear(u: Unit[], k: number): Core | undefined {
  const s = spokenYearAt(u, k);
  if (s === undefined) return undefined;
  return { to: s.to, spec: { kind: "cal", y: s.y }, rule: "spoken-year" };
}

/** Expressions opening with digits: ISO and numeric dates, clock times, "7 March 2021", decades, years, counts. */
function readNumeric(u: Unit[], k: number, the: boolean): Core | undefined {
  const x = u[k];
  const w = x.w;
  if (w.length >= 10) {
    const iso = ISO_DATE.exec(w);
    if (iso !== null) {
      const spec: CalSpec = { kind: "cal", y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
      if (iso[4] !== undefined) spec.clock = `${iso[4]}:${iso[5]}`;
      return { to: k + 1, spec, rule: "iso-date" };
    }
  }
  const sl = SLASH_DATE.exec(w);
  if (sl !== null) {
    const [a, b, c] = [Number(sl[1]), Number(sl[2]), Number(sl[3])];
    if (sl[1].length === 4)
      return { to: k + 1, spec: { kind: "cal", y: a, m: b, d: c }, rule: "numeric-date" };
    if (sl[3].length !== 4 && sl[3].length !== 2) return undefined;
    const y = sl[3].length === 2 ? (c < 50 ? 2000 + c : 1900 + c) : c;
    // Slashes are month first (US news) unless the first number cannot be a month; dots are day first.
    const dayFirst = w.includes(".") || a > 12;
    return {
      to: k + 1,
      spec: { kind: "cal", y, m: dayFirst ? b : a, d: dayFirst ? a : b },
      rule: "numeric-date",
    };
  }
  const clock = clockAt(u, k);
  if (clock !== undefined) return { to: clock.to, spec: { kind: "cal", clock: clock.clock }, rule: "clock" };
  const qc = QUARTER_CODE.exec(w);
  if (qc !== null && x.cap) {
    const r = withYear(u, k + 1, { kind: "cal", q: Number(qc[1]) });
    return { to: r.to, spec: r.spec, rule: "quarter-code" };
  }
  const cent = ORDINAL_DAY.exec(w);
  if (cent !== null && u[k + 1]?.w === "century") {
    // "the 20th century" is TIMEX 19, the hundreds digits of its years.
    return { to: k + 2, spec: { kind: "cal", century: Number(cent[1]) - 1 }, rule: "century" };
  }
  const d = dayAt(u, k);
  if (d > 0) {
    let j = k + 1;
    if (u[j]?.w === "of") j++;
    const m = monthAt(u, j);
    if (m > 0) {
      const r = withYear(u, j + 1, { kind: "cal", m, d });
      return { to: r.to, spec: r.spec, rule: "day-month" };
    }
  }
  const dec = DECADE.exec(w) ?? SHORT_DECADE.exec(w);
  if (dec !== null) {
    const decade = dec.length === 3 ? Number(dec[1] + dec[2]) : 190 + Number(dec[1]);
    return { to: k + 1, spec: { kind: "cal", decade }, rule: "decade" };
  }
  const y = yearAt(u, k);
  if (y > 0 && isYear(u, k, y, the)) {
    const q = readQuarter(u, k + 1, y);
    if (q !== undefined) return q;
    return { to: k + 1, spec: { kind: "cal", y }, rule: "year", from: k };
  }
  if (!Number.isNaN(x.n)) return readCount(u, k);
  return undefined;
}

/** Whether a four-digit number at `k` is a year in its context ("in 2015", "the 2015 deal"), not a count. */
function isYear(u: Unit[], k: number, y: number, the: boolean): boolean {
  const prev = u[k - 1];
  const next = u[k + 1];
  if (prev !== undefined && NOT_DATE_BEFORE.has(prev.w)) return false;
  if (next !== undefined && (next.w === "%" || next.w === "percent")) return false;
  if (prev !== undefined && (DATE_PREPS.has(prev.w) || the)) return true;
  if (next !== undefined && NOT_YEAR_AFTER.has(next.w) && !(next.w === "to" && yearAt(u, k + 2) > 0))
    return false;
  if (y < 1900 || y > 2100) return false;
  // "2000 troops": a plural noun right after is what the number counts.
  if (next !== undefined && next.pos === "NOUN" && next.w.endsWith("s") && !next.w.endsWith("'s"))
    return false;
  return true;
}

/** Leading modifiers: "early", "late", "mid", "the end of", "earlier this", "later in". Returns the mod and the next unit. */
function readMod(u: Unit[], i: number): { mod: string; to: number } | undefined {
  const x = u[i];
  const mod = lex(x)?.mod;
  if (x.w === "the") {
    const y = u[i + 1];
    const m2 = lex(y)?.mod;
    if (m2 !== undefined && y!.w !== "early" && y!.w !== "late" && u[i + 2]?.w === "of") {
      return { mod: m2, to: i + 3 };
    }
    return undefined;
  }
  if (mod === undefined) return undefined;
  // "post-1959", "pre-2000": only joined by a hyphen ("post" and "pre" stand alone for other things).
  if (x.w === "post" || x.w === "pre") return u[i + 1]?.hy === true ? { mod, to: i + 1 } : undefined;
  if (x.w === "early" || x.w === "late" || x.w === "mid") {
    const to = u[i + 1]?.w === "in" ? i + 2 : i + 1;
    return { mod, to };
  }
  if (
    (x.w === "earlier" || x.w === "later") &&
    (lex(u[i + 1])?.shift !== undefined || u[i + 1]?.w === "that")
  ) {
    return { mod, to: i + 1 };
  }
  return undefined;
}

/** Words outside the lexicon that can open a time expression ("the following month", "every week", "that day", "Q3"). */
const START_WORDS = new Set([
  "the",
  "fiscal",
  "year",
  "these",
  "that",
  "every",
  "each",
  "twice",
  "once",
  "q1",
  "q2",
  "q3",
  "q4",
]);

/**
 * Finds the time expressions of one sentence's units, left to right, longest reading first;
 * returned matches do not overlap.
 */
export function findTimes(u: Unit[]): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < u.length; ) {
    const x = u[i];
    const c = x.w.charCodeAt(0);
    const maybe =
      (c >= 48 && c <= 57) ||
      c === 39 ||
      c === 0x2019 ||
      LEXICON.has(x.w) ||
      HOLIDAYS.has(x.w) ||
      START_WORDS.has(x.w);
    if (!maybe) {
      i++;
      continue;
    }
    const m = readMod(u, i);
    let r: Core | undefined;
    if (m !== undefined) {
      r = core(u, m.to);
      if (r !== undefined) r.spec.mod = m.mod;
    }
    if (r === undefined) r = core(u, i);
    if (r === undefined || r.to <= i) {
      i++;
      continue;
    }
    const from = m === undefined && r.from !== undefined ? r.from : i;
    out.push({
      from,
      to: r.to,
      spec: r.spec,
      rule: m !== undefined && r.spec.mod !== undefined ? `mod+${r.rule}` : r.rule,
    });
    if (r.extra !== undefined) out.push(r.extra);
    i = Math.max(r.to, r.extra?.to ?? 0);
  }
  return out;
}
