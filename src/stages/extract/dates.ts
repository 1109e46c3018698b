/**
 * Date parsing for news text: one scanner that finds a calendar date (and the time beside it) in
 * a string, in the formats news pages use, and a finder for the publication dateline near the top
 * of an article. Month names, weekday names and dateline label words are data files under
 * `rules/` (see `rules/README.md`), loaded once at module init.
 *
 * Offsets are UTF-16 code units of the string given, as `String.prototype.slice` counts them.
 */
import { readFileSync } from "node:fs";

/** A parsed date: `date` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as `precision` says. */
export interface ParsedDate {
  /** `YYYY-MM-DD` (precision `"day"`), `YYYY-MM` (`"month"`) or `YYYY` (`"year"`). */
  date: string;
  /** Time of day as stated, `HH:MM` on a 24-hour clock. */
  time?: string;
  /** UTC offset as stated, `"Z"` or `"+HH:MM"`, when the string gave a numeric offset or GMT/UTC. */
  zone?: string;
  precision: "day" | "month" | "year";
}

/** A date found inside a longer string, with the half-open range `[start, end)` it covers. */
interface DateHit extends ParsedDate {
  start: number;
  end: number;
  /** False when the string gave no year (only month and day). */
  hasYear: boolean;
  /** False for a date the calendar does not have; kept while scanning so it shadows shorter readings inside it. */
  valid: boolean;
  month: number;
  day: number;
  year?: number;
}

