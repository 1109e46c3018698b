import { isSpace, type Span, trimSpan } from "../../core/index.ts";

/**
 * Finding quoted stretches by their marks: a linear scan over each paragraph that pairs opening
 * and closing quotation marks, decides straight marks (`"`, `'`) and the right single quote `’`
 * by the characters around them, and follows quotes that run over several paragraphs.
 */

/** Which family of marks delimits a quote. */
export type QuoteStyle = "double" | "single" | "guillemet";

/** A quoted stretch of text, found by its marks alone (speech or not is decided later). */
export interface QuoteRegion {
  /** The content, one span per paragraph the quote runs through, marks excluded, white space trimmed. */
  parts: Span[];
  /** Offset of the opening mark of the first part. */
  open: number;
  /** Offset of the closing mark, or -1 when the quote runs unclosed to the end of its paragraph. */
  close: number;
  /** Offset just past the closing mark (`close + 1`, or `+ 2` for `''`), or -1. */
  closeEnd: number;
  style: QuoteStyle;
}

const STRAIGHT_DOUBLE = 0x22;
const LEFT_DOUBLE = 0x201c;
const RIGHT_DOUBLE = 0x201d;
const LOW_DOUBLE = 0x201e;
const LEFT_GUILLEMET = 0xab;
const RIGHT_GUILLEMET = 0xbb;
const STRAIGHT_SINGLE = 0x27;
const LEFT_SINGLE = 0x2018;
const RIGHT_SINGLE = 0x2019;
const LEFT_SINGLE_GUILLEMET = 0x2039;
const RIGHT_SINGLE_GUILLEMET = 0x203a;

/** True for a letter or digit of any script (quote pairing only needs "is this inside a word"). */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase() || (c >= 0x660 && c <= 0x669);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Characters after which a mark opens a quote: space, paragraph start, brackets, dashes, slashes, other quote marks. */
function isOpenContext(c: number): boolean {
  return (
    c < 0 ||
    isSpace(c) ||
    c === 0x28 ||
    c === 0x5b ||
    c === 0x7b ||
    c === 0x2014 ||
    c === 0x2013 ||
    c === 0x2d ||
    c === 0x2f ||
    c === LEFT_DOUBLE ||
    c === LEFT_SINGLE ||
    c === STRAIGHT_DOUBLE ||
    c === LEFT_GUILLEMET
  );
}

/** Characters before which a mark closes a quote: space, paragraph end, sentence punctuation, brackets, dashes, other quote marks. */
function isCloseContext(c: number): boolean {
  return (
    c < 0 ||
    isSpace(c) ||
    c === 0x2e ||
    c === 0x2c ||
    c === 0x3b ||
    c === 0x3a ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x29 ||
    c === 0x5d ||
    c === 0x2014 ||
    c === 0x2013 ||
    c === 0x2d ||
    c === 0x2026 ||
    c === RIGHT_DOUBLE ||
    c === STRAIGHT_DOUBLE ||
    c === RIGHT_SINGLE ||
    c === RIGHT_GUILLEMET
  );
}

enum Role {
  None,
  Open,
  Close,
  /** A closing single mark right after an "s": a quote's end or a plural possessive ("the countries’ "). */
  CloseOrPossessive,
  /** A straight mark that could open or close. */
  Either,
}

function charAt(text: string, i: number, from: number, to: number): number {
  return i >= from && i < to ? text.charCodeAt(i) : -1;
}

/** The role of a double mark (`"` `“` `”` `„` `«` `»`) from the characters around it. */
function doubleRole(c: number, prev: number, next: number): Role {
  if (c === LEFT_DOUBLE || c === LOW_DOUBLE || c === LEFT_GUILLEMET) {
    // A left mark glued to the preceding word and followed by space is a mistyped closing mark.
    return c === LEFT_DOUBLE && !isOpenContext(prev) && isCloseContext(next) ? Role.Close : Role.Open;
  }
  if (c === RIGHT_GUILLEMET) return Role.Close;
  if (c === RIGHT_DOUBLE) {
    // A right mark opening a paragraph, or after a space and glued to the next word, is a mistyped opening mark.
    return prev < 0 || (isSpace(prev) && isWordChar(next)) ? Role.Open : Role.Close;
  }
  const opens = isOpenContext(prev) && !(next < 0 || isSpace(next));
  const closes = !(prev < 0 || isSpace(prev)) && isCloseContext(next);
  if (opens && !closes) return Role.Open;
  if (closes && !opens) return Role.Close;
  return Role.Either;
}

