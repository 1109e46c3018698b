import { readDataLines } from "./data.ts";
import { formHash, type ScannedTokens, TokenKind } from "./tokens.ts";

/**
 * A fast part-of-speech tagger: a lexicon of word form → tag distribution, a bigram of tags,
 * and rules for unknown words (capitalised → PROPN, suffix table, hyphenated → ADJ) and for
 * "to" before a noun phrase. Greedy, left to right: for a word with several tags, it picks the
 * tag maximising P(tag | word) · P(tag | previous tag)/P(tag) · P(next tag | tag)/P(next tag).
 * The data files are built from wink-nlp's model and tagger by `build/build-pos-data.ts`
 * (see `data/README.md`); agreement with wink-nlp is measured by `build/eval-pos.ts`.
 */

/** The Universal POS tags (UD v2) the tagger emits, in the order of its internal indexes. */
export const UPOS = [
  "ADJ",
  "ADP",
  "ADV",
  "AUX",
  "CCONJ",
  "DET",
  "INTJ",
  "NOUN",
  "NUM",
  "PART",
  "PRON",
  "PROPN",
  "PUNCT",
  "SCONJ",
  "SYM",
  "VERB",
  "X",
] as const;

/** One Universal POS tag. */
export type Upos = (typeof UPOS)[number];

const N = UPOS.length;
const tagIndex = new Map<string, number>(UPOS.map((t, i) => [t, i]));
const ix = (t: Upos): number => tagIndex.get(t) as number;
const ADJ = ix("ADJ");
const ADV = ix("ADV");
const NOUN = ix("NOUN");
const NUM = ix("NUM");
const PROPN = ix("PROPN");
const PUNCT = ix("PUNCT");
const SYM = ix("SYM");
const CCONJ = ix("CCONJ");
const X = ix("X");
const VERB = ix("VERB");
const AUX = ix("AUX");
const ADP = ix("ADP");
const DET = ix("DET");
const PRON = ix("PRON");
/** Index of the "tag" before a sentence's first token in the transition table. */
const BOS = N;

/** Closed-class tags: a capitalised form of such a word mid-sentence is still that word ("The", "And" in a headline). */
const closedClass = new Set(
  ["DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART"].map((t) => tagIndex.get(t) as number),
);

/**
 * The lexicon as an open-addressing hash table keyed on UTF-16 code units, so a token is looked
 * up straight from the document text (no substring, no Map): forms[e] is entry e's form,
 * bestOf[e] its most likely tag, dists[e] its P(tag | form) over {@link UPOS} when it has several
 * tags (else undefined).
 */
const forms: string[] = [];
const bestOf: number[] = [];
const dists: Array<Float64Array | undefined> = [];
for (const line of readDataLines("pos-lexicon.tsv")) {
  const tab = line.indexOf("\t");
  const rest = line.slice(tab + 1);
  if (!rest.includes(" ")) {
    // One tag (the common case): no distribution to keep.
    const t = tagIndex.get(rest.split(":")[0]);
    if (t === undefined) continue;
    forms.push(line.slice(0, tab));
    bestOf.push(t);
    dists.push(undefined);
    continue;
  }
  const dist = new Float64Array(N);
  let best = -1;
  for (const p of rest.split(" ")) {
    const [tag, pct] = p.split(":");
    const t = tagIndex.get(tag);
    if (t === undefined) continue;
    dist[t] = Number(pct) / 100;
    if (best < 0 || dist[t] > dist[best]) best = t;
  }
  if (best < 0) continue;
  forms.push(line.slice(0, tab));
  bestOf.push(best);
  dists.push(dist);
}

/** Lowercase of each BMP code unit, where it is one code unit; `’` folds to `'`. */
const foldLower = new Uint16Array(65536);
const foldSame = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) {
  const low = String.fromCharCode(c).toLowerCase();
  foldLower[c] = low.length === 1 ? low.charCodeAt(0) : c;
  foldSame[c] = c;
}
foldLower[0x2019] = 0x27;
foldSame[0x2019] = 0x27;

