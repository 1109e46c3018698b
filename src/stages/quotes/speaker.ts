import {
  type Agreement,
  cueVerbs,
  firstNames,
  nameParticles,
  notSpeakers,
  pronouns,
  speakerNouns,
  titles,
} from "./lexicon.ts";
import type { TokenView } from "./tokens.ts";

/**
 * Reading a speaker noun phrase from tokens, without a parser: a pronoun, a name (a run of
 * capitalised tokens, with particles such as al-, bin, van, de, and an optional title:
 * "Foreign Minister Sergei Lavrov"), or a description ("the minister", "a senior official",
 * "Iran’s foreign ministry").
 */

/** A speaker phrase: tokens `first..last` (inclusive). */
export interface SpeakerPhrase {
  first: number;
  last: number;
  kind: "name" | "description" | "pronoun";
  /** What a later pronoun must agree with to refer to it. */
  agree: Agreement;
}

const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "another",
  "one",
  "my",
  "his",
  "her",
  "its",
  "our",
  "their",
  "your",
]);
/** Parts of speech a capitalised token may have inside a name (a capitalised "The" or "But" is no name). */
const NAME_POS = new Set(["PROPN", "NOUN", "ADJ", "X", "NUM", "VERB", "ADV", "INTJ"]);
/** Parts of speech of the modifiers of a description ("senior", "foreign", "two"). */
const MODIFIER_POS = new Set(["NOUN", "ADJ", "NUM", "PROPN"]);

function isPossessive(v: TokenView, i: number): boolean {
  const w = v.lower(i);
  return w === "’s" || w === "'s" || w === "’" || w === "'";
}

function hasParticlePrefix(w: string): boolean {
  const dash = w.indexOf("-");
  return dash > 0 && nameParticles.has(w.slice(0, dash + 1));
}

/** True when the token can be part of a name: capitalised (and not a function word), or a name particle. */
function isNameToken(v: TokenView, i: number): boolean {
  if (v.isCap(i)) return NAME_POS.has(v.pos(i)) || /\.$/.test(v.word(i));
  return hasParticlePrefix(v.lower(i));
}

/** Agreement of a phrase from its words: a title or given name gives the gender, the head noun the kind. */
function agreementOf(v: TokenView, first: number, last: number, kind: SpeakerPhrase["kind"]): Agreement {
  if (kind === "pronoun") return pronouns.get(v.lower(first)) ?? "a";
  for (let i = first; i <= last; i++) {
    const w = v.lower(i).replace(/\.$/, "");
    const g = titles.get(w) ?? firstNames.get(w);
    if (g === "m" || g === "f") return g;
  }
  const head = speakerNouns.get(v.lower(last));
  if (head) return head;
  return kind === "name" ? "p" : "a";
}

function finish(v: TokenView, first: number, last: number): SpeakerPhrase | null {
  if (last < first || notSpeakers.has(v.lower(last))) return null;
  // A phrase must end on its head: a noun or a name.
  const hp = v.pos(last);
  const common = hp !== "PROPN" && speakerNouns.has(v.lower(last));
  const kind =
    isNameToken(v, last) && !common ? "name" : hp === "NOUN" || hp === "PROPN" ? "description" : null;
  if (kind === null) return null;
  return { first, last, kind, agree: agreementOf(v, first, last, kind) };
}

/** True when the token is a cue verb form (a noun phrase stops before one: "the minister says"). */
export function isCueWord(v: TokenView, i: number): boolean {
  if (!cueVerbs.has(v.lower(i)) || v.pos(i) === "NOUN") return false;
  // Capitalised only at a sentence start ("Said Ellis: …").
  return !v.isCap(i) || i === 0 || v.isPunct(i - 1, '.!?"“”') || v.text[v.tokens[i].start - 1] === "\n";
}

/** The speaker phrase starting at token `i`, reading forward no further than `hi` (exclusive); null when there is none. */
export function phraseForward(v: TokenView, i: number, hi: number): SpeakerPhrase | null {
  if (i >= hi) return null;
  const w0 = v.lower(i);
  if (pronouns.has(w0) && v.pos(i) === "PRON")
    return { first: i, last: i, kind: "pronoun", agree: agreementOf(v, i, i, "pronoun") };
  let j = i;
  if (DETERMINERS.has(w0) && (v.pos(i) === "DET" || v.pos(i) === "NUM")) j++;
  const start = j;
  let last = -1;
  for (; j < hi && j - i < 10; j++) {
    if (j > start && isCueWord(v, j)) break;
    if (isNameToken(v, j)) {
      last = j;
      continue;
    }
    const w = v.lower(j);
    if (nameParticles.has(w) && j > start && j + 1 < hi && v.isCap(j + 1) && v.isCap(j - 1)) continue;
    if (w === "of" && j > start && j + 1 < hi && v.isCap(j - 1) && v.isCap(j + 1)) continue;
    if (isPossessive(v, j) && j > start) continue;
    if (MODIFIER_POS.has(v.pos(j)) && !v.isPunct(j, ",")) {
      last = j;
      continue;
    }
    break;
  }
  return last < 0 ? null : finish(v, i, last);
}

/** The speaker phrase ending at token `j`, reading backward no further than `lo` (inclusive); null when there is none. */
export function phraseBackward(v: TokenView, j: number, lo: number): SpeakerPhrase | null {
  if (j < lo) return null;
  if (pronouns.has(v.lower(j)) && v.pos(j) === "PRON")
    return { first: j, last: j, kind: "pronoun", agree: agreementOf(v, j, j, "pronoun") };
  let k = j;
  let first = j + 1;
  for (; k >= lo && j - k < 10; k--) {
    const w = v.lower(k);
    if (isNameToken(v, k) || (MODIFIER_POS.has(v.pos(k)) && !isCueWord(v, k))) {
      first = k;
      continue;
    }
    if (k < j && (nameParticles.has(w) || w === "of") && k > lo && v.isCap(k - 1) && v.isCap(k + 1)) continue;
    // "the 34-year-old mother of three"
    if (
      k < j &&
      w === "of" &&
      k > lo &&
      v.pos(k - 1) === "NOUN" &&
      !v.isCap(k + 1) &&
      MODIFIER_POS.has(v.pos(k + 1))
    )
      continue;
    if (k < j && isPossessive(v, k)) continue;
    if (DETERMINERS.has(w) && (v.pos(k) === "DET" || v.pos(k) === "PRON") && k < j) {
      first = k;
      break;
    }
    break;
  }
  return first > j ? null : finish(v, first, j);
}
