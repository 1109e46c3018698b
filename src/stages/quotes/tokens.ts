import type { Token } from "../../core/index.ts";

/**
 * A read-only view of a document's tokens with the lookups the quote stage needs: the token at
 * an offset, a token's lowercase form, whether it is capitalised or punctuation.
 */
export class TokenView {
  readonly text: string;
  readonly tokens: readonly Token[];
  private readonly lowerCache = new Map<number, string>();

  constructor(text: string, tokens: readonly Token[]) {
    this.text = text;
    this.tokens = tokens;
  }

  /** Number of tokens. */
  get length(): number {
    return this.tokens.length;
  }

  /** Index of the first token ending after `offset` (the token covering it, or the next one); `length` when none. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The token's text. */
  word(i: number): string {
    const t = this.tokens[i];
    return this.text.slice(t.start, t.end);
  }

  /** The token's text in lowercase (cached: cue and pronoun checks ask for the same tokens repeatedly). */
  lower(i: number): string {
    let w = this.lowerCache.get(i);
    if (w === undefined) {
      w = this.word(i).toLowerCase();
      this.lowerCache.set(i, w);
    }
    return w;
  }

  pos(i: number): string {
    return this.tokens[i].pos;
  }

  /** True when the token starts with an upper-case letter. */
  isCap(i: number): boolean {
    const c = this.text.charCodeAt(this.tokens[i].start);
    if (c >= 65 && c <= 90) return true;
    if (c < 128) return false;
    const ch = String.fromCharCode(c);
    return ch !== ch.toLowerCase();
  }

  /** True when the token is one punctuation character from `chars`. */
  isPunct(i: number, chars: string): boolean {
    const t = this.tokens[i];
    if (t === undefined) return false;
    return t.end - t.start === 1 && chars.includes(this.text[t.start]);
  }
}

/** Every quotation mark character, double and single (a token made of one is a quote mark). */
export const QUOTE_CHARS = "\"“”„«»'‘’‹›";
