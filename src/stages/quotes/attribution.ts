import { cueVerbs, speechNouns } from "./lexicon.ts";
import { isCueWord, phraseBackward, phraseForward, type SpeakerPhrase } from "./speaker.ts";
import { QUOTE_CHARS, type TokenView } from "./tokens.ts";

/**
 * Attribution cues next to a quote: "…,” Lavrov said" / "…,” said Lavrov" / "Lavrov said: “…”" /
 * "according to the ministry, “…”", each with the speaker phrase it names. Cues are searched in a
 * short window of tokens around the quote marks, never across a sentence-final stop.
 */

/** A cue with its speaker phrase (null when the cue names none: "…,” adding that …"). */
export interface Attribution {
  /** Cue tokens `cueFirst..cueLast` (inclusive). */
  cueFirst: number;
  cueLast: number;
  speaker: SpeakerPhrase | null;
  /** The cue is a participle ("saying", "adding") whose speaker is the subject of its sentence. */
  participle: boolean;
  /** Punctuation (`,` `:` `—`) separates the cue from the quote's opening mark. */
  punctuated: boolean;
}

/** Adverbs and auxiliaries allowed between a subject and its cue ("has also said", "later told"). */
function isVerbFiller(v: TokenView, i: number): boolean {
  const p = v.pos(i);
  return p === "ADV" || p === "AUX" || (p === "PART" && v.lower(i) === "not");
}

const STOP = ".!?;";

function isAccording(v: TokenView, i: number): boolean {
  return v.lower(i) === "according" && i + 1 < v.length && v.lower(i + 1) === "to";
}

/**
 * The subject of a cue at token `q`: the phrase just before it (over adverbs and auxiliaries),
 * or the name before an appositive ("Lavrov, Russia’s foreign minister, said").
 */
export function subjectBefore(v: TokenView, q: number, lo: number): SpeakerPhrase | null {
  let j = q - 1;
  while (j >= lo && isVerbFiller(v, j)) j--;
  j = skipParenthesisBack(v, j, lo);
  if (j < lo) return null;
  if (v.isPunct(j, ",")) {
    // An appositive: look for the comma that opens it, and take the name before that.
    for (let k = j - 1; k >= lo && j - k <= 20; k--) {
      if (v.isPunct(k, STOP) || v.isPunct(k, QUOTE_CHARS)) break;
      if (v.isPunct(k, ",")) {
        const before = phraseBackward(v, k - 1, lo);
        if (before && before.kind !== "pronoun") return before;
        break;
      }
    }
    return null;
  }
  return phraseBackward(v, j, lo);
}

/** When token `j` closes a parenthesis ("Rep. Gwen Moore (D-Wis.) said"), the token before its opening; else `j`. */
function skipParenthesisBack(v: TokenView, j: number, lo: number): number {
  if (j < lo || !v.isPunct(j, ")")) return j;
  for (let k = j - 1; k >= lo && j - k <= 8; k--) if (v.isPunct(k, "(")) return k - 1;
  return j;
}

/** When token `i` opens a parenthesis, the token after its closing; else `i`. */
function skipParenthesis(v: TokenView, i: number, hi: number): number {
  if (i >= hi || !v.isPunct(i, "(")) return i;
  for (let k = i + 1; k < hi && k - i <= 8; k++) if (v.isPunct(k, ")")) return k + 1;
  return i;
}

/** Prepositions that may follow a speaker's name inside its phrase ("Mr. Morgan of the Sierra Club"). */
const PHRASE_PREPOSITIONS = new Set(["of", "at", "in", "from", "for", "with"]);
const DASHES = "—–―-";

/**
 * A cue right after a quote's closing mark (token index `after` is the first token past the mark).
 * With `loose` (the quote ends on a comma, question or exclamation mark, the news convention for
 * an attribution to follow), any verb after the subject counts as the cue ("…,” the letter reads).
 */
