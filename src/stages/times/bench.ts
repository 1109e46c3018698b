/**
 * Throughput of the times stage alone, for `npm run bench` (never tests). Run alone:
 * `npx tsx src/stages/times/bench.ts [file.txt ...]` (defaults to the sample corpus texts).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDoc, type Doc, type Paragraph } from "../../core/index.ts";
import { segmentStage } from "../segment/index.ts";
import { timesStage } from "./index.ts";

/** Result of {@link benchTimes}. */
export interface TimesBench {
  /** Tokens (words and punctuation) the stage read, over all rounds. */
  tokens: number;
  /** Time expressions found, over all rounds. */
  times: number;
  seconds: number;
  /** Tokens per second of the times stage alone (segmentation done beforehand, not timed). */
  tokensPerSecond: number;
}

function toDoc(id: string, text: string, published: string): Doc {
  const doc = createDoc(id, text, { published });
  const paragraphs: Paragraph[] = [];
  const block = /\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g;
  for (let m = block.exec(text); m !== null; m = block.exec(text)) {
    paragraphs.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: "p",
      prov: { stage: "bench", rule: "block" },
    });
  }
  doc.layers.paragraphs = paragraphs;
  segmentStage.run(doc);
  return doc;
}

/**
 * Times {@link timesStage} over documents made from `texts` (segmented first, untimed), repeated
 * until about `minTokens` tokens were read, after one warm-up round.
 */
export function benchTimes(texts: readonly string[], minTokens = 2_000_000): TimesBench {
  const docs = texts.map((t, i) => toDoc(`bench-${i}`, t, "2021-03-07"));
  const perRound = docs.reduce((n, d) => n + (d.layers.tokens?.length ?? 0), 0);
  for (const d of docs) timesStage.run(d);
  const rounds = Math.max(1, Math.ceil(minTokens / Math.max(1, perRound)));
  let times = 0;
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const d of docs) {
      timesStage.run(d);
      times += d.layers.times?.length ?? 0;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const tokens = perRound * rounds;
  return { tokens, times, seconds, tokensPerSecond: tokens / seconds };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = path.resolve(import.meta.dirname, "../../../samples/corpus/text");
  const files = args.length > 0 ? args : readdirSync(dir).map((f) => path.join(dir, f));
  const r = benchTimes(files.map((f) => readFileSync(f, "utf8")));
  console.log(
    `times stage: ${r.tokens.toLocaleString("en")} tokens, ${r.times.toLocaleString("en")} times in ${r.seconds.toFixed(2)} s = ${Math.round(r.tokensPerSecond).toLocaleString("en")} tokens/s`,
  );
}
