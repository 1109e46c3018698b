/**
 * The tense of the clause around a time expression, read from the nearest verb cue: auxiliaries
 * and modals ("will", "was", "has"), irregular past forms ("said", "met") from `data/tense.tsv`,
 * and regular forms by suffix ("-ed" past, "-s" present). It decides which "Monday" or "March" a
 * bare name means: news reports the past, so past tense (and no verb at all) picks the last one,
 * future tense the next one.
 */
import { type Tense, TENSE_CUES } from "./lexicon.ts";
import type { Unit } from "./units.ts";

/** The tense one unit marks, if any. */
function cueOf(x: Unit): Tense | undefined {
  const t = TENSE_CUES.get(x.w);
  if (t !== undefined) return t;
  if (x.pos !== "VERB") return undefined;
  const w = x.w;
  if (w.endsWith("ed")) return "past";
  if (w.endsWith("s") && !w.endsWith("ss")) return "present";
  return undefined;
}

/** Units that end a clause: the tense of a verb beyond them does not reach the expression. */
const CLAUSE_END = new Set([";", ":", "—", "–", "(", ")", "\u201c", "\u201d", '"']);

/**
 * Tense of the clause holding units `[from, to)` of a sentence: the nearest cue, looking left
 * and right alternately without crossing a clause break; undefined when no verb says.
 */
export function clauseTense(u: readonly Unit[], from: number, to: number): Tense | undefined {
  let l = from - 1;
  let r = to;
  let lOpen = true;
  let rOpen = true;
  while ((lOpen && l >= 0) || (rOpen && r < u.length)) {
    if (lOpen && l >= 0) {
      const x = u[l--];
      if (CLAUSE_END.has(x.w)) lOpen = false;
      else {
        const t = cueOf(x);
        if (t !== undefined) return t;
      }
    }
    if (rOpen && r < u.length) {
      const x = u[r++];
      if (CLAUSE_END.has(x.w)) rOpen = false;
      else {
        const t = cueOf(x);
        if (t !== undefined) return t;
      }
    }
  }
  return undefined;
}
