import type { Token } from "../../core/index.ts";
import { abbreviationClass } from "./sentences.ts";

/**
 * What the scanner recognised a token as; the tagger starts from it. Numeric codes (not
 * strings) so a document's kinds fit in one small array.
 */
export const TokenKind = {
  /** Letters, digits, inner hyphens/apostrophes/periods: "Tehran", "well-known", "O'Brien", "Amazon.com". */
  Word: 1,
  /** A word that keeps its final period: "U.S.", "Mr.", "J.", "e.g.". */
  Abbreviation: 2,
  /** Digits with separators and an optional unit suffix: "1,500.25", "2bn", "1990s", "3rd", "10:30". */
  Number: 3,
  /** One punctuation mark, or a run of periods/hyphens: ".", "”", "...", "--". */
  Punct: 4,
  /** One symbol: "$", "%", "£", "+", an emoji. */
  Symbol: 5,
  Url: 6,
  Email: 7,
  /** "@handle". */
  Handle: 8,
  /** "#tag". */
  Hashtag: 9,
  /** An English clitic split from its host: "'s", "’re", "n't", "'ll". */
  Clitic: 10,
} as const;

const K_WORD = TokenKind.Word;
const K_ABBREVIATION = TokenKind.Abbreviation;
const K_NUMBER = TokenKind.Number;
const K_PUNCT = TokenKind.Punct;
const K_SYMBOL = TokenKind.Symbol;
const K_URL = TokenKind.Url;
const K_EMAIL = TokenKind.Email;
const K_HANDLE = TokenKind.Handle;
const K_HASHTAG = TokenKind.Hashtag;
const K_CLITIC = TokenKind.Clitic;

/** One of {@link TokenKind}'s codes. */
export type TokenKindCode = (typeof TokenKind)[keyof typeof TokenKind];

/**
 * Tokens of a range before tagging: the tokens themselves (UTF-16 offsets; `pos` is `""` until
 * the tagger fills it) and, in a parallel array, each one's {@link TokenKind}.
 */
export interface ScannedTokens {
  tokens: Token[];
  /** Kind of `tokens[k]` at index k (the array may be longer than `tokens`; it grows as needed). */
  kinds: Uint8Array;
  /** {@link formHash} of each Word and Abbreviation token (0 for other kinds), so the tagger's lexicon lookup need not re-read the text. */
  hashes: Int32Array;
}

/** An empty {@link ScannedTokens} with room for `capacity` tokens before it must grow. */
export function newScannedTokens(capacity = 1024): ScannedTokens {
  return { tokens: [], kinds: new Uint8Array(capacity), hashes: new Int32Array(capacity) };
}

/** Makes room for `extra` more tokens (typed arrays cannot grow in place). */
function reserve(out: ScannedTokens, extra: number): void {
  const need = out.tokens.length + extra;
  if (out.kinds.length >= need) return;
  const size = Math.max(need, out.kinds.length * 2);
  const kinds = new Uint8Array(size);
  kinds.set(out.kinds);
  const hashes = new Int32Array(size);
  hashes.set(out.hashes);
  out.kinds = kinds;
  out.hashes = hashes;
}

/** FNV-1a offset basis and prime (32-bit), as int32. */
const FNV_OFFSET = -2128831035;
const FNV_PRIME = 16777619;

/**
 * FNV-1a hash (int32) of `text[s, e)` with `’` read as `'`: the key the tagger's lexicon is
 * built on. The scanner computes the same value while it reads each word.
 */
export function formHash(text: string, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c === 0x2019 ? 0x27 : c), FNV_PRIME);
  }
  return h;
}

// Character classes, one byte per BMP code unit, computed once from Unicode properties.
const C_OTHER = 0;
const C_SPACE = 1;
const C_LETTER = 2;
const C_DIGIT = 3;
const C_APOS = 4;
const C_HYPHEN = 5;
const C_PERIOD = 6;
const C_SYMBOL = 7;
const C_SURROGATE = 8;

const charClass = buildCharClasses();

