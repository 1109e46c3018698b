import { isSpace as coreIsSpace, trimSpan as coreTrimSpan, type Sentence } from "../../core/index.ts";
import { readDataLines } from "./data.ts";

/**
 * How an abbreviation that ends in a period behaves at a sentence boundary (`data/abbreviations.txt`):
 * `continue` never ends a sentence; `title` and `final` end one only before a typical sentence
 * starter; `number` ends one unless a number follows.
 */
export type AbbreviationClass = "continue" | "title" | "number" | "final";

const abbreviationClasses = new Set<string>(["continue", "title", "number", "final"]);

/** Abbreviation (with its periods, e.g. `"U.S."`) → class. */
const abbreviations = new Map<string, AbbreviationClass>();
for (const line of readDataLines("abbreviations.txt")) {
  const [word, cls] = line.split("\t");
  if (!abbreviationClasses.has(cls))
    throw new Error(`abbreviations.txt: unknown class ${JSON.stringify(cls)} for ${word}`);
  abbreviations.set(word, cls as AbbreviationClass);
  // A lowercase abbreviation also opens a sentence capitalised ("Vs.", "E.g.").
  if (word === word.toLowerCase())
    abbreviations.set(word[0].toUpperCase() + word.slice(1), cls as AbbreviationClass);
}

// Local bindings: calls through an imported binding cost a property load each time on hot paths.
const isSpace = coreIsSpace;
const trimSpan = coreTrimSpan;

/** Capitalised words that typically begin a sentence (`data/sentence-starters.txt`). */
const starters = new Set<string>(readDataLines("sentence-starters.txt"));

/** Looks up the class of an abbreviation written with its final period, e.g. `"Mr."`. */
export function abbreviationClass(word: string): AbbreviationClass | undefined {
  return abbreviations.get(word);
}

/** True when `word` (as written) typically begins a sentence: "The", "He", "However", ... */
export function isSentenceStarter(word: string): boolean {
  return starters.has(word);
}

/** What to do at one candidate boundary, and the rule that decided it. */
interface Decision {
  split: boolean;
  rule: string;
}

const SPLIT_SEGMENTER: Decision = { split: true, rule: "sentence.segmenter" };

/**
 * Splits `text[from, to)` (one paragraph, or any range that no sentence may cross) into
 * sentences: ordered, non-overlapping, trimmed of white space, never empty.
 *
 * Candidate boundaries are the places UAX #29 (`Intl.Segmenter("en", {granularity:
 * "sentence"})`) would break, plus `…` before white space; rules then keep or drop each one. `prov.rule` names the rule that ended the sentence
 * (`sentence.quote-close`, `sentence.line-end`, `sentence.line-headline`, `sentence.line-bullet`,
 * `sentence.abbreviation-split`, `sentence.ellipsis`, `sentence.paragraph-end`); when the
 * segmenter's plain end stands, it names the first rule that joined pieces inside the sentence
 * (`sentence.abbreviation-merge`, `sentence.initial-merge`, `sentence.quote-continue`,
 * `sentence.lowercase-continue`, `sentence.continuation`, `sentence.parenthesis-merge`,
 * `sentence.line-join`), else
 * `sentence.segmenter`.
 *
 * Line breaks inside the range: a `\n` ends a sentence when the line before ends with
 * `. ! ? : ; …` (or those followed by closing quotes), when the next line starts with a bullet,
 * or when the line before has no final punctuation and the next line starts with a capital
 * letter, digit or opening quote (a headline, a dateline); otherwise it is read as a space.
 */
export function splitSentences(text: string, from: number, to: number): Sentence[] {
  const out: Sentence[] = [];
  if (to <= from) return out;
  const candidates = candidateBoundaries(text, from, to);
  const brackets = sawBracket;
  let start = from;
  let mergedBy: string | undefined;
  for (const b of candidates) {
    const d = decide(text, start, b, to, brackets);
    if (d.split) {
      push(out, text, start, b, d.rule === SPLIT_SEGMENTER.rule && mergedBy ? mergedBy : d.rule);
      start = b;
      mergedBy = undefined;
    } else {
      mergedBy ??= d.rule;
    }
  }
  push(out, text, start, to, lastRule(text, start, to) ?? mergedBy ?? SPLIT_SEGMENTER.rule);
  return out;
}

/** Adds the trimmed sentence `[start, end)` unless it is all white space. */
function push(out: Sentence[], text: string, start: number, end: number, rule: string): void {
  const span = trimSpan(text, start, end);
  if (span.end > span.start) out.push({ start: span.start, end: span.end, prov: { stage: "segment", rule } });
}

/** Rule for a sentence that runs to the end of its range: `paragraph-end` when it has no final punctuation. */
function lastRule(text: string, start: number, end: number): string | undefined {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  while (e > start && isCloser(text.charCodeAt(e - 1))) e--;
  return e > start && isTerminal(text.charCodeAt(e - 1)) ? undefined : "sentence.paragraph-end";
}

