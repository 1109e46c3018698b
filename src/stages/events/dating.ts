/**
 * The event's own date, read from the text relative to the publication date: from the times
 * layer when there is one, else from a small reader of its own (weekdays, yesterday/today,
 * "last week/month/year", "in May 2019", "March 5", "in 2015", "three years ago"). Weekdays and
 * bare months resolve to the past for past events and to the future for future ones.
 */
import type { TimeFact } from "../../core/index.ts";
import type { SentenceView } from "./view.ts";
import { wordList } from "./words.ts";

const WEEKDAYS = wordList("weekday");
const MONTHS = wordList("month");
const MONTH_ABBR = new Map<string, number>();
MONTHS.forEach((m, i) => {
  MONTH_ABBR.set(m, i);
  MONTH_ABBR.set(m.slice(0, 3), i);
  MONTH_ABBR.set(`${m.slice(0, 3)}.`, i);
});
MONTH_ABBR.set("sept", 8);
MONTH_ABBR.delete("may.");

/** A date read from the text: value `YYYY[-MM[-DD]]`, its precision, and the tokens it spans. */
export interface TextDate {
  value: string;
  precision: "day" | "month" | "year";
  /** Sentence-local token range [first, last). */
  first: number;
  last: number;
  rule: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function parseDay(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

/** Precision of a `YYYY[-MM[-DD]]` value, or undefined for other TIMEX3 values. */
export function precisionOf(value: string): TextDate["precision"] | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return "day";
  if (/^\d{4}-\d{2}$/.test(value)) return "month";
  if (/^\d{4}$/.test(value)) return "year";
  return undefined;
}

/** Last day of a `YYYY[-MM[-DD]]` period. */
export function periodEnd(value: string): string {
  if (value.length === 10) return value;
  if (value.length === 7) {
    const [y, m] = value.split("-").map(Number);
    return ymd(new Date(Date.UTC(y, m, 0)));
  }
  return `${value}-12-31`;
}

/** Days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  const da = parseDay(a);
  const db = parseDay(b);
  return da && db ? Math.round((db.getTime() - da.getTime()) / 86400000) : 0;
}

const NUMBER_WORDS = new Map(
  ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].map((w, i) => [w, i + 1]),
);

/**
 * Dates this module reads itself in a sentence, relative to `published` (`YYYY-MM-DD`).
 * `future` chooses the next weekday/month instead of the last one.
 */
export function readDates(v: SentenceView, published: string | undefined, future: boolean): TextDate[] {
  const out: TextDate[] = [];
  const pub = published ? parseDay(published) : undefined;
  const low = v.low;
  const n = low.length;
  for (let i = 0; i < n; i++) {
    const w = low[i];
    const wd = WEEKDAYS.indexOf(w);
    if (wd >= 0 && pub) {
      let diff = wd - pub.getUTCDay();
      if (future) diff = (diff + 7) % 7;
      else diff = -((-diff + 7) % 7);
      const d = new Date(pub.getTime() + diff * 86400000);
      out.push({ value: ymd(d), precision: "day", first: i, last: i + 1, rule: "date.weekday" });
      continue;
    }
    if ((w === "yesterday" || w === "today" || w === "tomorrow") && pub) {
      const diff = w === "yesterday" ? -1 : w === "today" ? 0 : 1;
      const d = new Date(pub.getTime() + diff * 86400000);
      out.push({ value: ymd(d), precision: "day", first: i, last: i + 1, rule: `date.${w}` });
      continue;
    }
    if ((w === "last" || w === "next" || w === "this") && i + 1 < n && pub) {
      const unit = low[i + 1];
      const sign = w === "last" ? -1 : w === "next" ? 1 : 0;
      if (unit === "year") {
        out.push({
          value: String(pub.getUTCFullYear() + sign),
          precision: "year",
          first: i,
          last: i + 2,
          rule: "date.relative-year",
        });
        i++;
      } else if (unit === "month") {
        const d = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + sign, 1));
        out.push({
          value: ymd(d).slice(0, 7),
          precision: "month",
          first: i,
          last: i + 2,
          rule: "date.relative-month",
        });
        i++;
      }
      continue;
    }
    // "three years ago", "two months ago"
    if (i + 2 < n && low[i + 2] === "ago" && pub) {
      const k = NUMBER_WORDS.get(w) ?? (/^\d+$/.test(w) ? Number(w) : undefined);
      if (k !== undefined && /^years?$/.test(low[i + 1])) {
        out.push({
          value: String(pub.getUTCFullYear() - k),
          precision: "year",
          first: i,
          last: i + 3,
          rule: "date.ago",
        });
        i += 2;
        continue;
      }
    }
    const mon = MONTH_ABBR.get(w);
    if (mon !== undefined && (w !== "may" || v.pos[i] === "PROPN" || /^\d/.test(low[i + 1] ?? ""))) {
      // "March 5, 2021", "March 2019", "March"; "5 March 2021"
      let day: number | undefined;
      let year: number | undefined;
      let last = i + 1;
      let first = i;
      if (i > 0 && /^\d{1,2}$/.test(low[i - 1]) && Number(low[i - 1]) <= 31) {
        day = Number(low[i - 1]);
        first = i - 1;
      } else if (/^\d{1,2}(st|nd|rd|th)?$/.test(low[last] ?? "")) {
        day = Number.parseInt(low[last], 10);
        last++;
        if (low[last] === ",") last++;
      }
      if (/^(1[89]|20)\d\d$/.test(low[last] ?? "")) {
        year = Number(low[last]);
        last++;
      } else if (low[last - 1] === ",") last--;
      if (year === undefined) {
        if (!pub) continue;
        year = pub.getUTCFullYear();
        const pm = pub.getUTCMonth();
        if (!future && (mon > pm || (mon === pm && day !== undefined && day > pub.getUTCDate()))) year--;
        if (future && (mon < pm || (mon === pm && day !== undefined && day < pub.getUTCDate()))) year++;
      }
      const value = day !== undefined ? `${year}-${pad(mon + 1)}-${pad(day)}` : `${year}-${pad(mon + 1)}`;
      out.push({ value, precision: day !== undefined ? "day" : "month", first, last, rule: "date.month" });
      i = last - 1;
      continue;
    }
    if (
      /^(1[89]|20)\d\d$/.test(w) &&
      v.pos[i] === "NUM" &&
      i > 0 &&
      /^(in|since|of|during|by)$/.test(low[i - 1])
    ) {
      out.push({ value: w, precision: "year", first: i, last: i + 1, rule: "date.year" });
    }
  }
  return out;
}

