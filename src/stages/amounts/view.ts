import type { Token } from "../../core/index.ts";
import type { PhraseTable } from "./data.ts";

/**
 * The tokens of one sentence, `tokens[from, to)`, over the document text, with the small
 * lookups the amount rules need. Lowercase forms are made on demand: only tokens near a number
 * are ever looked at.
 */
export class SentenceView {
  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    /** First token index of the sentence. */
    readonly from: number,
    /** One past the last token index of the sentence. */
    readonly to: number,
  ) {}

  /** True when `i` is a token of this sentence. */
  has(i: number): boolean {
    return i >= this.from && i < this.to;
  }

  /** The token's text as written, or "" outside the sentence. */
  form(i: number): string {
    if (i < this.from || i >= this.to) return "";
    const t = this.tokens[i];
    return this.text.slice(t.start, t.end);
  }

  /** The token's text in lowercase with `’` read as `'`, or "" outside the sentence. */
  lower(i: number): string {
    const f = this.form(i).toLowerCase();
    return f.includes("\u2019") ? f.replaceAll("\u2019", "'") : f;
  }

  /** The token's UPOS tag, or "" outside the sentence. */
  pos(i: number): string {
    return i >= this.from && i < this.to ? this.tokens[i].pos : "";
  }

  /** True when token `i` starts with an uppercase letter. */
  capitalized(i: number): boolean {
    if (!this.has(i)) return false;
    const c = this.text.charCodeAt(this.tokens[i].start);
    return c >= 0x41 && c <= 0x5a;
  }

  /** True when tokens `i` and `i + 1` touch (no space between: "US" + "$"). */
  touching(i: number): boolean {
    return this.has(i) && this.has(i + 1) && this.tokens[i].end === this.tokens[i + 1].start;
  }

  /**
   * The longest phrase of `table` starting at token `i`, as `[value, index after the phrase]`,
   * or undefined.
   */
  matchForward<T>(table: PhraseTable<T>, i: number): [T, number] | undefined {
    const list = table.byFirst.get(this.lower(i));
    if (!list) return undefined;
    for (const p of list) {
      let k = 1;
      while (k < p.words.length && this.lower(i + k) === p.words[k]) k++;
      if (k === p.words.length) return [p.value, i + k];
    }
    return undefined;
  }

  /**
   * The longest phrase of `table` ending at token `i` (inclusive), as `[value, first index of
   * the phrase]`, or undefined.
   */
  matchBackward<T>(table: PhraseTable<T>, i: number): [T, number] | undefined {
    const list = table.byLast.get(this.lower(i));
    if (!list) return undefined;
    for (const p of list) {
      const n = p.words.length;
      let k = 1;
      while (k < n && this.lower(i - k) === p.words[n - 1 - k]) k++;
      if (k === n) return [p.value, i - n + 1];
    }
    return undefined;
  }
}
