/**
 * `npm run bench`: throughput and memory of ingest + extract + segment.
 *
 * Generates a corpus of at least 50 MB of plain-text articles from the bundled sample corpus
 * (each copy made distinct, so de-duplication does not skip it), then measures on one core:
 *   1. extract + segment of plain text, in memory (MB/s, documents/s);
 *   2. HTML extraction + segment on the sample HTML pages;
 *   3. the whole `ingest` path (read, decode, extract, segment, store in SQLite) over the
 *      generated folder, with resident memory sampled every 100 ms to show it stays flat.
 * MB are 10^6 UTF-16 code units of input (characters, as the pipeline sees them).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Doc, RawInput } from "../src/core/index.ts";
import { defaultWorkers, formatIngestSummary, ingest } from "../src/ingest/index.ts";
import { analyse, defaultPipeline, Pipeline } from "../src/pipeline/index.ts";
import { decode, readSources } from "../src/sources/index.ts";
import { findDateline } from "../src/stages/extract/dates.ts";
import { segmentStage } from "../src/stages/segment/index.ts";
import { openStore } from "../src/store/index.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const SAMPLES = path.join(ROOT, "samples/corpus");
const OUT = path.join(ROOT, "bench/out");
const TARGET_MB = Number(process.env.BENCH_MB ?? 50);

function walk(dir: string, ext: string[]): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, ext));
    else if (ext.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out.sort();
}

/** Writes distinct variants of the sample plain-text articles until `mb` MB are on disk. */
function generateCorpus(dir: string, mb: number): { files: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = walk(path.join(SAMPLES, "text"), [".txt"]).map((f) => decode(readFileSync(f)).text);
  let bytes = 0;
  let i = 0;
  while (bytes < mb * 1e6) {
    const src = redate(sources[i % sources.length], i);
    const blocks = src.split(/\n\s*\n/);
    // Keep the head (title, dateline) in place, rotate the body, and add a numbered paragraph.
    const head = blocks.slice(0, 2);
    const body = blocks.slice(2);
    const k = body.length > 0 ? i % body.length : 0;
    const rotated = [...body.slice(k), ...body.slice(0, k)];
    const text = [...head, `Bulletin ${i} of the benchmark series was filed by the desk.`, ...rotated].join(
      "\n\n",
    );
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, "0"));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${String(i).padStart(6, "0")}.txt`), text);
    bytes += Buffer.byteLength(text);
    i++;
  }
  return { files: i, bytes };
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Gives copy `i` its own publication date (spread over ten years from 2015), replacing the
 * article's dateline, so that copies of one sample are separate happenings, as a real corpus of
 * many days' news would be, rather than one story reported ten thousand times.
 */
function redate(text: string, i: number): string {
  const d = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000);
  const line = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} - 09:00`;
  const found = findDateline(text);
  if (found && found.end - found.start < 80) return text.slice(0, found.start) + line + text.slice(found.end);
  const cut = text.indexOf("\n\n");
  return cut < 0 ? `${line}\n\n${text}` : `${text.slice(0, cut)}\n\n${line}${text.slice(cut)}`;
}

function mbps(chars: number, ms: number): string {
  return ((chars / 1e6 / ms) * 1000).toFixed(2);
}