/** A publication dateline found in an article text. */
export interface Dateline {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`, when the dateline gave a time. */
  time?: string;
  /** UTC offset, `"Z"` or `"+HH:MM"`, when stated. */
  zone?: string;
  /** Start of the dateline in the text: the whole line for a date line, the place name for an agency dateline. */
  start: number;
  /** End (exclusive): end of the line, or end of the agency dateline's dash. */
  end: number;
  /** `text.slice(start, end)`. */
  surface: string;
  /** `"line"`: a line that is (mostly) a date; `"agency"`: `PLACE, DATE (AGENCY) -` opening a paragraph. */
  kind: "line" | "agency";
  /** The agency an agency dateline names ("Reuters", "IRNA"), when it names one. */
  agency?: string;
  /** The place an agency dateline names ("MOSCOW"). */
  place?: string;
  /** True when the year was not written on the dateline and was taken from another date or the reference. */
  yearInferred?: boolean;
  /** The name after "by" on a date line ("Posted on March 3, 2021 by Some Agency"): a poster, person or outlet. */
  by?: string;
}

// ---------------------------------------------------------------------------------------------
// Lexicons

/** Reads a rules file: one entry a line, `#` comments and blank lines skipped. */
function readRules(name: string): string[] {
  const text = readFileSync(new URL(`./rules/${name}`, import.meta.url), "utf8");
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** Month name (lower case) → month number and whether the name must be capitalised to count. */
const MONTHS = new Map<string, { month: number; mustCapitalise: boolean }>();
for (const line of readRules("months.tsv")) {
  const [name, num, lang] = line.split("\t");
  MONTHS.set(name.toLowerCase(), { month: Number(num), mustCapitalise: lang === "en" });
}
const WEEKDAYS = new Set(readRules("weekdays.txt").map((w) => w.toLowerCase()));
const LABELS = new Set(readRules("date-labels.txt").map((w) => w.toLowerCase()));

// Every pattern is a flat sequence of bounded pieces: no nested quantifiers, so no backtracking
// blow-up on long inputs. `(?<![\p{L}\p{N}])` stands in for \b, which does not know Unicode letters.
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";
// Any word of letters stands where a month name may; the read step looks it up in MONTHS. This is
// much cheaper than an alternation of every month name, tried at every position of the line.
const MON = "(\\p{L}{3,10})\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(\\d{4})";

/** The date patterns, each with how to read its groups. Tried all; the earliest (then longest) match wins. */
const PATTERNS: Array<{
  name: string;
  re: RegExp;
  read: (m: RegExpExecArray) => Partial<DateHit> | undefined;
}> = [
  {
    // 2021-03-07, 2021-03-07T21:54:00+03:30, 2021-03-07 21:54
    name: "iso",
    re: new RegExp(
      `${B}(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::\\d{2}(?:\\.\\d{1,9})?)?\\s?(Z|[+-]\\d{2}:?\\d{2})?)?${E}`,
      "gu",
    ),
    read: (m) => ({ year: +m[1], month: +m[2], day: +m[3], ...timeOf(m[4], m[5], undefined, m[6]) }),
  },
  {
    // 2021/05/03, 2021.05.03
    name: "ymd",
    re: new RegExp(`${B}(\\d{4})([/.])(\\d{1,2})\\2(\\d{1,2})${E}`, "gu"),
    read: (m) => ({ year: +m[1], month: +m[3], day: +m[4] }),
  },
  {
    // 12.01.2023 (day first), 04/17/2018 (US month first unless the first number exceeds 12), 17-04-2018
    name: "dmy-numeric",
    re: new RegExp(`${B}(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})${E}`, "gu"),
    read: (m) => {
      const a = +m[1];
      const b = +m[3];
      const year = m[4].length === 2 ? expandYear(+m[4]) : +m[4];
      // Slashes are month-first (US) unless that is impossible; dots and dashes are day-first.
      if (m[2] === "/" && a <= 12) return { year, month: a, day: b };
      return { year, month: b, day: a };
    },
  },
  {
    // March 7, 2021 · Sep. 9, 2022 · Feb. 2 · March 7th 2021
    name: "mdy",
    re: new RegExp(`${B}${MON}\\s{1,3}${DAY}${E}(?:,?\\s{1,3}${YEAR}${E})?`, "gu"),
    read: (m) => ({ month: monthName(m[1]), day: +m[2], year: optYear(m[3]) }),
  },
  {
    // 7 March 2021 · 12 January 2023 · 17 Apr 2018 · 7th of March · 7 de marzo de 2021 · 7. März 2021
    name: "dmy",
    re: new RegExp(
      `${B}${DAY}\\.?\\s{1,3}(?:of\\s|de\\s)?${MON}${E}(?:,?\\s{1,3}(?:de\\s)?${YEAR}${E})?`,
      "gu",
    ),
    read: (m) => ({ month: monthName(m[2]), day: +m[1], year: optYear(m[3]) }),
  },
  {
    // March 2021 (month precision)
    name: "my",
    re: new RegExp(`${B}${MON}\\s{1,3}(?:de\\s)?${YEAR}${E}`, "gu"),
    read: (m) => ({ month: monthName(m[1]), day: 0, year: +m[2] }),
  },
];

/** The time that may follow a date: ", 10:12 AM", " - 21:54", " at 9:05 p.m.", " 10:12:00 GMT". */
const TIME_AFTER =
  /[\s,]{0,3}(?:(?:[-–—|@]|at|à|um|a las)\s{0,3})?(\d{1,2})[:h](\d{2})(?::\d{2})?(?:\s?([ap])\.?\s?m\.?(?![\p{L}]))?(?:\s?(Z|GMT|UTC|[+-]\d{2}:?\d{2})(?![\p{L}\p{N}]))?/iuy;

/** Month number of a name as written (0 when unknown, or an English name not capitalised). */
function monthName(name: string): number {
  const entry = MONTHS.get(name.toLowerCase());
  if (!entry) return 0;
  if (entry.mustCapitalise) {
    const c = name[0];
    if (c !== c.toUpperCase()) return 0;
  }
  return entry.month;
}

function optYear(y: string | undefined): number | undefined {
  return y === undefined ? undefined : +y;
}

function expandYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

function timeOf(
  h: string | undefined,
  m: string | undefined,
  ampm: string | undefined,
  zone: string | undefined,
): { hour?: number; minute?: number; zone?: string } {
  if (h === undefined || m === undefined) return {};
  let hour = +h;
  const minute = +m;
  if (ampm) {
    if (hour < 1 || hour > 12) return {};
    const pm = ampm.toLowerCase() === "p";
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (hour > 23 || minute > 59) return {};
  return { hour, minute, zone: normaliseZone(zone) };
}

function normaliseZone(z: string | undefined): string | undefined {
  if (!z) return undefined;
  const u = z.toUpperCase();
  if (u === "Z" || u === "GMT" || u === "UTC") return "Z";
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  return m ? `${m[1]}${m[2]}:${m[3]}` : undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when the calendar has this day (Gregorian leap years), within the years news can carry. */
function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2199 || month < 1 || month > 12) return false;
  if (day === 0) return true; // month precision
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return day >= 1 && day <= max;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Picks the year for a month-day with no year: the reference's year, or the one before when that would put the date well after the reference. */
function yearFromReference(month: number, day: number, reference: string): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(reference);
  if (!m) return undefined;
  const ry = +m[1];
  const rm = m[2] ? +m[2] : 12;
  const rd = m[3] ? +m[3] : 31;
  // A stated date more than a week after the reference is taken to be from the previous year.
  const candidate = Date.UTC(ry, month - 1, day);
  const ref = Date.UTC(ry, rm - 1, rd);
  return candidate - ref > 7 * 86_400_000 ? ry - 1 : ry;
}

type HitFields = Partial<DateHit> & { hour?: number; minute?: number };

/** Checks the fields a pattern read against the calendar and reads a time right after the date. */
function toHit(s: string, m: RegExpExecArray, r: HitFields | undefined): DateHit | undefined {
  if (!r?.month || r.day === undefined) return undefined;
  const hasYear = r.year !== undefined;
  // A year-less month-day is checked against a leap year, so 29 February stays possible.
  const valid = isValidDate(r.year ?? 2000, r.month, r.day);
  let end = m.index + m[0].length;
  let { hour, minute, zone } = r;
  if (hour === undefined && r.day !== 0) {
    TIME_AFTER.lastIndex = end;
    const t = TIME_AFTER.exec(s);
    const tt = t ? timeOf(t[1], t[2], t[3], t[4]) : {};
    if (tt.hour !== undefined) {
      ({ hour, minute, zone } = tt);
      end = TIME_AFTER.lastIndex;
    }
  }
  return {
    start: m.index,
    end,
    month: r.month,
    day: r.day,
    year: r.year,
    hasYear,
    valid,
    date: hasYear && valid ? formatDate(r.year!, r.month, r.day) : "",
    precision: r.day === 0 ? "month" : "day",
    time: hour !== undefined ? `${pad(hour)}:${pad(minute!)}` : undefined,
    zone,
  };
}

/**
 * Scans `s` for every date, in order of position (a later match may not overlap an earlier one).
 * Invalid calendar dates are dropped. Linear in `s.length` for each pattern.
 */
function scanDates(s: string, from = 0, to = s.length): DateHit[] {
  const raw: DateHit[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = from;
    for (let m = p.re.exec(s); m && m.index < to; m = p.re.exec(s)) {
      const hit = toHit(s, m, p.read(m) as HitFields | undefined);
      if (hit) raw.push(hit);
      if (m[0].length === 0) p.re.lastIndex++;
    }
  }
  // Earliest first; at equal starts the longer match (it read more: a year, a time).
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: DateHit[] = [];
  let lastEnd = -1;
  for (const h of raw) {
    if (h.start < lastEnd) continue;
    // "29 February 2021" must not fall back to "February 2021": an impossible date hides what it covers.
    if (h.valid) out.push(h);
    lastEnd = h.end;
  }
  return out;
}

function formatDate(year: number, month: number, day: number): string {
  return day === 0 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Parses a date string in any common news format: ISO 8601 ("2021-03-07T21:54:00+03:30"),
 * "March 7, 2021 - 21:54", "7 March 2021", "2021/05/03", "Apr 17, 2018, 10:12 AM", "Sep. 9, 2022",
 * "Tuesday, 12 January 2023", "12.01.2023" (day first), "04/17/2018" (US), RFC 822
 * ("Tue, 17 Apr 2018 10:12:00 GMT"), "March 2021", "2021", and a month-day ("Feb. 2") when
 * `opts.reference` (`YYYY-MM-DD`) gives the year. The first date in the string is taken; words
 * around it (labels, weekdays) are ignored. Returns `undefined` for no date or an impossible one.
 */
export function parseDate(s: string, opts: { reference?: string } = {}): ParsedDate | undefined {
  const str = s.trim();
  if (str === "") return undefined;
  const whole = /^(\d{4})(?:-(\d{2}))?$/.exec(str);
  if (whole) {
    const year = +whole[1];
    if (!whole[2]) return isValidDate(year, 1, 1) ? { date: String(year), precision: "year" } : undefined;
    const month = +whole[2];
    return isValidDate(year, month, 0) ? { date: formatDate(year, month, 0), precision: "month" } : undefined;
  }
  const hit = scanDates(str)[0];
  if (!hit) return undefined;
  return toParsed(hit, opts.reference);
}

function toParsed(hit: DateHit, reference: string | undefined): ParsedDate | undefined {
  let date = hit.date;
  if (!hit.hasYear) {
    if (!reference) return undefined;
    const year = yearFromReference(hit.month, hit.day, reference);
    if (year === undefined || !isValidDate(year, hit.month, hit.day)) return undefined;
    date = formatDate(year, hit.month, hit.day);
  }
  const out: ParsedDate = { date, precision: hit.precision };
  if (hit.time) out.time = hit.time;
  if (hit.zone) out.zone = hit.zone;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Datelines

const WORD = /[\p{L}\p{N}]+/gu;
const SEPARATOR = /[|·•/]/;

/** True when every word of `s` is a dateline label, weekday or month-free filler (punctuation is ignored). */
function onlyLabels(s: string): boolean {
  for (const w of s.match(WORD) ?? []) {
    const lw = w.toLowerCase();
    if (!LABELS.has(lw) && !WEEKDAYS.has(lw)) return false;
  }
  return true;
}

const wordCount = (s: string) => (s.match(WORD) ?? []).length;

/** A time of day written as one word: "18h45", "21h10". */
const TIME_WORD = /^\d{1,2}h\d{2}$/u;

/**
 * True when every word of `s` belongs on a date line: labels, weekdays, month names, numbers and
 * times ("– Updated at 21h10", "| Mis à jour le 1 février 2022 à 9:00").
 */
function onlyDateWords(s: string): boolean {
  for (const w of s.match(WORD) ?? []) {
    const lw = w.toLowerCase();
    if (LABELS.has(lw) || WEEKDAYS.has(lw) || MONTHS.has(lw) || /^\d{1,4}$/u.test(w) || TIME_WORD.test(w))
      continue;
    if (lw === "am" || lw === "pm") continue;
    return false;
  }
  return true;
}

/**
 * "by Jane Roe" or "by Some Agency" after the date of a "Posted on <date> by <name>" line: up to
 * six capitalised words (with "of", "the", "and", "&" between them), or one user name.
 */
const BY_AFTER =
  /^[Bb]y\s{1,2}(\p{Lu}[\p{L}\p{M}\p{N}&.'’-]{0,30}(?:\s{1,2}(?:\p{Lu}[\p{L}\p{M}\p{N}&.'’-]{0,30}|of|the|and|&|de|van|von|al|bin)){0,5}|[\p{L}\p{N}_.-]{2,30})$/u;

/**
 * Reads a line as (mostly) a date: before the date only labels/weekdays (or a short segment
 * cut off by a separator such as "|"), after it only labels, a "by <name>" credit ("Posted on
 * March 3, 2021 by Some Agency"), more date words, after a separator or not ("– Updated 21h10",
 * "Updated : 2023-02-09 11:40"), or a separator then a short list without sentence punctuation
 * ("| interview, political, top news").
 * Returns `undefined` when the line is not a date line, else the name after "by" when there is one.
 */
function readDateLine(line: string, hit: DateHit): { by?: string } | undefined {
  const before = line.slice(0, hit.start);
  const after = line.slice(hit.end).trim();
  let beforeOk = onlyLabels(before);
  if (!beforeOk) {
    // "By Jane Doe | March 7, 2021": a short segment, then a separator, then labels only.
    const sep = before.search(/[|·•](?=[^|·•]*$)/u);
    beforeOk = sep >= 0 && wordCount(before.slice(0, sep)) <= 6 && onlyLabels(before.slice(sep + 1));
  }
  if (!beforeOk) return undefined;
  if (onlyLabels(after)) return {};
  const by = BY_AFTER.exec(after);
  if (by) return { by: by[1] };
  if (onlyDateWords(/^[-–—|·•,;/]/u.test(after) ? after.slice(1) : after)) return {};
  if (SEPARATOR.test(after[0] ?? "")) {
    const rest = after.slice(1).trim();
    return wordCount(rest) <= 12 && !/[.!?]["”’]?$/u.test(rest) ? {} : undefined;
  }
  return undefined;
}

const UPPER_START = /^\p{Lu}/u;
/** "(Reuters)", "(AP)" after an agency dateline's date. */
const AGENCY_PAREN = /^\s{0,2}\(([\p{L}][\p{L}\p{N} .&'-]{0,30})\)\s{0,2}[-–—:]/u;
/** ", IRNA -" or " IRNA -" after an agency dateline's date: one or two capitalised words. */
const AGENCY_BARE =
  /^,?\s{1,2}(\p{Lu}[\p{L}\p{N}&.'-]{1,20}(?:\s\p{Lu}[\p{L}\p{N}&.'-]{1,20})?)\s{0,2}[-–—:]/u;
/** No agency, just the dash: "WASHINGTON, March 3 -". */
const AGENCY_NONE = /^,?\s{0,2}[-–—:]/u;

/** Reads `PLACE, DATE (AGENCY) -` at the start of a line; `undefined` when the line does not open so. */
function agencyDateline(
  line: string,
): (Omit<Dateline, "date" | "start" | "end" | "surface"> & { hit: DateHit; end: number }) | undefined {
  const comma = line.indexOf(",");
  if (comma < 2 || comma > 40) return undefined;
  const place = line.slice(0, comma).trim();
  if (!UPPER_START.test(place) || wordCount(place) > 4 || /[.!?"“”:;]/u.test(place)) return undefined;
  // Every word of the place name capitalised ("New Delhi", "TEHRAN").
  for (const w of place.split(/\s+/)) if (!UPPER_START.test(w)) return undefined;
  const hits = scanDates(line, comma + 1, comma + 4);
  const hit = hits[0];
  if (!hit || hit.start > comma + 3) return undefined;
  const rest = line.slice(hit.end);
  let m = AGENCY_PAREN.exec(rest);
  if (!m) m = AGENCY_BARE.exec(rest);
  if (m) return { kind: "agency", place, agency: m[1].trim(), hit, end: hit.end + m[0].length };
  const n = AGENCY_NONE.exec(rest);
  if (n) return { kind: "agency", place, hit, end: hit.end + n[0].length };
  return undefined;
}

/**
 * Reads an agency dateline opening `line` ("MOSCOW, Feb. 2 (Reuters) -", "Tehran, April 17, IRNA -"):
 * the place, the agency when named, and `end`, the offset in `line` just past the dash.
 */
export function readAgencyDateline(
  line: string,
): { place: string; agency?: string; end: number } | undefined {
  const a = agencyDateline(line);
  return a ? { place: a.place!, agency: a.agency, end: a.end } : undefined;
}

/**
 * Finds the publication dateline near the top of an article (the first `maxChars` code units,
 * 1500 by default): a line that is (mostly) a date and time ("March 7, 2021 - 21:54",
 * "2021/05/03 | interview, political", "Published: 12 January 2023", "Updated 04.03.2021 11:20"),
 * or an agency dateline opening a paragraph ("MOSCOW, Feb. 2 (Reuters) -", "Tehran, April 17, IRNA -").
 * A dateline with a year wins over one without; a year-less one takes its year from another
 * dated line in the window, else from `opts.reference` (`YYYY-MM-DD`), else it is skipped.
 * `start`/`end` are offsets in `text`.
 */
export function findDateline(
  text: string,
  opts: { maxChars?: number; reference?: string } = {},
): Dateline | undefined {
  const limit = Math.min(text.length, opts.maxChars ?? 1500);
  let partial: { line: number; a: NonNullable<ReturnType<typeof agencyDateline>> } | undefined;
  let otherYear: number | undefined;
  let pos = 0;
  while (pos < limit) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = text.slice(pos, lineEnd);
    const trimmed = line.trim();
    if (trimmed !== "") {
      const lead = line.length - line.trimStart().length;
      // A date needs a digit; most lines of prose near the top have none and skip the scan.
      const hits = !/\d/.test(line) ? [] : line.length <= 200 ? scanDates(line) : scanDates(line, 0, 200);
      for (const h of hits) if (h.hasYear && otherYear === undefined) otherYear = h.year;
      const first = hits[0];
      const read =
        first && line.length <= 200 && first.hasYear && first.precision === "day"
          ? readDateLine(line, first)
          : undefined;
      if (first && read) {
        const start = pos + lead;
        const end = pos + line.trimEnd().length;
        return out({
          date: first.date,
          time: first.time,
          zone: first.zone,
          start,
          end,
          surface: text.slice(start, end),
          kind: "line",
          by: read.by,
        });
      }
      const a = agencyDateline(line.slice(lead));
      if (a) {
        const start = pos + lead;
        const end = start + a.end;
        const base = {
          start,
          end,
          surface: text.slice(start, end),
          kind: "agency" as const,
          place: a.place,
          agency: a.agency,
        };
        if (a.hit.hasYear) return out({ ...base, date: a.hit.date, time: a.hit.time, zone: a.hit.zone });
        if (!partial) partial = { line: pos, a: { ...a, end, hit: { ...a.hit, start } } };
      }
    }
    pos = nl + 1;
  }
  if (!partial) return undefined;
  const { a } = partial;
  const start = a.hit.start;
  const year =
    otherYear !== undefined && isValidDate(otherYear, a.hit.month, a.hit.day)
      ? otherYear
      : opts.reference
        ? yearFromReference(a.hit.month, a.hit.day, opts.reference)
        : undefined;
  if (year === undefined || !isValidDate(year, a.hit.month, a.hit.day)) return undefined;
  return out({
    date: formatDate(year, a.hit.month, a.hit.day),
    time: a.hit.time,
    zone: a.hit.zone,
    start,
    end: a.end,
    surface: text.slice(start, a.end),
    kind: "agency",
    place: a.place,
    agency: a.agency,
    yearInferred: true,
  });
}

/** Drops undefined fields so results compare and serialise cleanly. */
function out(d: Dateline): Dateline {
  for (const k of Object.keys(d) as Array<keyof Dateline>) if (d[k] === undefined) delete d[k];
  return d;
}