/** All forms' code units end to end, so probing reads one flat buffer instead of chasing strings. */
const pool = new Uint16Array(forms.reduce((a, f) => a + f.length, 0));
const formStart = new Int32Array(forms.length);
const formLength = new Int32Array(forms.length);
{
  let at = 0;
  forms.forEach((f, e) => {
    formStart[e] = at;
    formLength[e] = f.length;
    for (let i = 0; i < f.length; i++) pool[at++] = f.charCodeAt(i);
  });
}

const tableBits = Math.ceil(Math.log2(forms.length * 2 + 1));
const tableMask = (1 << tableBits) - 1;
/** Slot s holds [hash, entry + 1] at [2s, 2s + 1]; entry + 1 = 0 marks an empty slot. */
const table = new Int32Array(2 << tableBits);
for (let e = 0; e < forms.length; e++) {
  const f = forms[e];
  const h = formHash(f, 0, f.length);
  let slot = h & tableMask;
  while (table[2 * slot + 1] !== 0) slot = (slot + 1) & tableMask;
  table[2 * slot] = h;
  table[2 * slot + 1] = e + 1;
}

/** FNV-1a over the folded code units of `text[s, e)`, as an int32 (= `formHash` for `foldSame`). */
function hashRange(text: string, s: number, e: number, fold: Uint16Array): number {
  let h = -2128831035;
  for (let i = s; i < e; i++) h = Math.imul(h ^ fold[text.charCodeAt(i)], 16777619);
  return h;
}

/** Entry index of the form `text[s, e)` (folded by `fold`), or -1 when the lexicon lacks it. */
function findEntry(text: string, s: number, e: number, fold: Uint16Array): number {
  return findHashed(text, s, e, hashRange(text, s, e, fold), fold);
}

/** {@link findEntry} with the form's hash `h` already known. */
function findHashed(text: string, s: number, e: number, h: number, fold: Uint16Array): number {
  const len = e - s;
  let slot = h & tableMask;
  for (;;) {
    const v = table[2 * slot + 1];
    if (v === 0) return -1;
    if (table[2 * slot] === h && formLength[v - 1] === len) {
      const at = formStart[v - 1];
      let i = 0;
      while (i < len && pool[at + i] === fold[text.charCodeAt(s + i)]) i++;
      if (i === len) return v - 1;
    }
    slot = (slot + 1) & tableMask;
  }
}

/** ratio[prev * N + tag] = P(tag | prev) / P(tag); prev = BOS for a sentence's first token. */
const ratio = new Float64Array((N + 1) * N).fill(1);
{
  const prior = new Float64Array(N).fill(1 / N);
  const cond: Array<[number, number, number]> = [];
  for (const line of readDataLines("pos-transitions.tsv")) {
    const [prev, tag, p] = line.split("\t");
    const t = tagIndex.get(tag);
    if (t === undefined) continue;
    if (prev === "PRIOR") prior[t] = Number(p);
    else {
      const pv = prev === "BOS" ? BOS : tagIndex.get(prev);
      if (pv !== undefined) cond.push([pv, t, Number(p)]);
    }
  }
  ratio.fill(1e-3);
  for (const [pv, t, p] of cond) ratio[pv * N + t] = Math.max(p, 1e-4) / prior[t];
}

/** Three-letter suffix → tag for unknown lowercase words. */
const suffixes = new Map<string, number>();
for (const line of readDataLines("pos-suffixes.tsv")) {
  const [suffix, tag] = line.split("\t");
  const t = tagIndex.get(tag);
  if (t !== undefined) suffixes.set(suffix, t);
}