/** The role of a single mark (`'` `‘` `’` `‹` `›`): apostrophes inside words (don’t, Iran’s, O’Neill) are no quote marks. */
function singleRole(c: number, prev: number, next: number): Role {
  if (c === LEFT_SINGLE_GUILLEMET) return Role.Open;
  if (c === RIGHT_SINGLE_GUILLEMET) return Role.Close;
  if (c === LEFT_SINGLE) return isDigit(next) ? Role.None : Role.Open;
  const prevWord = prev >= 0 && isWordChar(prev);
  const nextWord = next >= 0 && isWordChar(next);
  if (prevWord && nextWord) return Role.None;
  const prevSpace = prev < 0 || isOpenContext(prev);
  const nextSpace = next < 0 || isSpace(next);
  if (prevSpace && !nextSpace) return isDigit(next) ? Role.None : Role.Open;
  if (!prevSpace && (nextSpace || isCloseContext(next))) {
    return (prev === 0x73 || prev === 0x53) && nextSpace ? Role.CloseOrPossessive : Role.Close;
  }
  return Role.None;
}

/**
 * True when a double mark starts at `i`: one of `"“”„«»`, or two straight apostrophes `''` (the
 * way some newspaper archives write a double quote).
 */
function isDoubleAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isDoubleMark(c) || (c === STRAIGHT_SINGLE && text.charCodeAt(i + 1) === STRAIGHT_SINGLE);
}

/** Length of the double mark at `i` (2 for `''`). */
function markLength(text: string, i: number): number {
  return text.charCodeAt(i) === STRAIGHT_SINGLE ? 2 : 1;
}

function isDoubleMark(c: number): boolean {
  return (
    c === STRAIGHT_DOUBLE ||
    c === LEFT_DOUBLE ||
    c === RIGHT_DOUBLE ||
    c === LOW_DOUBLE ||
    c === LEFT_GUILLEMET ||
    c === RIGHT_GUILLEMET
  );
}

function isSingleMark(c: number): boolean {
  return (
    c === STRAIGHT_SINGLE ||
    c === LEFT_SINGLE ||
    c === RIGHT_SINGLE ||
    c === LEFT_SINGLE_GUILLEMET ||
    c === RIGHT_SINGLE_GUILLEMET
  );
}

/** First non-space offset of a paragraph, or -1. */
function firstChar(text: string, p: Span): number {
  for (let i = p.start; i < p.end; i++) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
}

/** Adds a trimmed content part to a region under construction (empty parts are dropped). */
function pushPart(text: string, parts: Span[], start: number, end: number): void {
  const s = trimSpan(text, start, end);
  if (s.end > s.start) parts.push(s);
}

interface Open {
  at: number;
  mark: number;
  parts: Span[];
  /** Where the current paragraph's part starts (after its opening mark). */
  partStart: number;
}

/** Pairs the double marks of all paragraphs (including guillemets), following multi-paragraph quotes. */
function pairDoubles(text: string, paragraphs: readonly Span[]): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  let open: Open | null = null;
  const finish = (close: number, end: number, len = 1): void => {
    if (!open) return;
    pushPart(text, open.parts, open.partStart, end);
    if (open.parts.length > 0) {
      const style: QuoteStyle = open.mark === LEFT_GUILLEMET ? "guillemet" : "double";
      out.push({ parts: open.parts, open: open.at, close, closeEnd: close >= 0 ? close + len : -1, style });
    }
    open = null;
  };
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    let i = p.start;
    if (open) {
      // A continued quote: this paragraph opens with the mark that carries it on.
      const o: Open = open;
      const f = firstChar(text, p);
      o.partStart = f + markLength(text, f);
      i = o.partStart;
    }
    for (; i < p.end; i++) {
      if (!isDoubleAt(text, i)) continue;
      const len = markLength(text, i);
      // Two apostrophes read as a straight double mark.
      const c = len === 2 ? STRAIGHT_DOUBLE : text.charCodeAt(i);
      const role = doubleRole(c, charAt(text, i - 1, p.start, p.end), charAt(text, i + len, p.start, p.end));
      if (open === null) {
        if (role !== Role.Close) open = { at: i, mark: c, parts: [], partStart: i + len };
        i += len - 1;
        continue;
      }
      const o: Open = open;
      const closesLow = o.mark === LOW_DOUBLE && c === LEFT_DOUBLE;
      if (role === Role.Open && !closesLow) {
        // A second opening mark: the first one was never closed. Keep it as an unclosed quote up to here.
        finish(-1, i);
        open = { at: i, mark: c, parts: [], partStart: i + len };
        i += len - 1;
        continue;
      }
      finish(i, i, len);
      i += len - 1;
    }
    if (open) {
      const next = paragraphs[pi + 1];
      const f = next ? firstChar(text, next) : -1;
      const continues =
        f >= 0 &&
        isDoubleAt(text, f) &&
        doubleRole(
          markLength(text, f) === 2 ? STRAIGHT_DOUBLE : text.charCodeAt(f),
          -1,
          charAt(text, f + markLength(text, f), next.start, next.end),
        ) === Role.Open;
      if (continues) {
        const o: Open = open;
        pushPart(text, o.parts, o.partStart, p.end);
      } else finish(-1, p.end);
    }
  }
  return out;
}