function buildCharClasses(): Uint8Array {
  const t = new Uint8Array(65536);
  const letter = /[\p{L}\p{M}]/u;
  const digit = /\p{Nd}/u;
  const symbol = /\p{S}/u;
  const space = /[\s\u200b\ufeff]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = C_SURROGATE;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (c < 0x80) {
      if (c <= 0x20 || c === 0x7f) t[c] = C_SPACE;
      else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) t[c] = C_LETTER;
      else if (c >= 0x30 && c <= 0x39) t[c] = C_DIGIT;
      else if (c === 0x27) t[c] = C_APOS;
      else if (c === 0x2d) t[c] = C_HYPHEN;
      else if (c === 0x2e) t[c] = C_PERIOD;
      else if (
        c === 0x24 ||
        c === 0x25 ||
        c === 0x2b ||
        c === 0x3c ||
        c === 0x3d ||
        c === 0x3e ||
        c === 0x5e ||
        c === 0x7c ||
        c === 0x7e ||
        c === 0x60
      )
        t[c] = C_SYMBOL;
      else t[c] = C_OTHER;
      continue;
    }
    if (space.test(ch) || (c >= 0x80 && c < 0xa0)) t[c] = C_SPACE;
    else if (c === 0x2019) t[c] = C_APOS;
    else if (c === 0x2010 || c === 0x2011) t[c] = C_HYPHEN;
    else if (letter.test(ch)) t[c] = C_LETTER;
    else if (digit.test(ch)) t[c] = C_DIGIT;
    else if (symbol.test(ch) || c === 0x2030) t[c] = C_SYMBOL;
    else t[c] = C_OTHER;
  }
  return t;
}

/** Clitics split off a word after an apostrophe (lowercase), as in UD English: Iran's → Iran + 's. */
const clitics = new Set(["s", "re", "ve", "ll", "d", "m"]);

function isWordChar(cls: number): boolean {
  return cls === C_LETTER || cls === C_DIGIT;
}

/**
 * Scans `text[from, to)` (one sentence: a period at its very end is kept apart as the final
 * mark) into tokens, appending to `out`. One pass over char codes; white space makes no tokens.
 */
export function scanTokens(text: string, from: number, to: number, out: ScannedTokens): void {
  let i = from;
  // A sentence-final "." stays its own token unless the word before is dotted ("U.S.").
  let last = to;
  while (last > from && charClass[text.charCodeAt(last - 1)] === C_SPACE) last--;
  reserve(out, to - from);
  const { kinds, hashes } = out;
  while (i < to) {
    const c = text.charCodeAt(i);
    const cls = charClass[c];
    if (cls === C_SPACE) {
      i++;
      continue;
    }
    let j = i + 1;
    let kind: TokenKindCode = K_PUNCT;
    if (cls === C_LETTER || cls === C_DIGIT) {
      j = scanWord(text, i, to, last);
      kind = scannedKind;
    } else if (cls === C_APOS) {
      j = scanApostrophe(text, i, to, from);
      kind = scannedKind;
    } else if (
      (c === 0x40 || c === 0x23) &&
      i + 1 < to &&
      (isWordChar(charClass[text.charCodeAt(i + 1)]) || text.charCodeAt(i + 1) === 0x5f)
    ) {
      // @handle, #tag: only when not glued to a word before (an email is caught in scanWord).
      j = i + 1;
      while (j < to && (isWordChar(charClass[text.charCodeAt(j)]) || text.charCodeAt(j) === 0x5f)) j++;
      kind = c === 0x40 ? K_HANDLE : K_HASHTAG;
    } else if (cls === C_PERIOD || cls === C_HYPHEN) {
      while (j < to && text.charCodeAt(j) === c) j++;
    } else if (cls === C_SYMBOL || c === 0x23 || c === 0x40 || c === 0x26) {
      kind = K_SYMBOL;
    } else if (cls === C_SURROGATE) {
      if (j < to && charClass[text.charCodeAt(j)] === C_SURROGATE) j++;
      kind = K_SYMBOL;
    }
    const k = out.tokens.push({ start: i, end: j, pos: "" }) - 1;
    kinds[k] = kind;
    hashes[k] = kind === K_WORD || kind === K_ABBREVIATION ? scannedHash : 0;
    i = j;
  }
}

/** Kind of the token the last `scanWord`/`scanApostrophe` call ended (saves an object per token). */
let scannedKind: TokenKindCode = K_WORD;
/** {@link formHash} of the token the last `scanWord` call ended, when it is a Word or Abbreviation. */
let scannedHash = 0;

