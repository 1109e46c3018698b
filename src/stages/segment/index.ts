import type { Doc, Sentence, Stage } from "../../core/index.ts";
import { splitSentences } from "./sentences.ts";
import { tokenizeSentences } from "./tokenize.ts";

export { UPOS, type Upos } from "./pos.ts";
export { abbreviationClass, isSentenceStarter, splitSentences } from "./sentences.ts";
export { tokenize, tokenizeSentences } from "./tokenize.ts";
export { type ScannedTokens, scanTokens, TokenKind, type TokenKindCode } from "./tokens.ts";

/**
 * The segmentation stage: splits each paragraph into sentences and each sentence into tokens
 * with Universal POS tags (`layers.sentences`, `layers.tokens`), all spans over `doc.text`.
 */
export const segmentStage: Stage = {
  name: "segment",
  requires: ["paragraphs"],
  assigns: ["sentences", "tokens"],
  run(doc: Doc): void {
    const sentences: Sentence[] = [];
    for (const p of doc.layers.paragraphs ?? []) {
      for (const s of splitSentences(doc.text, p.start, p.end)) sentences.push(s);
    }
    doc.layers.sentences = sentences;
    doc.layers.tokens = tokenizeSentences(doc.text, sentences);
  },
};
