/**
 * Main-text extraction evaluation.
 *
 * 1. Zyte article-extraction benchmark (181 pages, gold `articleBody`): the benchmark's own
 *    scoring, re-implemented — `\w+` Unicode tokens, 4-token shingles counted as multisets,
 *    TP/FP/FN normalised per page, precision and recall averaged over pages, F1 of the two means,
 *    plus exact token-sequence accuracy. Scored for entente's `extractHtml`, for Readability alone
 *    (Readability over linkedom, `article.textContent`), and for the stored baseline outputs (a
 *    check that this scorer reproduces the published figures).
 * 2. L3S-GN1 (621 news pages with block labels): share of full-text blocks kept, and share of
 *    not-content / related-content / comment blocks wrongly kept, plus shingle P/R/F1 against the
 *    full-text gold.
 *
 * Run: `npx tsx eval/extract.ts [dataDir] [--worst N] [--dump DIR]` or `npm run eval -- extract`.
 * Reads the data at evaluation time only; skips with a one-line note when it is absent.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { extractHtml } from "../src/stages/extract/html.ts";
import { blocksFromDom, type DomNode } from "../src/stages/extract/html-blocks.ts";

// ---------------------------------------------------------------- scoring (Zyte benchmark rules)

const WORD = /[\p{L}\p{N}_]+/gu;

/** `\w+` tokens as Python's Unicode `re` finds them (letters, digits, underscore). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** 4-token shingles counted as a multiset; fewer than 4 tokens give one shorter shingle. */
function shingles(tokens: string[], n = 4): Map<string, number> {
  const out = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = tokens.slice(i, i + n).join(" ");
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

/** Per-page TP/FP/FN, normalised so they sum to 1 (every page weighs the same). */
export function pageCounts(gold: string, pred: string): [number, number, number] {
  const g = shingles(tokenize(gold));
  const p = shingles(tokenize(pred));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, gc] of g) {
    const pc = p.get(k) ?? 0;
    tp += Math.min(gc, pc);
    fn += Math.max(0, gc - pc);
  }
  for (const [k, pc] of p) fp += Math.max(0, pc - (g.get(k) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [1, 0, 0];
}

/** Benchmark figures over a set of pages. */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  n: number;
}

/** Scores predictions against gold texts, both keyed by page id, over `ids`. */
export function score(gold: Map<string, string>, pred: Map<string, string>, ids: string[]): Score {
  const ps: number[] = [];
  const rs: number[] = [];
  let exact = 0;
  for (const id of ids) {
    const g = gold.get(id) ?? "";
    const p = pred.get(id) ?? "";
    const [tp, fp, fn] = pageCounts(g, p);
    if (tp + fp > 0) ps.push(tp / (tp + fp));
    if (tp + fn > 0) rs.push(tp / (tp + fn));
    const gt = tokenize(g);
    const pt = tokenize(p);
    if (gt.length === pt.length && gt.every((t, i) => t === pt[i])) exact++;
  }
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: exact / ids.length, n: ids.length };
}

