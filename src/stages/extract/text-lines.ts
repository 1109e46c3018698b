/**
 * Splits a plain-text article into raw blocks: the candidate paragraphs, each a verbatim slice of
 * the raw input with its raw offsets. Offsets are UTF-16 code units of the original `raw` string;
 * `\r\n` and `\r` are treated as line breaks in place, so nothing is normalised and every offset
 * stays an offset into the string the caller gave.
 */
import { isSpace } from "../../core/index.ts";

/** One candidate paragraph of a plain-text input. */
export interface RawBlock {
  /** `raw.slice(start, end)`: trimmed of white space at both ends, inner line breaks kept verbatim. */
  text: string;
  /** Offset of `text[0]` in the raw input. */
  start: number;
  /** Offset one past the last character of `text` in the raw input. */
  end: number;
  /** True when a blank line (or the start of the input) comes right before the block. */
  afterBlank: boolean;
}

/** Sentence-final punctuation, allowing a closing quote or bracket after it. */
const TERMINAL = /[.!?…:;]["'”’»)\]]{0,2}$/u;
/** Bullet glyphs that open a list item in scraped text. */
export const BULLET = /^[•●▪■◦‣∙·*–-]\s/u;

/**
 * Cuts `raw` into blocks. A blank line always ends a block. Inside a run of non-blank lines, each
 * line is its own block (scraped text puts one paragraph on a line), except that a line which is
 * clearly hard-wrapped — long, no sentence-final punctuation, and the next line goes on in lower
 * case — is joined with the next line into one block (the line break stays inside it verbatim).
 */
export function splitBlocks(raw: string): RawBlock[] {
  const lines: Array<{ start: number; end: number; afterBlank: boolean }> = [];
  let afterBlank = true;
  const n = raw.length;
  // Line breaks are \n, \r\n or a lone \r; indexOf finds \n fast, and a lone \r (rare) takes the slow scan.
  const loneCR = raw.includes("\r") && /\r(?!\n)/.test(raw);
  let pos = 0;
  while (pos <= n) {
    let end: number;
    if (loneCR) {
      end = pos;
      while (end < n && raw.charCodeAt(end) !== 10 && raw.charCodeAt(end) !== 13) end++;
    } else {
      end = raw.indexOf("\n", pos);
      if (end < 0) end = n;
    }
    // Trim white space (a \r before the \n included) inside the line's bounds.
    let s = pos;
    let e = end;
    while (s < e && isSpace(raw.charCodeAt(s))) s++;
    while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
    if (s < e) {
      lines.push({ start: s, end: e, afterBlank });
      afterBlank = false;
    } else {
      afterBlank = true;
    }
    if (end >= n) break;
    pos = raw.charCodeAt(end) === 13 && raw.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  const blocks: RawBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i];
    let last = first;
    while (i + 1 < lines.length && !lines[i + 1].afterBlank && isWrapped(raw, last, lines[i + 1])) {
      i++;
      last = lines[i];
    }
    blocks.push({
      text: raw.slice(first.start, last.end),
      start: first.start,
      end: last.end,
      afterBlank: first.afterBlank,
    });
  }
  return blocks;
}

/** True when `line` is a hard-wrapped piece of a paragraph that goes on in `next`. */
function isWrapped(
  raw: string,
  line: { start: number; end: number },
  next: { start: number; end: number },
): boolean {
  if (line.end - line.start < 40) return false;
  const tail = raw.slice(Math.max(line.start, line.end - 4), line.end);
  if (TERMINAL.test(tail)) return false;
  // Next line goes on in lower case (a letter whose upper case differs). A digit or a capital
  // could as well open a new line of its own (a dateline, a name), so those are not joined.
  const ch = raw[next.start];
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
