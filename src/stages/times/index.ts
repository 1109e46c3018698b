/**
 * The time-expression stage: finds time expressions in each sentence ("March 7, 2021", "last
 * year", "on Saturday", "two years ago", "for three years", "10:12 AM") and normalises each to a
 * TIMEX3 value relative to the publication date (`doc.meta.published`), with a past bias for
 * partial dates in past-tense clauses. Fills `layers.times`.
 */
import type { Doc, Stage, TimeFact } from "../../core/index.ts";
import { toDays } from "./calendar.ts";
import { findTimes } from "./grammar.ts";
import type { Tense } from "./lexicon.ts";
import { type Anchor, anchorOf, type Discourse, type Resolved, resolve } from "./resolve.ts";
import { clauseTense } from "./tense.ts";
import { buildUnits, mayHoldTime, type Unit } from "./units.ts";

export { type Anchor, anchorOf, type Resolved, resolve } from "./resolve.ts";

/**
 * A time fact with its TIMEX3 `mod` ("START" for "early 2019", "END" for "late last year",
 * "MID"), kept as an extra JSON field until the core type has one.
 */

const STAGE = "times";

/** Tense of the clause around units `[from, to)`; undefined when no verb says. */
function tenseOf(u: Unit[], from: number, to: number): Tense | undefined {
  // "Friday's close", "Tuesday's vote": a possessive day is one being reported on.
  if (u[to]?.w === "'s") return "past";
  return clauseTense(u, from, to);
}

/** Finds and resolves the time expressions of one sentence's units, appending them to `out`. */
function timesOfUnits(
  text: string,
  u: Unit[],
  anchor: Anchor | undefined,
  ctx: Discourse,
  out: TimeFact[],
): void {
  for (const m of findTimes(u)) {
    const r = resolve(m.spec, anchor, () => tenseOf(u, m.from, m.to), ctx);
    if (r === undefined) continue;
    // "a year earlier" compares with another time; it does not move the story to that time.
    if (m.spec.kind !== "rel" || m.spec.anaphor !== "year-ago") noteDiscourse(ctx, r);
    const start = u[m.from].start;
    const end = u[m.to - 1].end;
    const fact: TimeFact = {
      start,
      end,
      surface: text.slice(start, end),
      value: r.value,
      type: r.type,
      prov: { stage: STAGE, rule: m.rule },
    };
    if (r.precision !== undefined) fact.precision = r.precision;
    if (m.spec.mod !== undefined) fact.mod = m.spec.mod;
    out.push(fact);
  }
}

/** Remembers the last year, quarter, month and day named, for "that year", "a year earlier", "the next day". */
function noteDiscourse(ctx: Discourse, r: Resolved): void {
  const { value, precision } = r;
  const c = value.charCodeAt(0);
  if (c < 48 || c > 57 || value.length < 4) return;
  ctx.last = r;
  if (precision === "day" || precision === "time" || precision === "month") {
    const y = Number(value.slice(0, 4));
    const m = Number(value.slice(5, 7));
    if (m >= 1 && m <= 12) ctx.lastMonth = y * 12 + m - 1;
    const d = Number(value.slice(8, 10));
    if (precision !== "month" && d >= 1) ctx.lastDay = toDays(y, m, d);
  }
  if (precision === "quarter") {
    ctx.lastQuarter = Number(value.slice(0, 4)) * 4 + Number(value.slice(6, 7)) - 1;
  }
  if (precision === "year" || precision === "month" || precision === "day" || precision === "quarter") {
    ctx.lastYear = Number(value.slice(0, 4));
  }
}

/** Finds the time expressions of a document (needs its sentences and tokens), in text order. */
export function findDocTimes(doc: Doc): TimeFact[] {
  const anchor = anchorOf(doc.meta.published);
  const tokens = doc.layers.tokens ?? [];
  const out: TimeFact[] = [];
  const ctx: Discourse = {};
  let t = 0;
  for (const s of doc.layers.sentences ?? []) {
    while (t < tokens.length && tokens[t].start < s.start) t++;
    const from = t;
    while (t < tokens.length && tokens[t].end <= s.end) t++;
    if (t > from && mayHoldTime(doc.text, tokens, from, t))
      timesOfUnits(doc.text, buildUnits(doc.text, tokens, from, t), anchor, ctx, out);
  }
  return out;
}

/** The times stage: `layers.times` from sentences and tokens, resolved against `meta.published`. */
export const timesStage: Stage = {
  name: STAGE,
  requires: ["sentences", "tokens"],
  assigns: ["times"],
  run(doc: Doc): void {
    doc.layers.times = findDocTimes(doc);
  },
};