/** Scans a word or number starting at `i`; `last` is the end of the sentence's text. */
function scanWord(text: string, i: number, to: number, last: number): number {
  const c0 = text.charCodeAt(i);
  if ((c0 === 0x68 || c0 === 0x48 || c0 === 0x77 || c0 === 0x57) && isUrlStart(text, i, to)) {
    scannedKind = K_URL;
    return scanUrl(text, i, to);
  }
  // n't after a letter: "didn't" → "did" + "n't".
  if (
    (c0 === 0x6e || c0 === 0x4e) &&
    isNegationClitic(text, i, to) &&
    i > 0 &&
    charClass[text.charCodeAt(i - 1)] === C_LETTER
  ) {
    scannedKind = K_CLITIC;
    return i + 3;
  }
  const numeric = charClass[c0] === C_DIGIT;
  let j = i + 1;
  let dotted = false;
  let letters = !numeric;
  // The form's hash, one code unit at a time (see formHash).
  let h = Math.imul(FNV_OFFSET ^ c0, FNV_PRIME);
  for (;;) {
    if (j >= to) break;
    const c = text.charCodeAt(j);
    const cls = charClass[c];
    if (cls === C_LETTER) {
      letters = true;
      h = Math.imul(h ^ c, FNV_PRIME);
      j++;
      continue;
    }
    if (cls === C_DIGIT) {
      h = Math.imul(h ^ c, FNV_PRIME);
      j++;
      continue;
    }
    const nextCls = j + 1 < to ? charClass[text.charCodeAt(j + 1)] : C_SPACE;
    // "AT&T", "M&S": an ampersand between capitals inside one word.
    if (
      c === 0x26 &&
      isUpperAscii(text.charCodeAt(j - 1)) &&
      j + 1 < to &&
      isUpperAscii(text.charCodeAt(j + 1))
    ) {
      h = Math.imul(h ^ c, FNV_PRIME);
      j++;
      continue;
    }
    if (cls === C_HYPHEN && isWordChar(nextCls)) {
      h = Math.imul(h ^ c, FNV_PRIME);
      j++;
      continue;
    }
    if (
      numeric &&
      !letters &&
      (c === 0x2c || c === 0x2e || c === 0x3a || c === 0x2f) &&
      nextCls === C_DIGIT
    ) {
      j++;
      continue;
    }
    if (cls === C_PERIOD && nextCls === C_LETTER) {
      dotted = true;
      h = Math.imul(h ^ c, FNV_PRIME);
      j++;
      continue;
    }
    if (cls === C_APOS && nextCls === C_LETTER) {
      const k = j + 1;
      let m = k;
      while (m < to && charClass[text.charCodeAt(m)] === C_LETTER) m++;
      const tail = text.slice(k, m).toLowerCase();
      if (clitics.has(tail)) break;
      if (tail === "t" && (text.charCodeAt(j - 1) === 0x6e || text.charCodeAt(j - 1) === 0x4e) && j - 1 > i) {
        j--; // leave "n't" for the next token
        h = formHash(text, i, j);
        break;
      }
      h = formHash(text, i, m);
      j = m;
      continue;
    }
    if (c === 0x40 && !numeric && isWordChar(nextCls)) {
      scannedKind = K_EMAIL;
      return scanEmail(text, j + 1, to);
    }
    break;
  }
  if (numeric && !hasLetterOrHyphen(text, i, j)) {
    scannedKind = K_NUMBER;
    return j;
  }
  if (numeric && isNumberWithUnit(text, i, j)) {
    scannedKind = K_NUMBER;
    return j;
  }
  // A period right after the word: keep it when the word is an abbreviation.
  if (j < to && text.charCodeAt(j) === 0x2e && !numeric) {
    const atEnd = j + 1 >= last;
    const nextCls = j + 1 < to ? charClass[text.charCodeAt(j + 1)] : C_SPACE;
    if (nextCls !== C_PERIOD) {
      const word = text.slice(i, j + 1);
      if (dotted && isDottedLetters(word)) {
        scannedKind = K_ABBREVIATION;
        scannedHash = Math.imul(h ^ 0x2e, FNV_PRIME);
        return j + 1;
      }
      if (
        !atEnd &&
        (abbreviationClass(word) !== undefined ||
          (j === i + 1 && charClass[c0] === C_LETTER && isUpperAscii(c0)))
      ) {
        scannedKind = K_ABBREVIATION;
        scannedHash = Math.imul(h ^ 0x2e, FNV_PRIME);
        return j + 1;
      }
    }
  }
  scannedKind = K_WORD;
  scannedHash = h;
  return j;
}