async function main() {
  console.log(
    `entente bench — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "?"}`,
  );
  const corpusDir = path.join(OUT, "corpus");
  const t0 = performance.now();
  const gen = generateCorpus(corpusDir, TARGET_MB);
  console.log(
    `generated ${gen.files} plain-text articles, ${(gen.bytes / 1e6).toFixed(1)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // 1. extract + segment of plain text in memory (a 10 MB slice, read first so only CPU is timed).
  const segmentOnly = new Pipeline([segmentStage]);
  const files = walk(corpusDir, [".txt"]);
  const inputs: RawInput[] = [];
  let chars = 0;
  for (const f of files) {
    if (chars > 10e6) break;
    const content = readFileSync(f, "utf8");
    chars += content.length;
    inputs.push({ uri: f, kind: "text", format: "txt", content, meta: {} });
  }
  for (const inp of inputs.slice(0, 200)) analyse(inp, segmentOnly); // warm up
  let t = performance.now();
  const docs: Doc[] = [];
  for (const inp of inputs) docs.push(analyse(inp, segmentOnly));
  let ms = performance.now() - t;
  const sentences = docs.reduce((n, d) => n + (d.layers.sentences?.length ?? 0), 0);
  const tokens = docs.reduce((n, d) => n + (d.layers.tokens?.length ?? 0), 0);
  const words = docs.reduce(
    (n, d) => n + (d.layers.tokens ?? []).filter((k) => k.pos !== "PUNCT" && k.pos !== "SYM").length,
    0,
  );
  console.log(
    `extract+segment, plain text: ${mbps(chars, ms)} MB/s, ${((inputs.length / ms) * 1000).toFixed(0)} docs/s ` +
      `(${inputs.length} docs, ${sentences} sentences, ${tokens} tokens, ${words} words)`,
  );

  // 1a. the figure: read from disk + decode + extract + segment over the whole corpus, one thread, memory sampled.
  {
    const rss: number[] = [];
    const timer = setInterval(() => rss.push(process.memoryUsage().rss), 100);
    let diskChars = 0;
    let n = 0;
    const t1 = performance.now();
    for await (const item of readSources([corpusDir])) {
      if (!item.ok) continue;
      diskChars += item.input.content.length;
      analyse(item.input, segmentOnly);
      n++;
    }
    const ms1 = performance.now() - t1;
    clearInterval(timer);
    const q = (f: number) =>
      ((rss[Math.min(rss.length - 1, Math.floor(rss.length * f))] ?? 0) / 1e6).toFixed(0);
    console.log(
      `read + decode + extract + segment from disk, one thread: ${mbps(diskChars, ms1)} MB/s, ${((n / ms1) * 1000).toFixed(0)} docs/s ` +
        `over ${(diskChars / 1e6).toFixed(1)} MB; resident memory at 25/50/75/100%: ${q(0.25)}/${q(0.5)}/${q(0.75)}/${q(0.999)} MB`,
    );
  }

  // 1b. each later stage of the default pipeline on the segmented documents, in pipeline order.
  const later = defaultPipeline().stages.filter((st) => st.name !== "segment");
  const perStage: string[] = [];
  let qtaMs = 0;
  for (const stage of later) {
    t = performance.now();
    for (const d of docs) stage.run(d);
    const sms = performance.now() - t;
    if (["quotes", "times", "amounts"].includes(stage.name)) qtaMs += sms;
    perStage.push(
      `${stage.name} ${(((words / sms) * 1000) / 1e3).toFixed(0)}k words/s (${((sentences / sms) * 1000).toFixed(0)} sentences/s)`,
    );
  }
  console.log(`stages on one core: ${perStage.join("; ")}`);
  if (qtaMs > 0)
    console.log(`quotes + times + amounts together: ${(((words / qtaMs) * 1000) / 1e3).toFixed(0)}k words/s`);
  const full = defaultPipeline();
  t = performance.now();
  for (const inp of inputs) analyse(inp, full);
  ms = performance.now() - t;
  console.log(
    `full pipeline (extract + ${full.stages.map((st) => st.name).join(" + ")}): ${mbps(chars, ms)} MB/s`,
  );

  // 2. HTML pages.
  const htmlFiles = walk(path.join(SAMPLES, "html"), [".html", ".htm"]);
  const pages = htmlFiles.map((f) => decode(readFileSync(f)).text);
  if (pages.length > 0) {
    let htmlChars = 0;
    let n = 0;
    t = performance.now();
    while (performance.now() - t < 3000) {
      for (const [j, content] of pages.entries()) {
        analyse({ uri: htmlFiles[j], kind: "html", format: "html", content, meta: {} }, segmentOnly);
        htmlChars += content.length;
        n++;
      }
    }
    ms = performance.now() - t;
    console.log(
      `extract+segment, HTML: ${mbps(htmlChars, ms)} MB/s of markup, ${((n / ms) * 1000).toFixed(0)} pages/s`,
    );
  }

  // 3. the whole ingest (every stage, fact tables, incidents) into a fresh SQLite file, memory
  // sampled: on one core, then with worker threads. On the first BENCH_INGEST_MB (default 10) MB,
  // the generated folders of 1,000 articles (about 3.5 MB each) taken in order.
  const ingestMb = Number(process.env.BENCH_INGEST_MB ?? 10);
  const folders = readdirSync(corpusDir)
    .sort()
    .map((f) => path.join(corpusDir, f));
  const subset: string[] = [];
  for (let mb = 0; subset.length < folders.length && mb < ingestMb; mb += 3.5)
    subset.push(folders[subset.length]);
  for (const workers of [0, defaultWorkers()]) {
    await benchIngest(subset, workers);
    if (defaultWorkers() === 0) break;
  }
}

async function benchIngest(paths: string[], workers: number): Promise<void> {
  const dbPath = path.join(OUT, "bench.sqlite");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  const store = await openStore(dbPath);
  const samples: number[] = [];
  // Sampled on a timer and after every 50th document: the one-thread ingest never yields to the
  // timer.
  const timer = setInterval(() => samples.push(process.memoryUsage().rss), 100);
  const summary = await ingest(store, paths, {
    workers,
    onProgress: (done) => {
      if (done % 50 === 0) samples.push(process.memoryUsage().rss);
    },
  });
  clearInterval(timer);
  samples.push(process.memoryUsage().rss);
  await store.close();
  const total = summary.new + summary.versions + summary.unchanged;
  const label =
    workers === 0 ? "ingest to SQLite, one thread" : `ingest to SQLite, ${workers} worker thread(s) + reader`;
  console.log(
    `${label}: ${mbps(summary.chars, summary.seconds * 1000)} MB/s, ${(total / summary.seconds).toFixed(0)} docs/s, ` +
      `db ${(statSync(dbPath).size / 1e6).toFixed(0)} MB; ${formatIngestSummary(summary).split("\n")[0]}`,
  );
  const q = (f: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * f))] ?? 0;
  const mb = (b: number) => (b / 1e6).toFixed(0);
  console.log(
    `  resident memory of the main thread's process: peak ${mb(Math.max(...samples))} MB; at 25% ${mb(q(0.25))} MB, 50% ${mb(q(0.5))} MB, 75% ${mb(q(0.75))} MB, end ${mb(q(0.999))} MB`,
  );
}

await main();
