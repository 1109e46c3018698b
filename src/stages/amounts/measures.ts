/**
 * What an amount quantifies: the noun phrase a number counts ("14 cooperation agreements") or
 * the noun phrase money, a percentage or a quantity is the value of ("trade of $2bn", "a $300m
 * loan", "$2bn in trade", "trade is expected to amount to $10bn"). Noun phrases are delimited by
 * POS tags alone (runs of NOUN/PROPN/ADJ), so the rules stay general and fast.
 */
import { lexicon } from "./data.ts";
import type { SentenceView } from "./view.ts";

/** A token range `[start, end]` (both inclusive) and the rule that found it. */
export interface TokenRange {
  start: number;
  end: number;
  rule: string;
}

/** Longest noun run looked at after a number, in tokens. */
const MAX_RUN = 6;
/** Most auxiliaries skipped between a measured noun phrase and its cue verb. */
const MAX_AUX = 5;
/** Most noun phrases chained by "of"/"between"/"with"/"and" before a cue. */
const MAX_CHAIN = 4;

/** Words that, right after an amount, say it is a time ("$2bn last year"), never a measured thing. */
const timeLead = new Set(["last", "next", "this", "per", "each", "every", "previous", "ago"]);
/** Possessive determiners that may open a noun phrase like "the". */
const possessives = new Set(["its", "their", "his", "her", "our", "my", "your"]);
/** Words that join noun phrases into one measured phrase ("value of trade", "trade between A and B"). */
const chainWords = new Set(["of", "between", "with", "among", "to", "from", "and"]);

/**
 * The counted noun phrase right after token `i`: a run of ADJ/PROPN/NOUN ending at its last
 * noun ("14 cooperation agreements" → "cooperation agreements"). A plural-looking word tagged
 * VERB right after the number is taken as a noun (the tagger's usual slip on "500 troops").
 * With `excludeTime`, time words end the run ("$2bn last year" has no measured noun).
 */
export function nounRunAfter(v: SentenceView, i: number, excludeTime: boolean): TokenRange | undefined {
  let last = -1;
  for (let k = i; k < i + MAX_RUN && v.has(k); k++) {
    const pos = v.pos(k);
    const lower = v.lower(k);
    if (excludeTime && (lexicon.timeNouns.has(lower) || timeLead.has(lower) || lexicon.months.has(lower)))
      break;
    // A cue verb the tagger took for a noun ends the run: "3 countries cost $5m".
    if (k > i && lexicon.measureCues.byFirst.get(lower)?.some((p) => p.words.length === 1)) break;
    // A possessive inside the run: "the country's debts", "Iran's imports".
    if ((lower === "'s" || lower === "'") && k > i && (v.pos(k - 1) === "NOUN" || v.pos(k - 1) === "PROPN"))
      continue;
    if (pos === "NOUN") last = k;
    else if (pos === "PROPN") {
      // A plural name-like word ("Iranians") can be counted; a bare name ("Iran") only modifies.
      if (lower.endsWith("s") && !lower.endsWith("'s")) last = k;
    } else if (pos === "ADJ") {
      // An adjective may lead the run ("23 British diplomats").
    } else if (k === i && pos === "VERB" && lower.endsWith("s") && !lower.includes("'")) last = k;
    else break;
  }
  return last >= i ? { start: i, end: last, rule: "np-after" } : undefined;
}

/** True for a token that can sit inside a noun phrase: NOUN, PROPN, ADJ, NUM, or a possessive "'s"/"'". */
function inNounPhrase(v: SentenceView, k: number): boolean {
  const pos = v.pos(k);
  if (pos === "NOUN" || pos === "PROPN" || pos === "ADJ" || pos === "NUM") return true;
  const lower = v.lower(k);
  return (lower === "'s" || lower === "'") && k > v.from && v.pos(k - 1) !== "PUNCT";
}

