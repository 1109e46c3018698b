/**
 * Modality of an event from its verb group and clause: negated ("did not sign", "refused to"),
 * hypothetical ("if", "only if", "once", "unless", "could"), future ("will", "plans to", "is
 * expected to", "is to"), else asserted. Historical is decided later, from the event's date.
 */
import type { Modality } from "../../core/index.ts";
import { isSpeech, opensClause, verbGroupStart } from "./clause.ts";
import type { GovernorKind } from "./lexicon.ts";
import type { SentenceView } from "./view.ts";
import { wordSet } from "./words.ts";

const NEG = wordSet("neg");
const FUTURE = wordSet("future");
const HYPO = wordSet("hypomodal");
const COND = wordSet("cond");
const BE = wordSet("be");

/** A modality with the rule that decided it. */
export interface ModalityFinding {
  modality: Modality;
  rule: string;
}

/** Adjectives before an event noun that make it unreal: "the planned visit", "possible sanctions". */
const NOUN_FUTURE = new Set([
  "planned",
  "proposed",
  "upcoming",
  "expected",
  "scheduled",
  "future",
  "prospective",
]);
const NOUN_HYPO = new Set(["possible", "potential", "hypothetical", "conditional", "threatened"]);

/** Whether the clause holding token `i` is introduced by a conditional subordinator (to its left). */
function conditionalLeft(v: SentenceView, i: number): boolean {
  let comma = false;
  for (let j = i - 1; j >= 0; j--) {
    const w = v.low[j];
    if (w === ";") return false;
    if (w === ",") comma = true;
    // "If X, Y will Z": a sentence that opens with a condition is hypothetical throughout.
    if (j === 0 && (COND.has(w) || (INVERTED.has(w) && v.mentionAt[1] >= 0))) return true;
    if (!comma && w === "until" && negatedBefore(v, j)) return true;
    if (!comma && opensClause(v, j)) return COND.has(w);
  }
  return false;
}

/** "will not lift the embargo until China signs": a negated clause before "until" at `j` makes it a condition. */
function negatedBefore(v: SentenceView, j: number): boolean {
  for (let k = j - 1; k >= 0 && k >= j - 12; k--) {
    const w = v.low[k];
    if (w === ";" || w === "." || (w !== "until" && opensClause(v, k))) return false;
    if (NEG.has(w)) return true;
  }
  return false;
}

/** Adjectives before "to" that put the act in the future: "is expected to", "is likely to". */
const FUTURE_ADJ = new Set(["likely", "expected", "due", "set", "poised", "scheduled", "slated", "about"]);

/** Nouns of plans and intentions before "of"/"to" + verb: "no intention of invading". */
const INTENT_NOUNS = new Set([
  ..."intention intentions plan plans plot plots aim goal idea prospect possibility bid decision proposal offer promise pledge threat threats readiness willingness".split(
    " ",
  ),
]);

/**
 * Whether token `k` is a forecast or schedule word after "be" or its subject alone ("is expected
 * to sign", "Iran set to sign"): the text reports a plan, the actor states no intention.
 */
export function forecast(v: SentenceView, k: number): boolean {
  return k >= 1 && FUTURE_ADJ.has(v.low[k]) && (BE.has(v.low[k - 1]) || v.mentionAt[k - 1] >= 0);
}

/** Whether token `k` is a finite or progressive "prepare" narrating a preparation ("prepared to leave", not "is prepared to"). */
export function preparing(v: SentenceView, k: number): boolean {
  if (!/^prepar(e|es|ed|ing)$/.test(v.low[k] ?? "")) return false;
  const before = v.low[k - 1] ?? "";
  return v.low[k] === "preparing" ? BE.has(before) : !BE.has(before) && before !== "not";
}

/** Auxiliaries that open an inverted conditional: "Should Israel attack, ...". */
const INVERTED = new Set(["should", "had", "were"]);

/** Whether a conditional clause follows the trigger in its clause ("... only if the US lifts sanctions"). */
function conditionalRight(v: SentenceView, i: number): boolean {
  let comma = false;
  for (let j = i + 1; j < v.low.length; j++) {
    const w = v.low[j];
    if (w === ";" || w === ":") return false;
    if (w === ",") comma = true;
    if (COND.has(w) && (v.pos[j] === "SCONJ" || w === "if" || w === "unless")) {
      return !comma || v.low[j - 1] === "only" || w === "unless";
    }
    if (isSpeech(v, j)) return false;
  }
  return false;
}

