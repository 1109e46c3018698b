/**
 * Builds the part-of-speech data files of the segmenter from wink-nlp (run offline, not at
 * runtime; the output is committed):
 *
 *   npx tsx src/stages/segment/build/build-pos-data.ts [corpus.jsonl[.gz] ...]
 *
 * - `data/pos-lexicon.tsv`: word form → tag distribution. Every lexeme of
 *   wink-eng-lite-web-model with a part of speech gets its default tag; when corpora are given,
 *   they are tagged with wink-nlp's contextual tagger and, for forms seen at least 3 times, the
 *   observed distribution replaces the default. Only forms that are wink lexemes (or our own
 *   abbreviations) are written, so the file holds the model's vocabulary, never corpus text.
 * - `data/pos-transitions.tsv`: P(tag | previous tag) and the tag prior, from the same tagging.
 * - `data/pos-suffixes.tsv`: last-three-letter suffix → most likely tag, for unknown lowercase words.
 *
 * A corpus is JSON Lines with a `"text"` field per record (gzip allowed). Records whose index
 * is a multiple of 5 are skipped so that `eval-pos.ts` can measure agreement on unseen text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";
import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemSentence } from "wink-nlp";

const require = createRequire(import.meta.url);
const readModel = require("wink-eng-lite-web-model/dist/read-core-model.js") as () => WinkCoreModel;

interface WinkCoreModel {
  lexicon: Uint32Array;
  packing: { size: number; layout: Record<string, number[]> };
  features: { lexeme: { list: string[]; hash: Record<string, number> } };
  pos: { list: string[] };
}

const dataDir = new URL("../data/", import.meta.url);
const MIN_COUNT = 3;
const MIN_SHARE = 0.05;

/** Loads every document text of the given corpora, skipping the held-out fifth. */
export function readCorpus(paths: string[], heldOut: boolean): string[] {
  const texts: string[] = [];
  for (const path of paths) {
    const buf = readFileSync(path);
    const raw = path.endsWith(".gz") ? gunzipSync(buf).toString("utf8") : buf.toString("utf8");
    raw
      .split("\n")
      .filter((l) => l.trim() !== "")
      .forEach((line, i) => {
        if ((i % 5 === 0) !== heldOut) return;
        const rec = JSON.parse(line) as { text?: string };
        if (typeof rec.text === "string") texts.push(rec.text);
      });
  }
  return texts;
}

