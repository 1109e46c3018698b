/**
 * The tense of the clause around a time expression, read from the nearest verb cue: auxiliaries
 * and modals ("will", "was", "has"), irregular past forms ("said", "met") from `data/tense.tsv`,
 * and regular forms by suffix ("-ed" past, "-s" present). It decides which "Monday" or "March" a
 * bare name means: news reports the past, so past tense (and no verb at all) picks the last one,
 * future tense the next one. An infinitive after a verb of intent ("agreed to meet Monday") and a
 * time something is put off to ("postponed until Tuesday") are future, whatever the main verb.
 */
import { DEFER_VERBS, INTENT_VERBS, TENSE_CUES, type Tense } from "./lexicon.ts";
import type { Unit } from "./units.ts";

/** Tags of a word that can be the subject right before a finite verb ("they meet", "talks resume"). */
const SUBJECT_TAGS = new Set(["PRON", "NOUN", "PROPN"]);

/** Words before a noun, never before a finite verb: "the plan", "their offers", "its hopes". */
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "its",
  "their",
  "his",
  "her",
  "our",
  "my",
  "your",
  "this",
  "these",
]);

/** The tense unit `i` marks, if any. */
function cueOf(u: readonly Unit[], i: number): Tense | undefined {
  const x = u[i];
  // A clitic "'s" is a verb only when tagged so ("it's"), not a possessive ("Havana's").
  if ((x.w === "'s" || x.w === "’s") && x.pos !== "AUX" && x.pos !== "VERB") return undefined;
  const prev = u[i - 1];
  // "the plan", "their offers": a verb form after a determiner is a noun, whatever the tagger said.
  if (prev !== undefined && DETERMINERS.has(prev.w) && x.pos !== "AUX") return undefined;
  const t = TENSE_CUES.get(x.w);
  // "will be heard", "is held": a participle takes the tense of its auxiliary.
  if (t === "past" && x.pos === "VERB") return passiveAux(u, i) ?? t;
  if (t !== undefined) return t;
  const w = x.w;
  // "protesters prayed": a past form the tagger took for an adjective, right after its subject.
  if (x.pos === "ADJ" && w.endsWith("ed") && prev !== undefined && SUBJECT_TAGS.has(prev.pos)) return "past";
  if (x.pos !== "VERB") return undefined;
  // "decided to admit them in March", "set to resume Monday": after a verb of intent or
  // schedule, an infinitive's event is still to come; after other verbs ("rallied to mark the
  // entry on Friday") the governing verb's own tense decides.
  if (prev !== undefined && prev.w === "to" && prev.pos === "PART") return intentBefore(u, i - 2);
  if (w.endsWith("ed")) return passiveAux(u, i) ?? "past";
  if (w.endsWith("s") && !w.endsWith("ss")) return "present";
  // A bare form right after its subject is a present ("they meet Monday"); after "to", "will", "did" it is not finite.
  if (prev !== undefined && SUBJECT_TAGS.has(prev.pos) && !w.endsWith("ing")) return "present";
  return undefined;
}

/** "future" when unit `j` (or the one before it, past an adverb) is a verb of intent or schedule ("agreed", "set", "is"). */
function intentBefore(u: readonly Unit[], j: number): Tense | undefined {
  let k = j;
  if (u[k] !== undefined && u[k].pos === "ADV") k--;
  const x = u[k];
  if (x === undefined || !INTENT_VERBS.has(x.w) || x.pos === "NOUN") return undefined;
  // "their offers to acquire": a noun after a determiner, whatever the tagger said.
  return DETERMINERS.has(u[k - 1]?.w ?? "") ? undefined : "future";
}

/** Forms of "be" that make a participle after them passive, not past ("is heard", "will be held"). */
const BE = new Set(["be", "been", "being"]);

/** The tense of the auxiliary before a participle ("is heard" present, "will be held" future), if there is one. */
function passiveAux(u: readonly Unit[], i: number): Tense | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const x = u[j];
    // "to be published in November": a passive infinitive looks ahead like an active one.
    if (x.w === "to" && x.pos === "PART" && BE.has(u[j + 1]?.w ?? "")) return "future";
    if (BE.has(x.w) || x.pos === "ADV" || x.pos === "PART") continue;
    return x.pos === "AUX" ? TENSE_CUES.get(x.w) : undefined;
  }
  return undefined;
}

/** Prepositions that name where a deferral ends ("postponed until Tuesday", "extended the offer to Nov. 20"). */
const DEFER_PREPS = new Set(["until", "till", "to", "into"]);

/**
 * True when the expression at `from` is where something was put off to ("postponed until Tuesday
 * morning", "extended the deadline to March 12"): a later time than the act, whatever its tense.
 */
function deferredTo(u: readonly Unit[], from: number): boolean {
  if (!DEFER_PREPS.has(u[from - 1]?.w ?? "")) return false;
  for (let j = from - 2; j >= Math.max(0, from - 6); j--) {
    const x = u[j];
    if (x.pos === "PUNCT") return false;
    if (DEFER_VERBS.has(x.w)) return true;
  }
  return false;
}

/** Units that end a clause: the tense of a verb beyond them does not reach the expression. */
const CLAUSE_END = new Set([";", ":", "—", "–", "(", ")", "\u201c", "\u201d", '"']);

/**
 * Tense of the clause holding units `[from, to)` of a sentence: the nearest cue to the left (a
 * time adverbial mostly follows its verb), else the nearest to the right ("On Friday, the
 * minister said"), never crossing a clause break; undefined when no verb says.
 */
export function clauseTense(u: readonly Unit[], from: number, to: number): Tense | undefined {
  if (deferredTo(u, from)) return "future";
  for (let l = from - 1; l >= 0 && !CLAUSE_END.has(u[l].w); l--) {
    const t = cueOf(u, l);
    if (t !== undefined) return t;
  }
  for (let r = to; r < u.length && !CLAUSE_END.has(u[r].w); r++) {
    const t = cueOf(u, r);
    if (t !== undefined) return t;
  }
  return undefined;
}