// Token kinds, copied locally (see tokens.ts) so the hot loop reads plain constants.
const K_ABBREVIATION = TokenKind.Abbreviation;
const K_CLITIC = TokenKind.Clitic;
const K_NUMBER = TokenKind.Number;
const K_PUNCT = TokenKind.Punct;
const K_SYMBOL = TokenKind.Symbol;
const K_URL = TokenKind.Url;
const K_EMAIL = TokenKind.Email;
const K_HANDLE = TokenKind.Handle;
const K_HASHTAG = TokenKind.Hashtag;

/** Per-token scratch of one sentence: a fixed tag (or -1) and a lexicon entry (or -1). */
let fixedTags = new Int32Array(256);
let entries = new Int32Array(256);

/**
 * Tags the scanned tokens `[first, scanned.tokens.length)` of one sentence, setting each
 * token's `pos` to its UPOS tag. Two passes: first each token's tag out of context (or
 * its lexicon entry when it has several tags), then a left-to-right choice for the ambiguous
 * ones that looks at the previous tag and the next token's likely tag.
 */
export function tagSentence(text: string, scanned: ScannedTokens, first: number): void {
  const { tokens, kinds, hashes } = scanned;
  const n = tokens.length - first;
  if (fixedTags.length < n + 1) {
    fixedTags = new Int32Array(n * 2);
    entries = new Int32Array(n * 2);
  }
  const fixed = fixedTags;
  const ents = entries;
  let initial = true;
  for (let k = 0; k < n; k++) {
    const tok = tokens[first + k];
    const s = tok.start;
    const e = tok.end;
    const kind = kinds[first + k];
    let tag = -1;
    let entry = -1;
    if (kind === K_PUNCT) tag = PUNCT;
    else if (kind === K_SYMBOL) tag = text.charCodeAt(s) === 0x26 ? CCONJ : SYM;
    else if (kind === K_URL) tag = X;
    else if (kind === K_EMAIL || kind === K_HASHTAG) tag = SYM;
    else if (kind === K_HANDLE) tag = PROPN;
    else if (kind === K_NUMBER) tag = numberTag(text, s, e);
    else {
      entry =
        kind === K_CLITIC
          ? findEntry(text, s, e, foldSame)
          : findHashed(text, s, e, hashes[first + k], foldSame);
      if (entry < 0) {
        const c = text.charCodeAt(s);
        if (foldLower[c] !== c) {
          // Capitalised and not in the lexicon as written: a name, unless it opens the
          // sentence or is a capitalised function word ("The" in a headline).
          const low = findEntry(text, s, e, foldLower);
          if (low >= 0 && ((initial && bestOf[low] !== NOUN) || closedClass.has(bestOf[low]))) entry = low;
          else tag = PROPN;
        } else {
          entry = findEntry(text, s, e, foldLower);
          if (entry < 0) tag = kind === K_ABBREVIATION ? X : guessUnknown(text.slice(s, e).toLowerCase());
        }
      }
      if (entry >= 0 && dists[entry] === undefined) tag = bestOf[entry];
    }
    fixed[k] = tag;
    ents[k] = entry;
    // Opening quotes and bullets before the first word keep the sentence "initial".
    if (!(initial && (kind === K_PUNCT || kind === K_SYMBOL))) initial = false;
  }
  let prev: number = BOS;
  for (let k = 0; k < n; k++) {
    let tag = fixed[k];
    if (ents[k] === TO_ENTRY && k + 1 < n && nounLike(fixed, ents, k + 1)) {
      tag = ADP;
    } else if (
      tag < 0 &&
      prev === PRON &&
      (dists[ents[k]] as Float64Array)[VERB] > 0 &&
      afterSubject(text, tokens[first + k - 1])
    ) {
      // A subject pronoun is followed by its verb, never by a noun: "It cost", "They host".
      tag = VERB;
    } else if (tag < 0) {
      const next = k + 1 < n ? fixed[k + 1] : PUNCT;
      tag = choose(
        dists[ents[k]] as Float64Array,
        prev,
        next,
        next < 0 ? (dists[ents[k + 1]] as Float64Array) : undefined,
      );
    }
    tokens[first + k].pos = UPOS[tag];
    prev = tag;
  }
}

