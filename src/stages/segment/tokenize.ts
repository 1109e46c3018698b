import type { Sentence, Token } from "../../core/index.ts";
import { tagSentence } from "./pos.ts";
import { newScannedTokens, scanTokens } from "./tokens.ts";

/**
 * Tokenizes `text[from, to)` as one sentence and tags each token with its Universal POS tag.
 * Tokens are ordered, non-overlapping, never white space; offsets are UTF-16 code units of `text`.
 */
export function tokenize(text: string, from: number, to: number): Token[] {
  return tokenizeSentences(text, [{ start: from, end: to }]);
}

/** Tokenizes and tags every sentence of a document (in order), as one flat token list. */
export function tokenizeSentences(
  text: string,
  sentences: ReadonlyArray<Pick<Sentence, "start" | "end">>,
): Token[] {
  const scanned = newScannedTokens(Math.min(1 << 20, (text.length >> 2) + 16));
  for (const s of sentences) {
    const first = scanned.tokens.length;
    scanTokens(text, s.start, s.end, scanned);
    tagSentence(text, scanned, first);
  }
  return scanned.tokens;
}
