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
  if (j < lo) return null;
  if (v.isPunct(j, ",")) {
    // An appositive: look for the comma that opens it, and take the name before that.
    for (let k = j - 1; k >= lo && j - k <= 12; k--) {
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

/** A cue right after a quote's closing mark (token index `after` is the first token past the mark). */
export function cueAfterQuote(v: TokenView, after: number, hi: number): Attribution | null {
  let i = after;
  while (i < hi && v.isPunct(i, ",—–-")) i++;
  if (i >= hi) return null;
  if (isAccording(v, i)) {
    return { cueFirst: i, cueLast: i + 1, speaker: phraseForward(v, i + 2, hi), participle: false, punctuated: true };
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
  if (j < hi && v.isPunct(j, ",") && np.kind !== "pronoun") {
    // "…,” Lavrov, the foreign minister, said.
    let k = j + 1;
    while (k < hi && k - j <= 12 && !v.isPunct(k, ",") && !v.isPunct(k, STOP)) k++;
    if (k < hi && v.isPunct(k, ",")) j = k + 1;
  }
  while (j < hi && isVerbFiller(v, j)) j++;
  if (j < hi && isCueWord(v, j)) return { cueFirst: j, cueLast: j, speaker: np, participle: false, punctuated: true };
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
      const participle = v.lower(k).endsWith("ing");
      let speaker = participle ? null : subjectBefore(v, k, lo);
      // Inverted before the quote: "said Lavrov: “…”".
      if (!speaker && !participle && k < i) speaker = phraseForward(v, k + 1, i + 1);
      return { cueFirst: k, cueLast: k, speaker, participle, punctuated };
    }
    if (k > lo && isAccording(v, k - 1)) {
      return { cueFirst: k - 1, cueLast: k, speaker: phraseForward(v, k + 1, i + 1), participle: false, punctuated };
    }
    const p = v.pos(k);
    if (p === "VERB" || p === "AUX" || p === "SCONJ" || p === "CCONJ") return null;
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