/** One noun phrase ending at token `e` (inclusive): `[first content token, index before it (DET skipped)]`. */
function phraseEndingAt(v: SentenceView, e: number): [number, number] | undefined {
  const head = v.pos(e);
  // A word tagged VERB or ADJ right after a determiner is a noun the tagger missed ("The grant
  // totalled", "a fine of").
  const nounAfterDet =
    (head === "VERB" || head === "ADJ") && (v.pos(e - 1) === "DET" || possessives.has(v.lower(e - 1)));
  if (head !== "NOUN" && head !== "PROPN" && !nounAfterDet) return undefined;
  const lower = v.lower(e);
  if (lexicon.timeNouns.has(lower)) return undefined;
  // The unit of another amount is not a measured thing: "fell 32 cents to $51".
  if (
    lexicon.suffixCurrencies.byLast.has(lower) ||
    lexicon.units.byLast.has(lower) ||
    lexicon.percents.byLast.has(lower)
  )
    return undefined;
  let k = e;
  while (k - 1 >= v.from && e - k < MAX_RUN && inNounPhrase(v, k - 1)) k--;
  let before = k - 1;
  if (v.pos(before) === "DET" || possessives.has(v.lower(before))) before--;
  return [k, before];
}

/**
 * The noun phrase that ends at token `e` (inclusive), extended leftwards through "of",
 * "between ... and", "with" and "among" ("the value of the two countries' annual transactions",
 * "trade between Iran and Russia", "exports to China"). An "and" counts only inside a "between": "Iran and Russia
 * reached" measures neither country.
 */
export function phraseBefore(v: SentenceView, e: number): TokenRange | undefined {
  const first = phraseEndingAt(v, e);
  if (!first) return undefined;
  let committed = first[0];
  let pendingAnd = false;
  let at = first[1];
  for (let n = 0; n < MAX_CHAIN && v.has(at); n++) {
    const word = v.lower(at);
    if (!chainWords.has(word)) break;
    const prev = phraseEndingAt(v, at - 1);
    if (!prev) break;
    if (word === "and") pendingAnd = true;
    else if (word === "between") {
      pendingAnd = false;
      committed = prev[0];
    } else if (pendingAnd) break;
    else committed = prev[0];
    at = prev[1];
  }
  if (!hasCommonNoun(v, committed, e)) return undefined;
  return { start: committed, end: e, rule: "np-before" };
}

/**
 * True when the range holds a common noun or an adjective. A lone capitalised word at the very
 * start of a sentence counts too: the tagger marks "Trade reached ..." as a name.
 */
function hasCommonNoun(v: SentenceView, s: number, e: number): boolean {
  for (let k = s; k <= e; k++) {
    const pos = v.pos(k);
    if (pos === "NOUN" || pos === "ADJ" || pos === "VERB") return true;
  }
  return s === v.from || (s === v.from + 1 && v.pos(v.from) === "DET");
}

/**
 * What money, a percentage or a quantity spanning tokens `[start, end)` (modifier included in
 * `start`) is the value of. Tried in order: a noun phrase right after ("a $300m loan"), "of"/
 * "worth of" + noun phrase after, or "in" for money ("$2bn in trade", "$10bn worth of arms",
 * but not "23 miles in tears"), then a cue before
 * ("trade of $2bn", "a deal worth $10bn", "trade reached $2bn", "is expected to amount to").
 */
export function measuredBy(
  v: SentenceView,
  start: number,
  end: number,
  money: boolean,
): TokenRange | undefined {
  const after = nounRunAfter(v, end, true);
  if (after) return after;
  let k = end;
  const w = v.lower(k);
  if (w === "worth" && v.lower(k + 1) === "of") k += 2;
  else if ((w === "in" && money) || w === "of") k += 1;
  if (k > end) {
    // "12% of the vote", but "in" takes a bare common noun: "$2bn in trade", not "$2bn in the
    // capital" or "in Iran's gas sector" (places).
    if (w !== "in" && (v.pos(k) === "DET" || possessives.has(v.lower(k)))) k++;
    const bare = v.pos(k) === "NOUN" || v.pos(k) === "ADJ";
    const run = w === "in" && !bare ? undefined : nounRunAfter(v, k, true);
    if (run && hasCommonNoun(v, run.start, run.end)) return { ...run, rule: "prep-after" };
  }
  const cue = v.matchBackward(lexicon.measureCues, start - 1);
  if (!cue) return undefined;
  const [word, cueStart] = cue;
  let e = cueStart - 1;
  // An appositive: "the deal, worth $10bn".
  if (word === "worth" && v.lower(e) === ",") e--;
  if (word !== "of" && word !== "to") {
    for (
      let n = 0;
      n < MAX_AUX && v.has(e) && (lexicon.measureAux.has(v.lower(e)) || v.pos(e) === "ADV");
      n++
    )
      e--;
  }
  const np = phraseBefore(v, e);
  return np
    ? { ...np, rule: word === "of" || word === "worth" || word === "to" ? "cue-before" : "subject" }
    : undefined;
}