function main(): void {
  const core = readModel();
  const { size, layout } = core.packing;
  const [posWord, posMask, posShift] = layout.pos;
  const lexemes = core.features.lexeme.list;
  const lexemeSet = new Set(lexemes);
  const ownAbbreviations = readFileSync(new URL("abbreviations.txt", dataDir), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split("\t")[0]);
  for (const a of ownAbbreviations) lexemeSet.add(a);
  const allowed = (form: string) => lexemeSet.has(form) || lexemeSet.has(form.toLowerCase());

  // 1. Default tag of every lexeme, from the model.
  const defaults = new Map<string, string>();
  for (let i = 1; i < lexemes.length; i++) {
    const tag = core.pos.list[(core.lexicon[i * size + posWord] & posMask) >>> posShift];
    if (tag && tag !== "UNK" && tag !== "SPACE" && !/\s/.test(lexemes[i])) defaults.set(lexemes[i], tag);
  }

  // 2. Contextual tags from corpora, if any.
  const counts = new Map<string, Map<string, number>>();
  const trans = new Map<string, Map<string, number>>();
  const texts = readCorpus(process.argv.slice(2), false);
  const nlp = winkNLP(model, ["sbd", "pos"]);
  const its = nlp.its;
  let tokens = 0;
  for (const text of texts) {
    for (const para of text.split(/\n{2,}/)) {
      if (para.trim() === "") continue;
      const doc = nlp.readDoc(para);
      doc.sentences().each((s: ItemSentence) => {
        const values = s.tokens().out(its.value) as string[];
        const tags = s.tokens().out(its.pos) as string[];
        let prev = "BOS";
        for (let k = 0; k < values.length; k++) {
          const tag = tags[k];
          if (tag === "SPACE") continue;
          tokens++;
          bump(trans, prev, tag);
          prev = tag;
          if (allowed(values[k])) bump(counts, values[k], tag);
        }
      });
    }
  }

  // 3. Lexicon: observed distribution where seen enough, else the model's default.
  const lines: string[] = [];
  const forms = new Set([...defaults.keys(), ...counts.keys()]);
  for (const form of [...forms].sort()) {
    const seen = counts.get(form);
    const total = seen ? [...seen.values()].reduce((a, b) => a + b, 0) : 0;
    if (seen && total >= MIN_COUNT) {
      const dist = [...seen.entries()].filter(([, n]) => n / total >= MIN_SHARE).sort((a, b) => b[1] - a[1]);
      lines.push(
        `${form}\t${dist.map(([t, n]) => `${t}:${Math.max(1, Math.round((100 * n) / total))}`).join(" ")}`,
      );
    } else if (defaults.has(form)) {
      const tag = defaults.get(form) as string;
      // A noun whose -ing form is a verb in the model is a verb too ("cost", "visit", "host"):
      // give it a share of VERB so the context can choose, as it would with corpus counts.
      lines.push(
        tag === "NOUN" && hasVerbForms(form, defaults) ? `${form}\tNOUN:70 VERB:30` : `${form}\t${tag}`,
      );
    }
  }
  writeFileSync(new URL("pos-lexicon.tsv", dataDir), `${lines.join("\n")}\n`);

  // 4. Transitions P(tag | prev) and prior P(tag).
  const tLines: string[] = [];
  const prior = new Map<string, number>();
  for (const [prev, row] of [...trans.entries()].sort()) {
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    for (const [tag, n] of [...row.entries()].sort()) {
      tLines.push(`${prev}\t${tag}\t${(n / total).toFixed(5)}`);
      prior.set(tag, (prior.get(tag) ?? 0) + n);
    }
  }
  const all = [...prior.values()].reduce((a, b) => a + b, 0);
  for (const [tag, n] of [...prior.entries()].sort()) tLines.push(`PRIOR\t${tag}\t${(n / all).toFixed(5)}`);
  writeFileSync(new URL("pos-transitions.tsv", dataDir), `${tLines.join("\n")}\n`);

  // 5. Suffixes of lowercase lexemes → most likely tag (from the lexicon as built).
  const suffixCounts = new Map<string, Map<string, number>>();
  for (const line of lines) {
    const [form, dist] = line.split("\t");
    if (!/^[a-z]{5,}$/.test(form)) continue;
    bump(suffixCounts, form.slice(-3), dist.split(" ")[0].split(":")[0]);
  }
  const sLines: string[] = [];
  for (const [suffix, row] of [...suffixCounts.entries()].sort()) {
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    const [best, n] = [...row.entries()].sort((a, b) => b[1] - a[1])[0];
    if (total >= 5 && n / total >= 0.5) sLines.push(`${suffix}\t${best}`);
  }
  writeFileSync(new URL("pos-suffixes.tsv", dataDir), `${sLines.join("\n")}\n`);
  console.log(
    `lexicon ${lines.length} forms, ${tokens} corpus tokens from ${texts.length} documents, ${sLines.length} suffixes`,
  );
}

/** True when the model knows an -ing form of `form` as a verb: visit → visiting, cost → costing, ship → shipping, vote → voting. */
function hasVerbForms(form: string, defaults: Map<string, string>): boolean {
  if (!/^[a-z]{3,}$/.test(form)) return false;
  const candidates = [`${form}ing`, `${form}${form.at(-1)}ing`];
  if (form.endsWith("e")) candidates.push(`${form.slice(0, -1)}ing`);
  return candidates.some((c) => defaults.get(c) === "VERB");
}

function bump(m: Map<string, Map<string, number>>, key: string, tag: string): void {
  let row = m.get(key);
  if (!row) {
    row = new Map();
    m.set(key, row);
  }
  row.set(tag, (row.get(tag) ?? 0) + 1);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) main();
