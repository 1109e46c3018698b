import { createDoc, type Doc, type Paragraph } from "../../core/index.ts";
import { segmentStage } from "../segment/index.ts";
import { findMentions } from "./index.ts";

/** Result of {@link benchMentions}: words (tokens) processed, mentions found, seconds, throughput. */
export interface MentionsBench {
  words: number;
  mentions: number;
  seconds: number;
  /** Tokens per second through mention detection and resolution (segmentation excluded). */
  wordsPerSecond: number;
}

/**
 * Times mention detection + resolution over documents made from `texts` (segmented first, not
 * timed), after a warm-up pass over all of them (KB load, gazetteer build, JIT). For
 * `npm run bench` and scratch timing, never tests. `rounds` repeats the timed pass.
 */
export function benchMentions(texts: readonly string[], published = "2021-06-01", rounds = 3): MentionsBench {
  const docs = texts.map((t, i) => toDoc(`bench-${i}`, t, published));
  for (const d of docs) segmentStage.run(d);
  for (const d of docs) findMentions(d);
  let words = 0;
  let mentions = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const d of docs) {
      mentions += findMentions(d).length;
      words += d.layers.tokens?.length ?? 0;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return { words, mentions, seconds, wordsPerSecond: words / seconds };
}

/** A document with one paragraph per blank-line-separated block, as extract would give. */
function toDoc(id: string, text: string, published: string): Doc {
  const doc = createDoc(id, text, { published });
  const paragraphs: Paragraph[] = [];
  const re = /\n{2,}/g;
  let start = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    if (end > start) paragraphs.push({ start, end, kind: "p", prov: { stage: "bench", rule: "blank-line" } });
    if (!m) break;
    start = m.index + m[0].length;
  }
  doc.layers.paragraphs = paragraphs;
  return doc;
}