/** A sentence-final mark or a line break (where a candidate boundary may follow), or an opening bracket. */
const candidateMark = /[.!?\n\u2026\u203c\u2047-\u2049([]/g;

/** Whether the range of the last {@link candidateBoundaries} call holds an opening bracket. */
let sawBracket = false;

/**
 * Offsets (in `text`) where a piece may begin: after every run of sentence-final marks (and
 * closing quotes/brackets) that white space follows, and after every line break — the places
 * where UAX #29 (ICU, `Intl.Segmenter`) breaks English sentences, found in one regex pass
 * that also sets {@link sawBracket}. `Intl.Segmenter` itself measured ~40 MB/s here, a third of
 * the stage's whole time budget.
 */
function candidateBoundaries(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  sawBracket = false;
  candidateMark.lastIndex = from;
  for (;;) {
    const m = candidateMark.exec(text);
    if (m === null || m.index >= to) break;
    let j = m.index + 1;
    const mark = text.charCodeAt(m.index);
    if (mark === 0x28 || mark === 0x5b) {
      // Brackets matter only to insideBrackets; note them and go on.
      sawBracket = true;
      continue;
    }
    if (mark !== 10) {
      for (;;) {
        const c = j < to ? text.charCodeAt(j) : -1;
        if (c === -1 || !(isTerminal(c) || isCloser(c))) break;
        j++;
      }
      if (j >= to || !isSpace(text.charCodeAt(j))) {
        candidateMark.lastIndex = j;
        continue;
      }
    }
    while (j < to && isSpace(text.charCodeAt(j))) j++;
    if (j < to) out.push(j);
    candidateMark.lastIndex = j;
  }
  return out;
}

/**
 * Decides whether the piece `[start, b)` ends a sentence at `b` (`to` bounds look-ahead;
 * `brackets` says whether the range has any opening bracket at all).
 */
function decide(text: string, start: number, b: number, to: number, brackets: boolean): Decision {
  let e = b;
  let newline = false;
  while (e > start && isSpace(text.charCodeAt(e - 1))) {
    if (text.charCodeAt(e - 1) === 10) newline = true;
    e--;
  }
  if (e === start) return SPLIT_SEGMENTER;
  let n = b;
  while (n < to && isSpace(text.charCodeAt(n))) n++;
  if (n >= to) return SPLIT_SEGMENTER;
  const d = newline ? decideLine(text, start, e, n, to) : decidePunct(text, start, e, n, to);
  if (d.split && brackets && !newline && insideBrackets(text, start, e, n, to))
    return { split: false, rule: "sentence.parenthesis-merge" };
  return d;
}

/** A line break between the line ending at `e` and the line starting at `n`. */
function decideLine(text: string, start: number, e: number, n: number, to: number): Decision {
  const first = text.charCodeAt(n);
  if (isBullet(text, n, to)) return { split: true, rule: "sentence.line-bullet" };
  let q = e;
  while (q > start && isCloser(text.charCodeAt(q - 1))) q--;
  const last = text.charCodeAt(q - 1);
  if (q > start && (isTerminal(last) || last === 0x3a /* : */ || last === 0x3b) /* ; */) {
    // "... the U.S.\nofficials said" is a wrapped line, not two sentences.
    if (last === 0x2e && q === e && isLower(first)) return { split: false, rule: "sentence.line-join" };
    return { split: true, rule: "sentence.line-end" };
  }
  const endsOpen = last === 0x2c /* , */ || last === 0x2d /* - */ || last === 0x2013 || last === 0x2014;
  if (!endsOpen && (isUpper(first) || isDigit(first) || isOpener(first)))
    return { split: true, rule: "sentence.line-headline" };
  return { split: false, rule: "sentence.line-join" };
}

/** A boundary on one line: after `. ! ? …`, maybe with closing quotes, before the text at `n`. */
function decidePunct(text: string, start: number, e: number, n: number, to: number): Decision {
  const first = text.charCodeAt(n);
  let q = e;
  while (q > start && isCloser(text.charCodeAt(q - 1))) q--;
  if (q < e) {
    // `,” he said` / `?” asked Lavrov` continue; `.’ Khamenei said` starts anew after the quote.
    if (isLower(first)) return { split: false, rule: "sentence.quote-continue" };
    return q > start && isTerminal(text.charCodeAt(q - 1))
      ? { split: true, rule: "sentence.quote-close" }
      : SPLIT_SEGMENTER;
  }
  // A comma, colon, semicolon or dash after the mark continues the sentence ("Mamma Mia! - the
  // show", UAX #29's SContinue).
  if (
    first === 0x2c ||
    first === 0x3a ||
    first === 0x3b ||
    first === 0x2d ||
    first === 0x2013 ||
    first === 0x2014
  ) {
    return { split: false, rule: "sentence.continuation" };
  }
  const term = text.charCodeAt(e - 1);
  const next = nextWord(text, n, to);
  if (
    term === 0x2026 ||
    (term === 0x2e && e - start >= 3 && text.charCodeAt(e - 2) === 0x2e && text.charCodeAt(e - 3) === 0x2e)
  ) {
    if (isLower(first)) return { split: false, rule: "sentence.lowercase-continue" };
    return starters.has(next)
      ? { split: true, rule: "sentence.ellipsis" }
      : { split: false, rule: "sentence.ellipsis" };
  }
  if (term === 0x3f /* ? */ || term === 0x21 /* ! */) {
    return isLower(first) ? { split: false, rule: "sentence.lowercase-continue" } : SPLIT_SEGMENTER;
  }
  if (term !== 0x2e) return SPLIT_SEGMENTER;
  const word = wordBeforePeriod(text, start, e - 1);
  const cls = abbreviations.get(`${word}.`);
  if (cls !== undefined) {
    if (cls === "continue") return { split: false, rule: "sentence.abbreviation-merge" };
    if (cls === "number") {
      return isDigit(first) || isLower(first)
        ? { split: false, rule: "sentence.abbreviation-merge" }
        : SPLIT_SEGMENTER;
    }
    return starters.has(next)
      ? { split: true, rule: "sentence.abbreviation-split" }
      : { split: false, rule: "sentence.abbreviation-merge" };
  }
  const before = e - 1 - word.length > start ? text.charCodeAt(e - 2 - word.length) : 0x20;
  // Only a free-standing initial: "AT&T." and "Jay-Z." end sentences like any word.
  if (isInitials(word) && (isSpace(before) || isOpener(before))) {
    return starters.has(next) ? SPLIT_SEGMENTER : { split: false, rule: "sentence.initial-merge" };
  }
  return isLower(first) ? { split: false, rule: "sentence.lowercase-continue" } : SPLIT_SEGMENTER;
}

/**
 * True when the piece `[start, e)` leaves a round or square bracket open that closes on the
 * same line within 300 code units after `n`: "(see Res. 5. It says so)" is one sentence.
 */
function insideBrackets(text: string, start: number, e: number, n: number, to: number): boolean {
  let depth = 0;
  for (let i = start; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) depth++;
    else if ((c === 0x29 || c === 0x5d) && depth > 0) depth--;
  }
  if (depth === 0) return false;
  const limit = Math.min(to, n + 300);
  for (let i = n; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 0x28 || c === 0x5b) return false;
    if (c === 0x29 || c === 0x5d) return true;
  }
  return false;
}

