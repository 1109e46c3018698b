/**
 * What the grammar reads a time expression as, before it is resolved against the publication
 * date: a calendar reading (some fields known), a shift from the publication date, a TIMEX
 * reference, or a duration.
 */

import type { Holiday } from "./lexicon.ts";

/** Direction a partial date is completed in: -1 the last one, 1 the next one, 0 the nearest. */
export type Direction = -1 | 0 | 1;

/** A calendar reading: the fields the text gave. Months 1-12, weekdays 1 (Monday) to 7. */
export interface CalSpec {
  kind: "cal";
  y?: number;
  m?: number;
  d?: number;
  wd?: number;
  /** Quarter 1-4. */
  q?: number;
  /** Half year 1-2. */
  half?: number;
  /** Season: SP, SU, FA, WI. */
  season?: string;
  /** Decade as TIMEX writes it: 199 for the 1990s. */
  decade?: number;
  /** Century as TIMEX writes it: 19 for the 1900s (the 20th century). */
  century?: number;
  /** Clock time `HH:MM`. */
  clock?: string;
  /** Part of day: MO, AF, EV, NI. */
  partday?: string;
  /** "last"/"next"/"this" written before the name: which one is meant, strictly before/after or in the same period. */
  shift?: number;
  /** A named day ("Thanksgiving", "Christmas Eve"), dated in the year found for it. */
  holiday?: Holiday;
  /** Year as an offset from the publication year, when the text gave it that way ("March of last year": -1). */
  yRel?: number;
  /** "the week of March 6": the ISO week holding the day read. */
  weekOf?: boolean;
}

/** A shift of `n` units from the publication date: yesterday = D -1, last year = Y -1, this week = W 0. */
export interface RelSpec {
  kind: "rel";
  /** D, W, M, Y, Q, DE, CE, WE (weekend), H, MIN; T for "the time last named" (with anaphor "that"). */
  unit: string;
  n: number;
  partday?: string;
  /** For "the quarter", "the weekend": the last one when the clause is in the past tense, else the current one; `n` is added. */
  byTense?: boolean;
  /**
   * Anchored on the discourse rather than the publication date: `"year-ago"` ("a year earlier"
   * after a quarter was named: the same quarter a year before), `"that"` ("that year": the year
   * last named; with D, W and M: "that day", "the following month", "the next morning",
   * counted from the day or month last named).
   */
  anaphor?: "year-ago" | "that";
}

/**
 * A value that needs no anchor: PRESENT_REF, PAST_REF, FUTURE_REF (`ref`), a duration such as
 * P3Y (`dur`), or a set of recurring times such as P1W for "every week" (`set`).
 */
export interface FixedSpec {
  kind: "ref" | "dur" | "set";
  value: string;
}

/** A time expression's reading, with the TIMEX mod its modifiers gave (START, END, MID...). */
export type Spec = (CalSpec | RelSpec | FixedSpec) & { mod?: string };

/** A match of the grammar: units `[from, to)` of a sentence and their reading. */
export interface Match {
  from: number;
  to: number;
  spec: Spec;
  /** The grammar rule that matched, recorded in provenance. */
  rule: string;
}
