import { createDoc, type Doc, type Paragraph } from "../../core/index.ts";
import { amountsStage } from "./index.ts";

/** Result of {@link benchAmounts}: size of the input, amounts found, seconds taken, throughput. */
export interface AmountsBench {
  /** White-space separated words in the input. */
  words: number;
  amounts: number;
  /** Seconds spent in {@link amountsStage} alone (segmentation is done before timing). */
  seconds: number;
  /** Words per second through the amounts stage. */
  wordsPerSecond: number;
}

/**
 * Times {@link amountsStage} over documents already segmented by `segment` (the caller passes
 * the segmentation stage, since a stage may not import another). One warm-up pass first, so
 * the figure is of compiled code. For `npm run bench`, never tests.
 */
export function benchAmounts(texts: readonly string[], segment: (doc: Doc) => void): AmountsBench {
  const docs = texts.map((t, i) => {
    const d = toDoc(`bench-${i}`, t);
    segment(d);
    return d;
  });
  for (const d of docs) amountsStage.run(d);
  const start = performance.now();
  let amounts = 0;
  for (const d of docs) {
    amountsStage.run(d);
    amounts += d.layers.amounts?.length ?? 0;
  }
  const seconds = (performance.now() - start) / 1000;
  let words = 0;
  for (const d of docs) words += d.text.split(/\s+/).filter(Boolean).length;
  return { words, amounts, seconds, wordsPerSecond: words / seconds };
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