/** An apostrophe at `i`: a clitic ("'s" after a word), a year ("'90s"), or a quote mark. */
function scanApostrophe(text: string, i: number, to: number, from: number): number {
  let m = i + 1;
  while (m < to && charClass[text.charCodeAt(m)] === C_LETTER) m++;
  if (
    m > i + 1 &&
    i > from &&
    isWordChar(charClass[text.charCodeAt(i - 1)]) &&
    clitics.has(text.slice(i + 1, m).toLowerCase())
  ) {
    scannedKind = K_CLITIC;
    return m;
  }
  if (
    m === i + 1 &&
    i + 2 < to &&
    charClass[text.charCodeAt(i + 1)] === C_DIGIT &&
    charClass[text.charCodeAt(i + 2)] === C_DIGIT
  ) {
    let j = i + 3;
    while (j < to && isWordChar(charClass[text.charCodeAt(j)])) j++;
    scannedKind = K_NUMBER;
    return j;
  }
  scannedKind = K_PUNCT;
  return i + 1;
}

function isNegationClitic(text: string, i: number, to: number): boolean {
  if (i + 2 >= to) return false;
  const a = text.charCodeAt(i + 1);
  const t = text.charCodeAt(i + 2);
  return (
    (a === 0x27 || a === 0x2019) &&
    (t === 0x74 || t === 0x54) &&
    (i + 3 >= to || charClass[text.charCodeAt(i + 3)] !== C_LETTER)
  );
}

/** "http://", "https://" or "www." followed by more (ASCII, either case) at `i`. */
function isUrlStart(text: string, i: number, to: number): boolean {
  if (i + 4 >= to) return false;
  const c1 = text.charCodeAt(i + 1) | 0x20;
  if (c1 === 0x77) {
    // www.
    return (
      (text.charCodeAt(i) | 0x20) === 0x77 &&
      (text.charCodeAt(i + 2) | 0x20) === 0x77 &&
      text.charCodeAt(i + 3) === 0x2e
    );
  }
  if (c1 !== 0x74 || (text.charCodeAt(i + 2) | 0x20) !== 0x74 || (text.charCodeAt(i + 3) | 0x20) !== 0x70)
    return false;
  const k = (text.charCodeAt(i + 4) | 0x20) === 0x73 ? i + 5 : i + 4;
  return (
    k + 3 <= to &&
    text.charCodeAt(k) === 0x3a &&
    text.charCodeAt(k + 1) === 0x2f &&
    text.charCodeAt(k + 2) === 0x2f
  );
}

/** A URL runs to white space; trailing punctuation that usually closes the sentence stays out. */
function scanUrl(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && charClass[text.charCodeAt(j)] !== C_SPACE) j++;
  while (j > i + 1 && isUrlTrailer(text.charCodeAt(j - 1))) j--;
  return j;
}

function isUrlTrailer(c: number): boolean {
  return (
    c === 0x2e ||
    c === 0x2c ||
    c === 0x3b ||
    c === 0x3a ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x29 ||
    c === 0x22 ||
    c === 0x27 ||
    c === 0x201d ||
    c === 0x2019
  );
}

/** The domain part of an email after "@": word characters, inner periods and hyphens. */
function scanEmail(text: string, j: number, to: number): number {
  while (j < to) {
    const cls = charClass[text.charCodeAt(j)];
    const nextCls = j + 1 < to ? charClass[text.charCodeAt(j + 1)] : C_SPACE;
    if (isWordChar(cls)) j++;
    else if ((cls === C_PERIOD || cls === C_HYPHEN) && isWordChar(nextCls)) j++;
    else break;
  }
  return j;
}

function hasLetterOrHyphen(text: string, i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const cls = charClass[text.charCodeAt(k)];
    if (cls === C_LETTER || cls === C_HYPHEN) return true;
  }
  return false;
}

/** Digits then letters only ("2bn", "1990s", "3rd", "10km"), no hyphen: still a number. */
function isNumberWithUnit(text: string, i: number, j: number): boolean {
  let k = i;
  while (k < j && charClass[text.charCodeAt(k)] !== C_LETTER) {
    if (charClass[text.charCodeAt(k)] === C_HYPHEN) return false;
    k++;
  }
  for (; k < j; k++) if (charClass[text.charCodeAt(k)] !== C_LETTER) return false;
  return true;
}

/** "U.S.", "e.g.", "a.m.": single letters each followed by a period. */
function isDottedLetters(word: string): boolean {
  if (word.length < 4 || word.length % 2 !== 0) return false;
  for (let k = 0; k < word.length; k += 2) {
    if (charClass[word.charCodeAt(k)] !== C_LETTER || word.charCodeAt(k + 1) !== 0x2e) return false;
  }
  return true;
}

function isUpperAscii(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** True when `c` is a letter (any script), for callers that share the scanner's view. */
export function isLetterCode(c: number): boolean {
  return charClass[c] === C_LETTER;
}