/** Nominative pronouns: the word after one of them, if it can be a verb, is one. */
const SUBJECT_PRONOUNS = new Set(["i", "you", "he", "she", "it", "we", "they"]);

function afterSubject(text: string, prevToken: { start: number; end: number }): boolean {
  return (
    prevToken.end - prevToken.start <= 4 &&
    SUBJECT_PRONOUNS.has(text.slice(prevToken.start, prevToken.end).toLowerCase())
  );
}

/** Lexicon entry of "to" (as written lowercase), or -1. */
const TO_ENTRY = findEntry("to", 0, 2, foldSame);

/**
 * True when token j can only start a noun phrase: a determiner, name, number or pronoun, or a
 * noun the lexicon never saw as a verb. Before such a token "to" is a preposition
 * ("to shareholders", "to the"), which a tag bigram cannot see: PART also covers the
 * possessive "'s", which nouns follow.
 */
function nounLike(fixed: Int32Array, ents: Int32Array, j: number): boolean {
  const t = fixed[j];
  if (t >= 0)
    return (
      t === DET ||
      t === PROPN ||
      t === NUM ||
      t === PRON ||
      (t === NOUN && ents[j] >= 0 && bestOf[ents[j]] === NOUN && dists[ents[j]] === undefined)
    );
  const d = dists[ents[j]];
  return d !== undefined && d[VERB] === 0 && d[AUX] === 0 && (d[NOUN] > 0.5 || d[DET] > 0.5 || d[PRON] > 0.5);
}

/**
 * argmax over tags of P(tag | word) · P(tag | prev)/P(tag) · P(next | tag)/P(next), where the
 * next token's tag is either known (`next`) or, when it is ambiguous too, averaged over its
 * distribution `nextDist`.
 */
function choose(dist: Float64Array, prev: number, next: number, nextDist: Float64Array | undefined): number {
  let best = 0;
  let bestScore = -1;
  const row = prev * N;
  for (let t = 0; t < N; t++) {
    const p = dist[t];
    if (p === 0) continue;
    let after = 0;
    if (nextDist === undefined) after = ratio[t * N + next];
    else for (let u = 0; u < N; u++) after += nextDist[u] * ratio[t * N + u];
    const score = p * ratio[row + t] * after;
    if (score > bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best;
}

/** "3rd" → ADJ (ordinal), "1990s" → NOUN (decade), anything else numeric → NUM. */
function numberTag(text: string, s: number, e: number): number {
  const last = text.charCodeAt(e - 1);
  if (last >= 0x30 && last <= 0x39) return NUM;
  const tail = text.slice(Math.max(s, e - 2), e).toLowerCase();
  if (tail === "st" || tail === "nd" || tail === "rd" || tail === "th") return ADJ;
  if (e - s === 5 && text.charCodeAt(e - 1) === 0x73) return NOUN;
  return NUM;
}

/** Tag of a lowercase word the lexicon lacks: hyphenated → ADJ, "-ly" → ADV, else by suffix, else NOUN. */
function guessUnknown(lower: string): number {
  if (lower.includes("-")) {
    const lastPart = lower.slice(lower.lastIndexOf("-") + 1);
    const e = findEntry(lastPart, 0, lastPart.length, foldSame);
    return e >= 0 && bestOf[e] === NOUN && !/^\d/.test(lower) ? NOUN : ADJ;
  }
  if (lower.length > 4 && lower.endsWith("ly")) return ADV;
  if (lower.length > 4 && (lower.endsWith("ing") || lower.endsWith("ed")))
    return suffixes.get(lower.slice(-3)) ?? VERB;
  return suffixes.get(lower.slice(-3)) ?? NOUN;
}
