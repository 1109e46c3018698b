/**
 * The time-expression lexicon (`data/lexicon.tsv`) and the tense cues (`data/tense.tsv`), loaded
 * once at module init. See `data/README.md` for the file formats and the ambiguous entries.
 */
import { readFileSync } from "node:fs";

/** Word classes of the lexicon. */
export type WordClass =
  | "month"
  | "weekday"
  | "number"
  | "ordinal"
  | "unit"
  | "season"
  | "partday"
  | "deictic"
  | "ref"
  | "shift"
  | "mod"
  | "ago"
  | "set";

/** What one word can be: its value for each class it belongs to (a word may have several). */
export type Entry = Partial<Record<WordClass, string>>;

/** Reads a data file as tab-separated rows, skipping blank lines and `#` comments. */
function readRows(name: string): string[][] {
  const text = readFileSync(new URL(`./data/${name}`, import.meta.url), "utf8");
  const out: string[][] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    out.push(line.split("\t"));
  }
  return out;
}

/** Lower-case word (abbreviations without their period) → its classes and values. */
export const LEXICON = new Map<string, Entry>();
for (const [word, cls, value] of readRows("lexicon.tsv")) {
  const e = LEXICON.get(word) ?? {};
  e[cls as WordClass] = value;
  LEXICON.set(word, e);
}

/** Tense a verb form gives its clause. */
export type Tense = "past" | "present" | "future";

/** Lower-case verb form → the tense it marks. */
export const TENSE_CUES = new Map<string, Tense>();
/**
 * Verb forms of intent or schedule ("agreed", "set", "plans", "is"): an infinitive after them
 * ("agreed to meet Monday") speaks of what is still to come. Rows of `tense.tsv` with class `intent`.
 */
export const INTENT_VERBS = new Set<string>();
/**
 * Verb forms that put something off ("postponed", "extended"): a time after them and "until"/"to"
 * is later than the act ("postponed until Tuesday"). Rows of `tense.tsv` with class `defer`.
 */
export const DEFER_VERBS = new Set<string>();
for (const [form, tense] of readRows("tense.tsv")) {
  if (tense === "intent") INTENT_VERBS.add(form);
  else if (tense === "defer") DEFER_VERBS.add(form);
  else TENSE_CUES.set(form, tense as Tense);
}

/**
 * Words without which no time expression can be read (month and weekday names, units, seasons,
 * parts of day, deictic days, references, number words other than "a"/"an"): a sentence with
 * none of them and no digit is skipped before its words are even lower-cased.
 */
export const HEAD_WORDS = new Set<string>();
for (const [word, e] of LEXICON) {
  const head =
    e.month !== undefined ||
    e.weekday !== undefined ||
    e.unit !== undefined ||
    e.season !== undefined ||
    e.partday !== undefined ||
    e.deictic !== undefined ||
    e.ref !== undefined ||
    e.set !== undefined ||
    (e.number !== undefined && word !== "a" && word !== "an");
  if (head) HEAD_WORDS.add(word);
}

/**
 * A named day: a fixed month and day, or the `nth` weekday `wd` of month `m` (`nth` -1 for the
 * last one), plus `plus` days ("Election Day" is the day after the first Monday of November), or
 * `easter` days from (Western) Easter Sunday ("Good Friday" is -2).
 */
export interface Holiday {
  /** The name's words, lower case. */
  words: string[];
  /** Month; for a day counted from Easter, 3 (only used when no year can be found). */
  m: number;
  easter?: number;
  d?: number;
  nth?: number;
  wd?: number;
  plus?: number;
}

/** First word of a named day → the named days it may start, longest first. */
export const HOLIDAYS = new Map<string, Holiday[]>();
for (const [name, rule] of readRows("holidays.tsv")) {
  const words = name.split(" ");
  const fixed = /^(\d{2})-(\d{2})$/.exec(rule);
  const nth = /^(\d{2})\/(-?\d)\/(\d)(?:\+(\d))?$/.exec(rule);
  const easter = /^E([+-]\d+)?$/.exec(rule);
  let h: Holiday;
  if (fixed !== null) h = { words, m: Number(fixed[1]), d: Number(fixed[2]) };
  else if (easter !== null) h = { words, m: 3, easter: Number(easter[1] ?? 0) };
  else if (nth !== null) {
    h = { words, m: Number(nth[1]), nth: Number(nth[2]), wd: Number(nth[3]), plus: Number(nth[4] ?? 0) };
  } else throw new Error(`holidays.tsv: cannot read rule "${rule}" of "${name}"`);
  const list = HOLIDAYS.get(words[0]) ?? [];
  list.push(h);
  list.sort((a, b) => b.words.length - a.words.length);
  HOLIDAYS.set(words[0], list);
  // A one-word name ("Thanksgiving", "Christmas") is a head word of its own.
  if (words.length === 1) HEAD_WORDS.add(words[0]);
}
