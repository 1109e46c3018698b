/** Closed word classes of `data/words.tsv`, loaded once at module init. */
import { readFileSync } from "node:fs";

/** Word classes the clause analyser uses (see data/words.tsv for what each holds). */
export type WordClass =
  | "be"
  | "people"
  | "have"
  | "aux"
  | "future"
  | "hypomodal"
  | "neg"
  | "cond"
  | "sconj"
  | "rel"
  | "det"
  | "light"
  | "subjpron"
  | "agent"
  | "title"
  | "locprep"
  | "weekday"
  | "month"
  | "accident"
  | "suspect"
  | "claimnoun"
  | "foreign"
  | "thing"
  | "ill";

const classes = new Map<string, string[]>();
for (const raw of readFileSync(new URL("data/words.tsv", import.meta.url), "utf8").split(/\r?\n/)) {
  const l = raw.replace(/#.*/, "").trim();
  if (l === "") continue;
  const [cls, words] = l.split("\t");
  classes.set(cls, words.split(/\s+/));
}

/** The words of a class, in file order (months January first, weekdays Sunday first). */
export function wordList(cls: WordClass): readonly string[] {
  const w = classes.get(cls);
  if (!w) throw new Error(`data/words.tsv has no class ${cls}`);
  return w;
}

/** The words of a class as a set. */
export function wordSet(cls: WordClass): ReadonlySet<string> {
  return new Set(wordList(cls));
}