/** The letters and inner periods just before the period at `dot`: "U.S" for "U.S.", "Mr" for "Mr.". */
function wordBeforePeriod(text: string, start: number, dot: number): string {
  let i = dot;
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x2e || isLetter(c)) i--;
    else break;
  }
  return text.slice(i, dot);
}

/** A lone capital ("W") or dotted initials ("J.R", "A.U"): one letter, then ".X" pairs. */
function isInitials(word: string): boolean {
  if (word.length === 0 || word.length % 2 === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (i % 2 === 0 ? !isUpper(c) : c !== 0x2e) return false;
  }
  return true;
}

/** The word starting at `n` after any opening quotes or brackets (letters only, as written). */
function nextWord(text: string, n: number, to: number): string {
  let i = n;
  while (i < to && isOpener(text.charCodeAt(i))) i++;
  let j = i;
  while (j < to && isLetter(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

/** A bullet that opens a list line: • · ▪ ◦ ‣ * – — -, or "1." / "1)" / "a)". */
function isBullet(text: string, n: number, to: number): boolean {
  const c = text.charCodeAt(n);
  const after = n + 1 < to ? text.charCodeAt(n + 1) : 0x20;
  if (c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25e6 || c === 0x2023 || c === 0x25cf) return true;
  if ((c === 0x2a || c === 0x2d || c === 0x2013 || c === 0x2014) && isSpace(after)) return true;
  let i = n;
  while (i < to && isDigit(text.charCodeAt(i))) i++;
  if (i > n && i < n + 4 && i + 1 < to) {
    const p = text.charCodeAt(i);
    return (p === 0x2e || p === 0x29) && isSpace(text.charCodeAt(i + 1));
  }
  return false;
}

/** Sentence-final punctuation: . ! ? … and the fullwidth/inverted forms news text carries. */
function isTerminal(c: number): boolean {
  return (
    c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x203c || c === 0x2049 || c === 0x2048
  );
}

/** Closing quotes and brackets that may follow sentence-final punctuation. */
function isCloser(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x2019 ||
    c === 0x201d ||
    c === 0xbb ||
    c === 0x203a ||
    c === 0x29 ||
    c === 0x5d
  );
}

/** Opening quotes and brackets that may precede a sentence's first word. */
function isOpener(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x2018 ||
    c === 0x201c ||
    c === 0xab ||
    c === 0x2039 ||
    c === 0x28 ||
    c === 0x5b
  );
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

function isLower(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return isUpper(c) || isLower(c);
}
