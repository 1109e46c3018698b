import { createDoc, type Doc, type Paragraph } from "../../core/index.ts";
import { segmentStage } from "./index.ts";

/** Result of {@link benchSegment}: size of the text, seconds taken, throughput. */
export interface SegmentBench {
  /** Characters processed (UTF-16 code units), in millions. */
  mchars: number;
  sentences: number;
  tokens: number;
  seconds: number;
  /** Millions of characters per second (≈ MB/s for English text). */
  mbPerSecond: number;
}

/**
 * Times {@link segmentStage} over documents made from `texts` (each split into paragraphs at
 * blank lines), after one warm-up pass over the first quarter (so the figure is of compiled
 * code). For `npm run bench`, never tests.
 */
export function benchSegment(texts: readonly string[]): SegmentBench {
  // Copy each text into a flat string, as extract's join makes it (a substring of a larger
  // string is slower to read char by char and would understate the stage).
  const docs = texts.map((t, i) => toDoc(`bench-${i}`, Buffer.from(t, "utf8").toString("utf8")));
  for (const d of docs.slice(0, Math.max(1, docs.length >> 2))) segmentStage.run(toDoc(d.id, d.text));
  const start = performance.now();
  let sentences = 0;
  let tokens = 0;
  for (const d of docs) {
    segmentStage.run(d);
    sentences += d.layers.sentences?.length ?? 0;
    tokens += d.layers.tokens?.length ?? 0;
  }
  const seconds = (performance.now() - start) / 1000;
  const mchars = docs.reduce((a, d) => a + d.text.length, 0) / 1e6;
  return { mchars, sentences, tokens, seconds, mbPerSecond: mchars / seconds };
}

/** A document with one paragraph per blank-line-separated block, as extract would give. */
function toDoc(id: string, text: string): Doc {
  const doc = createDoc(id, text);
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