/** Modality read from the verb group ending before token `i` (auxiliaries, negation). */
function fromVerbGroup(v: SentenceView, i: number, reported: boolean): ModalityFinding | undefined {
  const g = verbGroupStart(v, i);
  let neg = false;
  let fut = false;
  let hypo = false;
  let scheduled = false;
  let prepared = false;
  for (let j = g; j < i; j++) {
    const w = v.low[j];
    if (NEG.has(w)) neg = true;
    else if (FUTURE.has(w)) fut = true;
    else if (HYPO.has(w)) {
      // "said it would attack": reported future; a bare "would"/"could" is hypothetical.
      if (w === "would" && reported) fut = true;
      else hypo = true;
    }
  }
  // "is to visit", "are going to sign", "is expected to sign", "is unlikely to veto"
  if (g >= 2 && v.low[g - 1] === "to") {
    const w = v.low[g - 2];
    if (BE.has(w) || w === "going" || FUTURE_ADJ.has(w)) fut = true;
    else if (w === "unlikely") hypo = true;
    // "is scheduled to attend", "is expected to sign": a schedule or a forecast the text reports,
    // not an intention the actor states (also in headline style: "Iran set to sign").
    if (forecast(v, g - 2)) scheduled = true;
    // "the envoy prepared to leave": a preparation the text narrates ("is prepared to" is a
    // stated readiness, left to the governor list).
    if (preparing(v, g - 2)) {
      fut = true;
      prepared = true;
    }
  }
  // "has no intention of invading", "the plan to annex": an act a plan or an intention names.
  const k = g >= 2 && (v.low[g - 1] === "of" || v.low[g - 1] === "to") ? g - 2 : -1;
  if (k >= 0 && INTENT_NOUNS.has(v.low[k])) {
    if (v.low[k - 1] === "no" || v.low[k - 2] === "no" || v.low[k - 2] === "not") neg = true;
    else fut = true;
  }
  if (neg) return { modality: "negated", rule: "modality.negation" };
  if (hypo) return { modality: "hypothetical", rule: "modality.modal" };
  if (fut)
    return {
      modality: "future",
      rule: prepared ? "modality.preparing" : scheduled ? "modality.scheduled" : "modality.future-aux",
    };
  return undefined;
}

/**
 * The modality of a trigger at token `i`: `verbal` says whether it is used as a verb; `lightVerb`
 * is the verb an event noun depends on ("will pay a visit"); `governor` the verb governing it
 * ("refused to sign", "plans to visit") at token `govAt`; `reported` whether its clause is
 * reported speech ("said X would").
 */
export function modalityOf(
  v: SentenceView,
  i: number,
  verbal: boolean,
  opts: { lightVerb?: number; governor?: GovernorKind; govAt?: number; reported?: boolean },
): ModalityFinding {
  const head = verbal ? i : (opts.lightVerb ?? i);
  if (conditionalLeft(v, head)) return { modality: "hypothetical", rule: "modality.conditional" };
  if (conditionalRight(v, head)) return { modality: "hypothetical", rule: "modality.only-if" };
  if (opts.govAt !== undefined) {
    const g = fromVerbGroup(v, opts.govAt, opts.reported === true);
    if (g?.modality === "negated") return g;
    if (conditionalLeft(v, opts.govAt)) return { modality: "hypothetical", rule: "modality.conditional" };
  }
  if (opts.governor === "refuse") return { modality: "negated", rule: "modality.refuse-to" };
  if (opts.governor === "deny") return { modality: "negated", rule: "modality.denied" };
  if (!verbal) {
    const prev = i > 0 ? v.low[i - 1] : "";
    // "no sanctions", "without US support", "no further Russian sanctions": over the noun's modifiers.
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      const w = v.low[j];
      if (w === "no" || w === "without") return { modality: "negated", rule: "modality.no-noun" };
      if (
        !(
          v.pos[j] === "ADJ" ||
          v.pos[j] === "PROPN" ||
          v.mentionAt[j] >= 0 ||
          w === "'s" ||
          v.pos[j] === "NOUN"
        )
      )
        break;
    }
    if (NOUN_FUTURE.has(prev)) return { modality: "future", rule: "modality.planned-noun" };
    if (NOUN_HYPO.has(prev)) return { modality: "hypothetical", rule: "modality.possible-noun" };
  }
  if (verbal || opts.lightVerb !== undefined) {
    const g = fromVerbGroup(v, head, opts.reported === true);
    if (g) return g;
  }
  if (opts.govAt !== undefined) {
    const g = fromVerbGroup(v, opts.govAt, opts.reported === true);
    if (g) return g;
  }
  if (opts.governor === "intent") return { modality: "future", rule: "modality.intent" };
  return { modality: "asserted", rule: "modality.asserted" };
}
