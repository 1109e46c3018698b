/**
 * The word units the time grammar reads: a sentence's tokens, lower-cased, with a final period
 * dropped ("Sept." → "sept") and hyphenated words split into their parts ("third-quarter" →
 * "third", "quarter"; "mid-1990s" → "mid", "1990s"), each part keeping its own span.
 */
import type { Token } from "../../core/index.ts";
import { HEAD_WORDS } from "./lexicon.ts";

/** One word of a sentence as the grammar sees it. Offsets are UTF-16 code units of the document text. */
export interface Unit {
  /** Lower-cased form, final period dropped. */
  w: string;
  /** The form as written (final period kept). */
  raw: string;
  start: number;
  end: number;
  /** UPOS of the token the unit comes from. */
  pos: string;
  /** First letter is upper case. */
  cap: boolean;
  /** Integer value when the unit is all digits, else NaN. */
  n: number;
  /** Index of the token in the document's token layer. */
  tok: number;
  /** True when the unit was joined to the previous unit by a hyphen inside one token. */
  hy: boolean;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function unitOf(raw: string, start: number, pos: string, tok: number, hy: boolean): Unit {
  let w = raw;
  if (w.length > 1 && w.charCodeAt(w.length - 1) === 46 && w.indexOf(".") === w.length - 1)
    w = w.slice(0, -1);
  const lw = w.toLowerCase();
  const c0 = raw.charCodeAt(0);
  let n = Number.NaN;
  if (isDigit(c0)) {
    let all = true;
    for (let k = 1; k < w.length; k++) if (!isDigit(w.charCodeAt(k))) all = false;
    if (all && w.length <= 9) n = Number(w);
  }
  return {
    w: lw,
    raw,
    start,
    end: start + raw.length,
    pos,
    cap: lw !== w && c0 >= 65 && c0 <= 90,
    n,
    tok,
    hy,
  };
}

/** True when a hyphenated token should be split: it has letters (dates like 2021-03-07 stay whole). */
function splittable(raw: string): boolean {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k) | 32;
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** Builds the units of tokens `[from, to)` of `tokens` over `text`. */
export function buildUnits(text: string, tokens: readonly Token[], from: number, to: number): Unit[] {
  const out: Unit[] = [];
  for (let t = from; t < to; t++) {
    const tk = tokens[t];
    const raw = text.slice(tk.start, tk.end);
    const h = raw.indexOf("-", 1);
    if (h > 0 && h < raw.length - 1 && splittable(raw)) {
      let s = 0;
      let first = true;
      for (let k = 0; k <= raw.length; k++) {
        if (k === raw.length || raw.charCodeAt(k) === 45) {
          if (k > s) {
            out.push(unitOf(raw.slice(s, k), tk.start + s, tk.pos, t, !first));
            first = false;
          }
          s = k + 1;
        }
      }
    } else {
      out.push(unitOf(raw, tk.start, tk.pos, t, false));
    }
  }
  return out;
}

/**
 * True when tokens `[from, to)` hold something a time expression needs: a digit, a hyphenated
 * word, or a head word of the lexicon ({@link HEAD_WORDS}). Most sentences of news have none of
 * them, and skipping those is most of the stage's speed.
 */
export function mayHoldTime(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    const tk = tokens[t];
    const len = tk.end - tk.start;
    const c = text.charCodeAt(tk.start);
    if (isDigit(c) || len < 2 || len > 24) {
      if (isDigit(c)) return true;
      continue;
    }
    let raw = text.slice(tk.start, tk.end);
    if (raw.indexOf("-", 1) > 0) return true;
    if (len > 12) continue;
    if (raw.charCodeAt(len - 1) === 46) raw = raw.slice(0, -1);
    if (HEAD_WORDS.has(c >= 65 && c <= 90 ? raw.toLowerCase() : raw)) return true;
    if ((c === 81 || c === 113) && len === 2) return true;
  }
  return false;
}
