/**
 * Loaded-language markers for outlet profiles: words and phrases of `data/loaded-language.tsv`
 * (name-calling, charged adjectives and nouns, scare qualifiers) counted in a text. A count says
 * that a word occurs, not who used it or in which sense: read `data/README.md` before using it.
 */
import { readFileSync } from "node:fs";

/** One lexicon entry. */
export interface LoadedTerm {
  /** Lower-case words, one or more. */
  words: readonly string[];
  term: string;
  category: string;
}

/** The lexicon, loaded at module init. */
export const loadedLexicon: readonly LoadedTerm[] = readFileSync(
  new URL("./data/loaded-language.tsv", import.meta.url),
  "utf8",
)
  .split("\n")
  .filter((l) => l.trim() !== "" && !l.startsWith("#"))
  .map((l) => {
    const [term, category] = l.split("\t").map((c) => c.trim());
    return { term, category, words: term.split(/\s+/) };
  });

/** Entries by their first word. */
const byFirst = new Map<string, LoadedTerm[]>();
for (const t of loadedLexicon) {
  const list = byFirst.get(t.words[0]);
  if (list) list.push(t);
  else byFirst.set(t.words[0], [t]);
}

/** What {@link toneCounts} found in one text. */
export interface ToneCounts {
  /** Words (runs of letters, with inner hyphens and apostrophes). */
  words: number;
  /** Lexicon hits by term. */
  hits: Map<string, { category: string; count: number }>;
}

const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** Counts words and loaded-language hits in `text` (case-insensitive, whole words; longest phrase first). */
export function toneCounts(text: string): ToneCounts {
  const words = (text.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/['’]s$/, ""));
  const hits = new Map<string, { category: string; count: number }>();
  for (let i = 0; i < words.length; i++) {
    const options = byFirst.get(words[i]);
    if (!options) continue;
    let best: LoadedTerm | undefined;
    for (const t of options)
      if (t.words.every((w, k) => words[i + k] === w) && (!best || t.words.length > best.words.length))
        best = t;
    if (!best) continue;
    const h = hits.get(best.term);
    if (h) h.count++;
    else hits.set(best.term, { category: best.category, count: 1 });
    i += best.words.length - 1;
  }
  return { words: words.length, hits };
}
