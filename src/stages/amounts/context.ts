/**
 * Context that makes a number something other than an amount: an identifier ("Resolution
 * 2231", "News Code: 8288"), a date ("March 7", "7 March"), a clock time ("10 a.m."), or one
 * group of a phone number ("+98 21 5555 1234").
 */
import { lexicon } from "./data.ts";
import type { SentenceView } from "./view.ts";

/** True when the number at token `i` follows a label word ("Resolution 2231", "No. 5", "Code: 8288", "#"). */
export function followsLabel(v: SentenceView, i: number): boolean {
  let p = i - 1;
  if (v.lower(p) === ":") p--;
  const word = v.lower(p);
  if (lexicon.labels.has(word) || word === "#") return true;
  // "No. 5" is tokenised "No" "." "5" when the period ends an abbreviation the scanner does not know.
  return word === "." && lexicon.labels.has(`${v.lower(p - 1)}.`) && v.touching(p - 1);
}

/** True when a capitalised month name stands right before `first` or right after `last` ("March 7", "7 March"). */
export function besideMonth(v: SentenceView, first: number, last: number): boolean {
  return (
    isMonth(v, first - 1) || isMonth(v, last + 1) || (v.lower(last + 1) === "of" && isMonth(v, last + 2))
  );
}

function isMonth(v: SentenceView, k: number): boolean {
  return v.capitalized(k) && lexicon.months.has(v.lower(k));
}

/** True when the token after the number marks a clock time ("10 a.m.", "1400 GMT"). */
export function beforeTimeMarker(v: SentenceView, next: number): boolean {
  return lexicon.timeMarkers.has(v.lower(next));
}

/**
 * True when the number at `[first, last]` is one group of a longer digit sequence (a phone or
 * reference number: "+98 21 5555 1234"): a digit token or "+" just before, or a digit token
 * just after.
 */
export function inDigitSequence(v: SentenceView, first: number, last: number): boolean {
  return startsWithDigit(v, first - 1) || v.lower(first - 1) === "+" || startsWithDigit(v, last + 1);
}

function startsWithDigit(v: SentenceView, k: number): boolean {
  if (!v.has(k)) return false;
  const c = v.text.charCodeAt(v.tokens[k].start);
  return c >= 0x30 && c <= 0x39;
}
