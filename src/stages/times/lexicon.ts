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
  | "ago";

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
for (const [form, tense] of readRows("tense.tsv")) TENSE_CUES.set(form, tense as Tense);