/** Dates of the times layer inside the sentence, as {@link TextDate}s (calendar values only). */
export function layerDates(v: SentenceView, times: readonly TimeFact[]): TextDate[] {
  const out: TextDate[] = [];
  const s = v.sentence;
  for (const t of times) {
    if (t.start < s.start || t.end > s.end) continue;
    if (t.type && t.type !== "DATE" && t.type !== "TIME") continue;
    const value = t.value.slice(0, 10);
    const precision = precisionOf(value);
    if (!precision) continue;
    let first = -1;
    let last = -1;
    v.tokens.forEach((k, i) => {
      if (k.end > t.start && k.start < t.end) {
        if (first < 0) first = i;
        last = i + 1;
      }
    });
    if (first >= 0) out.push({ value, precision, first, last, rule: "date.times-layer" });
  }
  return out;
}

/**
 * The date that belongs to a trigger at token `i` whose clause spans [from, to): the nearest date
 * inside the clause, else a date of the sentence outside any clause whose nearest trigger (of
 * `triggers`, token indices) is this one.
 */
export function pickDate(
  dates: readonly TextDate[],
  i: number,
  from: number,
  to: number,
  triggers: readonly number[] = [i],
): TextDate | undefined {
  let best: TextDate | undefined;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const d of dates) {
    if (d.first < from || d.last > to) continue;
    const dist = d.first > i ? d.first - i : i - d.last;
    if (dist < bestDist) {
      best = d;
      bestDist = dist;
    }
  }
  if (best) return best;
  for (const d of dates) {
    const dist = (k: number) => (d.first > k ? d.first - k : k - d.last);
    if (triggers.every((k) => dist(k) >= dist(i))) return d;
  }
  return undefined;
}