export function cueAfterQuote(v: TokenView, after: number, hi: number, loose = false): Attribution | null {
  let i = after;
  let dash = -1;
  while (i < hi && v.isPunct(i, ",—–-―")) {
    if (v.isPunct(i, DASHES)) dash = i;
    i++;
  }
  if (i >= hi) return null;
  if (dash >= 0) {
    // A signature: "…” ― Jane Doe" closing the paragraph.
    const np = phraseForward(v, i, hi);
    let k = np ? np.last + 1 : hi;
    while (k < hi && v.pos(k) === "PUNCT") k++;
    if (np && np.kind === "name" && k >= hi)
      return { cueFirst: dash, cueLast: dash, speaker: np, participle: false, punctuated: true };
  }
  if (isAccording(v, i)) {
    return {
      cueFirst: i,
      cueLast: i + 1,
      speaker: phraseForward(v, i + 2, hi),
      participle: false,
      punctuated: true,
    };
  }
  if (isCueWord(v, i)) {
    // Inverted: "…,” said Lavrov, the foreign minister.
    const participle = v.lower(i).endsWith("ing");
    const speaker = participle ? null : phraseForward(v, i + 1, hi);
    return { cueFirst: i, cueLast: i, speaker, participle, punctuated: true };
  }
  const np = phraseForward(v, i, hi);
  if (!np) return null;
  let j = np.last + 1;
  if (np.kind !== "pronoun") {
    j = skipParenthesis(v, j, hi);
    // "Mr. Morgan of the Sierra Club said", "a narrator in the Clinton ad asks".
    for (let n = 0; n < 2 && j < hi && PHRASE_PREPOSITIONS.has(v.lower(j)); n++) {
      const pp = phraseForward(v, j + 1, hi);
      if (!pp || pp.kind === "pronoun") break;
      j = skipParenthesis(v, pp.last + 1, hi);
    }
  }
  if (j < hi && v.isPunct(j, ",") && np.kind !== "pronoun") {
    // "…,” Lavrov, the foreign minister, said.
    let k = j + 1;
    while (k < hi && k - j <= 20 && !v.isPunct(k, ",") && !(v.isPunct(k, STOP) && !v.isPunct(k + 1, ",")))
      k++;
    if (k < hi && v.isPunct(k, ",")) j = k + 1;
  }
  while (j < hi && (isVerbFiller(v, j) || v.pos(j) === "ADJ") && j - np.last <= 3) j++;
  if (j >= hi) return null;
  if (isCueWord(v, j) || (loose && v.pos(j) === "VERB" && !v.isCap(j))) {
    return { cueFirst: j, cueLast: j, speaker: np, participle: false, punctuated: true };
  }
  return null;
}

/** A cue before a quote's opening mark (token index `mark` is the mark's token, `lo` the sentence's first token). */
export function cueBeforeQuote(v: TokenView, mark: number, lo: number): Attribution | null {
  let i = mark - 1;
  let punctuated = false;
  while (i >= lo && v.isPunct(i, ",:—–")) {
    punctuated = true;
    i--;
  }
  // Adjuncts between the cue and the quote: "said in a statement on Monday:", "told reporters:".
  for (let k = i; k >= lo && i - k <= 8; k--) {
    if (v.isPunct(k, STOP) || v.isPunct(k, QUOTE_CHARS)) return null;
    if (isCueWord(v, k)) {
      let participle = v.lower(k).endsWith("ing");
      let speaker = participle ? null : subjectBefore(v, k, lo);
      // "footage of Trump saying, “…”": a participle right after a name has that name as subject.
      if (participle && k > lo && !v.isPunct(k - 1, ",")) {
        speaker = phraseBackward(v, k - 1, lo);
        if (speaker) participle = false;
      }
      // Inverted before the quote: "said Lavrov: “…”".
      if (!speaker && !participle && k < i) speaker = phraseForward(v, k + 1, i + 1);
      return { cueFirst: k, cueLast: k, speaker, participle, punctuated };
    }
    if (k > lo && isAccording(v, k - 1)) {
      return {
        cueFirst: k - 1,
        cueLast: k,
        speaker: phraseForward(v, k + 1, i + 1),
        participle: false,
        punctuated,
      };
    }
    const p = v.pos(k);
    // A verb-tagged word after a determiner is a noun the tagger missed ("his radio audience").
    const nounLike =
      p === "VERB" &&
      k > lo &&
      (v.pos(k - 1) === "DET" || v.lower(k - 1) === "his" || v.lower(k - 1) === "her");
    if (!nounLike && (p === "VERB" || p === "AUX" || p === "SCONJ" || p === "CCONJ")) return null;
    if (p === "PUNCT" && !v.isPunct(k, ",")) return null;
  }
  return null;
}

/** True when the token is a cue of indirect speech: a cue verb (as a verb) or "according to". */
export function isIndirectCue(v: TokenView, i: number): boolean {
  return isAccording(v, i) || (isCueWord(v, i) && (v.pos(i) === "VERB" || v.pos(i) === "AUX"));
}

/** True when the cue form is one of writing (tweets, posts, written statements). */
export function isWrittenCue(word: string): boolean {
  return cueVerbs.get(word.toLowerCase()) === true || speechNouns.has(word.toLowerCase());
}