/** Pairs single marks outside the double-quoted stretches; a single quote left open at its paragraph's end (and not continued) is dropped. */
function pairSingles(
  text: string,
  paragraphs: readonly Span[],
  doubles: readonly QuoteRegion[],
): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  // Skip intervals: each double quote from its opening mark to its closing mark (or its last part's end).
  const skip: Span[] = doubles.map((d) => ({
    start: d.open,
    end: d.close >= 0 ? d.closeEnd : d.parts[d.parts.length - 1].end,
  }));
  let si = 0;
  let open: Open | null = null;
  const roles: Array<[number, Role]> = [];
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    roles.length = 0;
    for (let i = p.start; i < p.end; i++) {
      while (si < skip.length && skip[si].end <= i) si++;
      if (si < skip.length && skip[si].start <= i) {
        i = skip[si].end - 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (!isSingleMark(c)) continue;
      const role = singleRole(c, charAt(text, i - 1, p.start, p.end), charAt(text, i + 1, p.start, p.end));
      if (role !== Role.None) roles.push([i, role]);
    }
    let k = 0;
    if (open) {
      const o: Open = open;
      if (roles.length > 0 && roles[0][1] === Role.Open && firstChar(text, p) === roles[0][0]) {
        o.partStart = roles[0][0] + 1;
        k = 1;
      } else open = null;
    }
    for (; k < roles.length; k++) {
      const [at, role] = roles[k];
      if (role === Role.Open) {
        open = { at, mark: text.charCodeAt(at), parts: [], partStart: at + 1 };
        continue;
      }
      if (!open) continue;
      if (role === Role.CloseOrPossessive) {
        // "the countries’ talks ...’": a later unambiguous closing mark before the next opening one wins.
        let later = false;
        for (let j = k + 1; j < roles.length && roles[j][1] !== Role.Open; j++) {
          if (roles[j][1] === Role.Close) later = true;
        }
        if (later) continue;
      }
      const o: Open = open;
      pushPart(text, o.parts, o.partStart, at);
      if (o.parts.length > 0)
        out.push({ parts: o.parts, open: o.at, close: at, closeEnd: at + 1, style: "single" });
      open = null;
    }
    if (open) {
      const next = paragraphs[pi + 1];
      const f = next ? firstChar(text, next) : -1;
      const c = f >= 0 ? text.charCodeAt(f) : -1;
      if (c === LEFT_SINGLE || c === STRAIGHT_SINGLE || c === LEFT_SINGLE_GUILLEMET) {
        const o: Open = open;
        pushPart(text, o.parts, o.partStart, p.end);
      } else open = null;
    }
  }
  return out;
}

/**
 * Every quoted stretch of the text, in order of opening mark. Single-quoted stretches are looked
 * for outside double-quoted ones; a double-quoted stretch nested inside a single-quoted one
 * (British style, ‘He called it “idle talk”’) is left to the outer quote.
 */
export function findQuoteRegions(text: string, paragraphs: readonly Span[]): QuoteRegion[] {
  const doubles = pairDoubles(text, paragraphs);
  const singles = pairSingles(text, paragraphs, doubles);
  if (singles.length === 0) return doubles;
  const outer = (d: QuoteRegion): boolean =>
    !singles.some((s) => s.open < d.open && s.close > d.open && (d.close < 0 || d.close < s.close));
  const all = doubles.filter(outer).concat(singles);
  all.sort((a, b) => a.open - b.open);
  return all;
}