/** Per-page F1 (from the normalised counts), for listing the worst pages. */
function pageF1(gold: string, pred: string): number {
  const [tp, fp, fn] = pageCounts(gold, pred);
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

// ---------------------------------------------------------------- extractors

/** Readability alone: Readability over linkedom, `article.textContent`, no repairs, no blocks. */
function readabilityAlone(html: string): string {
  try {
    const { document } = parseHTML(html);
    return new Readability(document as never).parse()?.textContent ?? "";
  } catch {
    return "";
  }
}

function entente(html: string, url?: string): string {
  return extractHtml(html, { url }).text;
}

const extractors: Array<[string, (html: string, url?: string) => string]> = [
  ["entente extractHtml", entente],
  ["readability alone", readabilityAlone],
];

/** Decodes page bytes: UTF-8, or Windows-1252 when the bytes are not valid UTF-8. */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const f3 = (x: number): string => x.toFixed(3);
const pad = (s: string, n: number): string => s.padEnd(n);

// ---------------------------------------------------------------- Zyte benchmark

interface EvalOptions {
  worst?: number;
  dump?: string;
}

async function evalZyte(dir: string, opts: EvalOptions): Promise<void> {
  const truth = JSON.parse(readFileSync(path.join(dir, "ground-truth.json"), "utf8")) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const ids = Object.keys(truth).sort();
  const english = new Set(
    readFileSync(path.join(dir, "english_ids.txt"), "utf8")
      .split(/\s+/)
      .filter((s) => s),
  );
  const enIds = ids.filter((id) => english.has(id));
  const gold = new Map(ids.map((id) => [id, truth[id].articleBody]));
  const pages = new Map(
    ids.map((id) => [id, decode(gunzipSync(readFileSync(path.join(dir, "html", `${id}.html.gz`))))]),
  );
  const bytes = [...pages.values()].reduce((a, h) => a + Buffer.byteLength(h), 0);

  const rows: Array<[string, Score, Score, string]> = [];
  const predsByName = new Map<string, Map<string, string>>();
  for (const [name, fn] of extractors) {
    const t0 = performance.now();
    const pred = new Map(ids.map((id) => [id, fn(pages.get(id) ?? "", truth[id].url)]));
    const ms = performance.now() - t0;
    predsByName.set(name, pred);
    rows.push([
      name,
      score(gold, pred, ids),
      score(gold, pred, enIds),
      `${(ms / 1000).toFixed(1)} s, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`,
    ]);
  }
  const baseDir = path.join(dir, "baseline-output");
  if (existsSync(baseDir)) {
    for (const f of readdirSync(baseDir).sort()) {
      if (!f.endsWith(".json")) continue;
      const raw = JSON.parse(readFileSync(path.join(baseDir, f), "utf8"));
      const out = (raw.output ?? raw) as Record<string, { articleBody?: string }>;
      const pred = new Map(ids.map((id) => [id, out[id]?.articleBody ?? ""]));
      rows.push([
        `stored ${f.replace(/\.json$/, "")}`,
        score(gold, pred, ids),
        score(gold, pred, enIds),
        "stored output",
      ]);
    }
  }
  console.log(
    `Zyte article-extraction benchmark: ${ids.length} pages (${enIds.length} English), ${(bytes / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `${pad("system", 26)} ${pad("all: P     R     F1    acc", 28)} ${pad("English: P R     F1    acc", 28)} time`,
  );
  for (const [name, all, en, note] of rows) {
    console.log(
      `${pad(name, 26)} ${f3(all.precision)} ${f3(all.recall)} ${f3(all.f1)} ${f3(all.accuracy)}  ${f3(en.precision)} ${f3(en.recall)} ${f3(en.f1)} ${f3(en.accuracy)}  ${note}`,
    );
  }
  const mine = predsByName.get("entente extractHtml") ?? new Map<string, string>();
  if (opts.worst) {
    const ranked = ids
      .map((id) => {
        const [tp, fp, fn] = pageCounts(gold.get(id) ?? "", mine.get(id) ?? "");
        return {
          id,
          f1: pageF1(gold.get(id) ?? "", mine.get(id) ?? ""),
          p: tp / (tp + fp || 1),
          r: tp / (tp + fn || 1),
        };
      })
      .sort((a, b) => a.f1 - b.f1)
      .slice(0, opts.worst);
    console.log(`worst ${opts.worst} pages (entente):`);
    for (const w of ranked)
      console.log(
        `  ${w.id.slice(0, 12)} F1 ${f3(w.f1)} P ${f3(w.p)} R ${f3(w.r)}  ${truth[w.id].url.slice(0, 90)}`,
      );
  }
  if (opts.dump) {
    mkdirSync(opts.dump, { recursive: true });
    for (const id of ids) {
      writeFileSync(path.join(opts.dump, `${id.slice(0, 12)}.pred.txt`), mine.get(id) ?? "");
      writeFileSync(path.join(opts.dump, `${id.slice(0, 12)}.gold.txt`), gold.get(id) ?? "");
    }
  }
}

// ---------------------------------------------------------------- L3S-GN1

/** ASCII word tokens, lower-cased: the annotated copies lost some non-ASCII characters to `?`. */
function asciiTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** All 1- to 4-grams of the output, to test whether a gold block's shingles were kept. */
function gramSet(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let s = tokens[i];
    out.add(s);
    for (let n = 1; n < 4 && i + n < tokens.length; n++) {
      s += ` ${tokens[i + n]}`;
      out.add(s);
    }
  }
  return out;
}

/** True when most of a block's 4-shingles (or its whole token run, when shorter) appear in the output. */
function blockKept(tokens: string[], out: Set<string>): boolean {
  if (tokens.length < 4) return out.has(tokens.join(" "));
  let hit = 0;
  const n = tokens.length - 3;
  for (let i = 0; i < n; i++) if (out.has(tokens.slice(i, i + 4).join(" "))) hit++;
  return hit * 2 > n;
}

const LABELS: Record<string, string> = {
  "x-nc-sel0": "not content",
  "x-nc-sel1": "headline",
  "x-nc-sel2": "full text",
  "x-nc-sel3": "supplemental",
  "x-nc-sel4": "related",
  "x-nc-sel5": "comments",
  none: "unlabelled",
};

/** Gold blocks of an annotated page: labelled spans, plus the blocks of text outside any span. */
function goldBlocks(annotated: string): Array<{ label: string; tokens: string[] }> {
  const { document } = parseHTML(annotated);
  const out: Array<{ label: string; tokens: string[] }> = [];
  const spans = [...document.querySelectorAll('span[class^="x-nc-sel"]')];
  for (const s of spans) {
    const label = (s.getAttribute("class") ?? "").split(/\s+/)[0];
    out.push({ label, tokens: asciiTokens(s.textContent ?? "") });
  }
  for (const s of spans) s.remove();
  for (const s of [...document.querySelectorAll(".x-nc-invisible, style, script")]) s.remove();
  if (document.body) {
    for (const b of blocksFromDom(document.body as unknown as DomNode))
      out.push({ label: "none", tokens: asciiTokens(b.text) });
  }
  return out.filter((b) => b.tokens.length >= 4);
}

async function evalL3s(dir: string): Promise<void> {
  const files = readdirSync(path.join(dir, "original"))
    .filter((f) => f.endsWith(".html.gz"))
    .sort();
  const golds = files.map((f) =>
    goldBlocks(decode(gunzipSync(readFileSync(path.join(dir, "annotated", f))))),
  );
  const pages = files.map((f) => decode(gunzipSync(readFileSync(path.join(dir, "original", f)))));
  console.log(
    `\nL3S-GN1: ${files.length} pages; gold blocks of >= 4 ASCII tokens; a block is kept when most of its 4-shingles are in the output`,
  );
  const labels = Object.keys(LABELS);
  console.log(
    `${pad("system", 26)} ${labels.map((l) => pad(LABELS[l], 13)).join("")} fullText P/R/F1     time`,
  );
  for (const [name, fn] of extractors) {
    const kept = new Map<string, [number, number]>(labels.map((l) => [l, [0, 0]]));
    const goldText = new Map<string, string>();
    const pred = new Map<string, string>();
    const t0 = performance.now();
    const outs = pages.map((html) => fn(html));
    const ms = performance.now() - t0;
    files.forEach((f, i) => {
      const out = gramSet(asciiTokens(outs[i]));
      pred.set(f, asciiTokens(outs[i]).join(" "));
      goldText.set(
        f,
        golds[i]
          .filter((b) => b.label === "x-nc-sel2")
          .map((b) => b.tokens.join(" "))
          .join(" "),
      );
      for (const b of golds[i]) {
        const k = kept.get(b.label);
        if (!k) continue;
        k[1]++;
        if (blockKept(b.tokens, out)) k[0]++;
      }
    });
    const s = score(goldText, pred, files);
    const cells = labels.map((l) => {
      const [k, n] = kept.get(l) ?? [0, 0];
      return pad(n ? `${((100 * k) / n).toFixed(1)}%` : "-", 13);
    });
    console.log(
      `${pad(name, 26)} ${cells.join("")} ${f3(s.precision)}/${f3(s.recall)}/${f3(s.f1)}  ${(ms / 1000).toFixed(1)} s`,
    );
  }
  console.log("(kept share per gold label: high is good for full text, low is good for the others)");
}

// ---------------------------------------------------------------- entry points

/** Runs the extraction evaluation over `dataDir` (the shared data folder) and prints a report. */
export async function evalExtract(dataDir: string, opts: EvalOptions = {}): Promise<void> {
  const t0 = performance.now();
  const zyte = path.join(dataDir, "article-extraction-benchmark");
  const l3s = path.join(dataDir, "l3s-gn1-news-boilerplate");
  if (!existsSync(dataDir)) {
    console.log(`extract eval: no data at ${dataDir}, skipped`);
    return;
  }
  if (existsSync(path.join(zyte, "ground-truth.json"))) await evalZyte(zyte, opts);
  else console.log(`extract eval: ${zyte} absent, Zyte benchmark skipped`);
  if (existsSync(path.join(l3s, "original"))) await evalL3s(l3s);
  else console.log(`extract eval: ${l3s} absent, L3S-GN1 skipped`);
  console.log(`\neval extract run time: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opts: EvalOptions = {};
  let dataDir = path.resolve(process.cwd(), "../shared/data");
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--worst") opts.worst = Number(args[++i]);
    else if (args[i] === "--dump") opts.dump = args[++i];
    else dataDir = path.resolve(args[i]);
  }
  await evalExtract(dataDir, opts);
}
