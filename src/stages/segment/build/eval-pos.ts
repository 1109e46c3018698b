/**
 * Measures the segmenter against wink-nlp on held-out text (records whose index is a multiple
 * of 5, which `build-pos-data.ts` skips): POS agreement on tokens both tokenizers cut at the
 * same offsets, the share of wink's tokens that align, and the speed of both.
 *
 *   npx tsx src/stages/segment/build/eval-pos.ts /work/shared/data/bbc-news-fulltext/bbc-news.jsonl.gz
 *
 * Skips cleanly (exit 0) when the corpus is absent.
 */
import { existsSync } from "node:fs";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { splitSentences } from "../sentences.ts";
import { tokenizeSentences } from "../tokenize.ts";
import { readCorpus } from "./build-pos-data.ts";

const paths = process.argv.slice(2).filter((p) => existsSync(p));
if (paths.length === 0) {
  console.log("eval-pos: no corpus given or found; skipped");
  process.exit(0);
}
const paras = readCorpus(paths, true)
  .flatMap((t) => t.split(/\n{2,}/))
  .filter((p) => p.trim() !== "");
const chars = paras.reduce((a, p) => a + p.length, 0);

const nlp = winkNLP(model, ["sbd", "pos"]);
const its = nlp.its;

// Warm both up first, so the timings are of compiled code.
for (const p of paras.slice(0, 300)) {
  tokenizeSentences(p, splitSentences(p, 0, p.length));
  nlp.readDoc(p).tokens().out(its.pos);
}

let t0 = performance.now();
const ours = paras.map((p) => tokenizeSentences(p, splitSentences(p, 0, p.length)));
const oursSec = (performance.now() - t0) / 1000;

t0 = performance.now();
const theirs = paras.map((p) => {
  const doc = nlp.readDoc(p);
  return { values: doc.tokens().out(its.value) as string[], tags: doc.tokens().out(its.pos) as string[] };
});
const winkSec = (performance.now() - t0) / 1000;

let winkTokens = 0;
let aligned = 0;
let agree = 0;
const confusion = new Map<string, number>();
paras.forEach((p, i) => {
  const byStart = new Map<number, { end: number; pos: string }>();
  for (const t of ours[i]) byStart.set(t.start, t);
  let cursor = 0;
  const { values, tags } = theirs[i];
  for (let k = 0; k < values.length; k++) {
    if (tags[k] === "SPACE") continue;
    winkTokens++;
    const at = p.indexOf(values[k], cursor);
    if (at < 0 || at - cursor > 20) continue;
    cursor = at + values[k].length;
    const mine = byStart.get(at);
    if (!mine || mine.end !== cursor) continue;
    aligned++;
    if (mine.pos === tags[k]) agree++;
    else {
      const key = `${tags[k]}→${mine.pos}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
  }
});

const mb = chars / 1e6;
const ourTokens = ours.reduce((a, t) => a + t.length, 0);
console.log(
  `held-out text: ${paras.length} paragraphs, ${mb.toFixed(2)} MB, wink tokens ${winkTokens}, ours ${ourTokens}`,
);
console.log(`aligned: ${((100 * aligned) / winkTokens).toFixed(2)}% of wink tokens`);
console.log(`POS agreement with wink on aligned tokens: ${((100 * agree) / aligned).toFixed(2)}%`);
console.log(
  `speed: ours (sentences+tokens+pos) ${(mb / oursSec).toFixed(1)} MB/s; wink sbd+pos ${(mb / winkSec).toFixed(1)} MB/s`,
);
const top = [...confusion.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
console.log(`top disagreements (wink→ours): ${top.map(([k, n]) => `${k} ${n}`).join(", ")}`);
