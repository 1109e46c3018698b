import { readFileSync } from "node:fs";

/** Folder of the amount finder's word lists (see `data/README.md`). */
const dataDir = new URL("./data/", import.meta.url);

/** Reads a data file as lines, dropping blank lines and `#` comments; fields stay tab-separated. */
function readDataLines(name: string): string[] {
  const text = readFileSync(new URL(name, dataDir), "utf8");
  const out: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (line === "" || line.startsWith("#")) continue;
    out.push(line);
  }
  return out;
}

/** A set of lowercase words or phrases read from a one-a-line file. */
function readSet(name: string): Set<string> {
  return new Set(readDataLines(name).map((l) => l.trim().toLowerCase()));
}

/** One phrase of a {@link PhraseTable}: its words (lowercase) and what it stands for. */
export interface Phrase<T> {
  words: string[];
  value: T;
}

/**
 * Phrases keyed by their first word (for matching forward from a token) and by their last word
 * (for matching backward), each list longest first so the longest phrase wins.
 */
export interface PhraseTable<T> {
  byFirst: Map<string, Phrase<T>[]>;
  byLast: Map<string, Phrase<T>[]>;
}

/** Builds a {@link PhraseTable} from `[phrase, value]` pairs; phrases split on single spaces. */
export function phraseTable<T>(entries: Array<[string, T]>): PhraseTable<T> {
  const byFirst = new Map<string, Phrase<T>[]>();
  const byLast = new Map<string, Phrase<T>[]>();
  for (const [phrase, value] of entries) {
    const words = phrase.toLowerCase().split(" ");
    const p: Phrase<T> = { words, value };
    for (const [map, key] of [
      [byFirst, words[0]],
      [byLast, words[words.length - 1]],
    ] as const) {
      const list = map.get(key) ?? [];
      list.push(p);
      list.sort((a, b) => b.words.length - a.words.length);
      map.set(key, list);
    }
  }
  return { byFirst, byLast };
}

/** Tab-separated `form<TAB>value` lines as pairs. */
function readPairs(name: string): Array<[string, string]> {
  return readDataLines(name).map((l) => {
    const [form, value = ""] = l.split("\t");
    return [form.toLowerCase(), value];
  });
}

/** A currency as written: its ISO 4217 code, what one written unit is worth in it, and whether it must be in capitals. */
export interface CurrencyForm {
  /** ISO 4217 code, e.g. `"USD"`. */
  code: string;
  /** Multiplier from the written unit to the ISO unit (10 for tomans → rials). */
  factor: number;
  /** True for ISO codes, which count only when written in capitals ("TRY", not "try"). */
  upper: boolean;
}

const currencyLines = readDataLines("currencies.tsv").map((l) => l.split("\t"));
const prefixCurrencies = new Map<string, CurrencyForm>();
const suffixCurrencyEntries: Array<[string, CurrencyForm]> = [];
for (const [form, code, where, factor] of currencyLines) {
  const c: CurrencyForm = { code, factor: factor ? Number(factor) : 1, upper: where === "both" };
  if (where === "prefix" || where === "both") prefixCurrencies.set(form.toLowerCase(), c);
  if (where === "suffix" || where === "both") suffixCurrencyEntries.push([form, c]);
}

/** The word lists of `data/`, loaded once at module init. */
export const lexicon = {
  /** Currency forms written before the number ("$", "us$", "rs", "usd"), lowercase. */
  prefixCurrencies,
  /** Currency phrases written after the number ("euros", "us dollars", "tomans"). */
  suffixCurrencies: phraseTable(suffixCurrencyEntries),
  /** Scale words and suffixes → multiplier ("bn" → 1e9, "crore" → 1e7, "dozen" → 12). */
  scales: new Map(readPairs("scales.tsv").map(([f, v]) => [f, Number(v)])),
  /** Spelled numbers below a hundred → value. */
  numberWords: new Map(readPairs("number-words.tsv").map(([f, v]) => [f, Number(v)])),
  /** Normalised units that are spans of time ("year", "day"): plain durations are left to the times stage. */
  durationUnits: new Set(
    readDataLines("units.tsv")
      .map((l) => l.split("\t"))
      .filter((f) => f[2] === "duration")
      .map((f) => f[1]),
  ),
  /** Measure-unit phrases → normalised unit ("barrels a day" → "barrels per day"). */
  units: phraseTable(readPairs("units.tsv")),
  /** Percent phrases → unit ("per cent" → "percent"). */
  percents: phraseTable(readPairs("percent.tsv")),
  /** Rate phrases → unit ("a year" → "per year"). */
  rates: phraseTable(readPairs("rates.tsv")),
  /** Hedges before an amount ("more than", "about"). */
  modifiers: phraseTable(readDataLines("modifiers.txt").map((l): [string, string] => [l, l.toLowerCase()])),
  /** Month names and abbreviations. */
  months: readSet("months.txt"),
  /** Words that make the next number an identifier ("resolution", "code"). */
  labels: readSet("labels.txt"),
  /** Words that make the number before them a clock time ("a.m.", "gmt"). */
  timeMarkers: readSet("time-markers.txt"),
  /** Cues between a measured noun phrase and its amount ("of", "worth", "reached", "stood at"). */
  measureCues: phraseTable(
    readDataLines("measure-cues.txt").map((l): [string, string] => [l, l.toLowerCase()]),
  ),
  /** Auxiliaries and raising verbs between a measured noun phrase and its cue. */
  measureAux: readSet("measure-aux.txt"),
  /** Nouns naming a time, never a measured thing. */
  timeNouns: readSet("time-nouns.txt"),
};

/** Scales that are full words and may follow a spelled number ("two million", "a dozen"). */
export const wordScales: ReadonlySet<string> = new Set(
  [...lexicon.scales.keys()].filter((f) => f.length > 3 || f === "lac"),
);

/** Short scale abbreviations that are read as a separate word only next to a currency ("$300 m"). */
export const currencyOnlyScales: ReadonlySet<string> = new Set(["m", "b", "k", "cr"]);
