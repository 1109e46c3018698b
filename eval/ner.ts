/**
 * Named-entity evaluation on CoNLL-2003 English (Reuters 1996, IOB1): entity-level exact-match
 * precision, recall and F1 (as conlleval) over PER, ORG and LOC. entente's GPE counts as LOC; its
 * NORP and MISC, and gold MISC, are ignored. Each CoNLL document becomes one entente document
 * whose paragraphs are its sentences (tokens joined by spaces); our character spans are mapped to
 * gold token spans, and a mention whose ends do not fall on token boundaries counts as wrong.
 * compromise (`people()`, `organizations()`, `places()`) is scored the same way in the same run.
 *
 * Run: `npx tsx eval/ner.ts [dataDir] [testa|testb|conllpp]` or `npm run eval -- ner`.
 * Reads the data at evaluation time only; skips with a one-line note when it is absent.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import { createDoc, type Paragraph } from "../src/core/index.ts";
import { findMentions } from "../src/stages/mentions/index.ts";
import { segmentStage } from "../src/stages/segment/index.ts";

type Label = "PER" | "ORG" | "LOC";
const labels: Label[] = ["PER", "ORG", "LOC"];

/** One CoNLL document: its text (sentences separated by blank lines), token spans and gold entities. */
interface ConllDoc {
  text: string;
  tokens: Array<{ start: number; end: number }>;
  sentences: Array<{ start: number; end: number }>;
  gold: Set<string>;
}

/** Reads a CoNLL-2003 file (IOB1 or IOB2) into documents. Entities are keys `"firstTok:lastTok:TYPE"` (token indexes within the document). */
export function readConll(file: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let sents: string[][][] = [];
  let cur: string[][] = [];
  const flushSent = () => {
    if (cur.length > 0) sents.push(cur);
    cur = [];
  };
  const flushDoc = () => {
    flushSent();
    if (sents.length > 0) docs.push(buildDoc(sents));
    sents = [];
  };
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    if (line.startsWith("-DOCSTART-")) {
      flushDoc();
      continue;
    }
    if (line === "") {
      flushSent();
      continue;
    }
    const cols = line.split(/\s+/);
    cur.push([cols[0], cols[cols.length - 1]]);
  }
  flushDoc();
  return docs;
}

function buildDoc(sents: string[][][]): ConllDoc {
  const tokens: ConllDoc["tokens"] = [];
  const sentences: ConllDoc["sentences"] = [];
  const gold = new Set<string>();
  let text = "";
  for (const s of sents) {
    if (text !== "") text += "\n\n";
    const sStart = text.length;
    let open: { start: number; type: string } | undefined;
    const close = (end: number) => {
      if (open && (labels as string[]).includes(open.type)) gold.add(`${open.start}:${end}:${open.type}`);
      open = undefined;
    };
    s.forEach(([word, tag], i) => {
      if (i > 0) text += " ";
      const idx = tokens.length;
      tokens.push({ start: text.length, end: text.length + word.length });
      text += word;
      const [bio, type] = tag === "O" ? ["O", ""] : tag.split("-");
      if (bio === "O") close(idx - 1);
      else if (bio === "B" || !open || open.type !== type) {
        close(idx - 1);
        open = { start: idx, type };
      }
    });
    close(tokens.length - 1);
    sentences.push({ start: sStart, end: text.length });
  }
  return { text, tokens, sentences, gold };
}

/** Maps a character span to a `"first:last:TYPE"` key, or an unmatchable key when it does not fall on token boundaries. */
function spanKey(
  _d: ConllDoc,
  startTok: Map<number, number>,
  endTok: Map<number, number>,
  s: number,
  e: number,
  t: Label,
) {
  const a = startTok.get(s);
  const b = endTok.get(e);
  return a === undefined || b === undefined ? `x${s}:${e}:${t}` : `${a}:${b}:${t}`;
}

/** Counts of one system: true positives, predicted and gold entities per type. */
type Counts = Record<Label, { tp: number; pred: number; gold: number }>;
const emptyCounts = (): Counts => ({
  PER: { tp: 0, pred: 0, gold: 0 },
  ORG: { tp: 0, pred: 0, gold: 0 },
  LOC: { tp: 0, pred: 0, gold: 0 },
});

function addCounts(c: Counts, gold: Set<string>, pred: Set<string>) {
  for (const g of gold) c[g.split(":")[2] as Label].gold++;
  for (const p of pred) {
    const t = p.split(":")[2] as Label;
    c[t].pred++;
    if (gold.has(p)) c[t].tp++;
  }
}

function prf(tp: number, pred: number, gold: number): [number, number, number] {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

function report(name: string, c: Counts): number {
  const all = labels.reduce(
    (a, l) => ({ tp: a.tp + c[l].tp, pred: a.pred + c[l].pred, gold: a.gold + c[l].gold }),
    {
      tp: 0,
      pred: 0,
      gold: 0,
    },
  );
  const f = (x: number) => x.toFixed(3);
  const [p, r, f1] = prf(all.tp, all.pred, all.gold);
  const parts = labels.map((l) => {
    const [lp, lr, lf] = prf(c[l].tp, c[l].pred, c[l].gold);
    return `${l} P ${f(lp)} R ${f(lr)} F1 ${f(lf)}`;
  });
  console.log(`  ${name.padEnd(10)} P ${f(p)} R ${f(r)} F1 ${f(f1)} | ${parts.join(" | ")}`);
  return f1;
}

/** Scores entente (and compromise unless `withCompromise` is false) on one CoNLL file. */
export function scoreConll(
  file: string,
  opts: { compromise?: boolean; errors?: number; rules?: Map<string, number> } = {},
): { entente: number; compromise?: number } {
  const docs = readConll(file);
  const ours = emptyCounts();
  const theirs = emptyCounts();
  const mapType = (t: string): Label | undefined =>
    t === "PER" ? "PER" : t === "ORG" ? "ORG" : t === "LOC" || t === "GPE" ? "LOC" : undefined;
  let words = 0;
  let ms = 0;
  let shown = 0;
  docs.forEach((d, n) => {
    const startTok = new Map(d.tokens.map((t, i) => [t.start, i]));
    const endTok = new Map(d.tokens.map((t, i) => [t.end, i]));
    const doc = createDoc(`conll-${n}`, d.text, { published: "1996-09-01" });
    doc.layers.paragraphs = d.sentences.map(
      (s): Paragraph => ({
        start: s.start,
        end: s.end,
        kind: "p",
        prov: { stage: "eval", rule: "conll-sentence" },
      }),
    );
    segmentStage.run(doc);
    const t0 = performance.now();
    const mentions = findMentions(doc);
    ms += performance.now() - t0;
    words += d.tokens.length;
    const pred = new Set<string>();
    for (const m of mentions) {
      const t = mapType(m.type);
      if (t) pred.add(spanKey(d, startTok, endTok, m.start, m.end, t));
    }
    addCounts(ours, d.gold, pred);
    if (opts.rules && process.env.NER_FN) {
      // Missed gold entities: same span other type, overlapping span, or nothing.
      const predSpans = new Map<string, string>();
      for (const m of mentions) predSpans.set(`${startTok.get(m.start)}:${endTok.get(m.end)}`, m.type);
      for (const g of d.gold) {
        if (pred.has(g)) continue;
        const [a, b, t] = g.split(":");
        const same = predSpans.get(`${a}:${b}`);
        const overlap = mentions.some(
          (m) => m.start < d.tokens[Number(b)].end && m.end > d.tokens[Number(a)].start,
        );
        const kind = same ? `type:${same}` : overlap ? "boundary" : "missed";
        const k = `FN ${t} ${kind}`;
        opts.rules.set(k, (opts.rules.get(k) ?? 0) + 1);
        if (process.env.NER_SHOW && k.startsWith(process.env.NER_SHOW))
          console.log(
            `${k}: ${d.text.slice(d.tokens[Number(a)].start, d.tokens[Number(b)].end)} | ${d.text.slice(Math.max(0, d.tokens[Number(a)].start - 40), d.tokens[Number(b)].end + 30).replace(/\n/g, " / ")}`,
          );
      }
    }
    if (opts.rules) {
      // Which detection rules are right: rule → gold type of the same span ("O" when none).
      const goldBySpan = new Map(
        [...d.gold].map((k) => [k.split(":").slice(0, 2).join(":"), k.split(":")[2]]),
      );
      for (const m of mentions) {
        const t = mapType(m.type);
        if (!t) continue;
        const span = spanKey(d, startTok, endTok, m.start, m.end, t).split(":").slice(0, 2).join(":");
        const k = `${m.prov.rule.split("/")[0]} ${t}→${goldBySpan.get(span) ?? "O"}`;
        if (process.env.NER_SHOW && k.startsWith(process.env.NER_SHOW))
          console.log(
            `${k}: ${m.surface} | ${d.text.slice(Math.max(0, m.start - 40), m.end + 30).replace(/\n/g, " / ")}`,
          );
        opts.rules.set(k, (opts.rules.get(k) ?? 0) + 1);
      }
    }
    if (opts.errors && shown < opts.errors) {
      const show = (k: string) => {
        const [a, b, t] = k.split(":");
        if (a.startsWith("x")) return `${d.text.slice(Number(a.slice(1)), Number(b))}(unaligned)/${t}`;
        return `${d.text.slice(d.tokens[Number(a)].start, d.tokens[Number(b)].end)}/${t}`;
      };
      const fp = [...pred].filter((k) => !d.gold.has(k)).map(show);
      const fn = [...d.gold].filter((k) => !pred.has(k)).map(show);
      if (fp.length + fn.length > 0) {
        console.log(`doc ${n}: FP ${fp.join(" ; ")}\n        FN ${fn.join(" ; ")}`);
        shown++;
      }
    }
    if (opts.compromise !== false) {
      const cp = new Set<string>();
      const take = (list: Array<{ offset?: { start: number; length: number } }>, t: Label) => {
        for (const x of list) {
          if (!x.offset) continue;
          cp.add(spanKey(d, startTok, endTok, x.offset.start, x.offset.start + x.offset.length, t));
        }
      };
      // compromise on the whole document (it reads context across sentences).
      const c = nlp(d.text);
      take(c.people().json({ offset: true }), "PER");
      take(c.organizations().json({ offset: true }), "ORG");
      take(c.places().json({ offset: true }), "LOC");
      addCounts(theirs, d.gold, cp);
    }
  });
  const out: { entente: number; compromise?: number } = { entente: report("entente", ours) };
  console.log(
    `  (entente mentions: ${words} tokens in ${ms.toFixed(0)} ms, ${Math.round(words / (ms / 1000))} words/s)`,
  );
  if (opts.compromise !== false) out.compromise = report("compromise", theirs);
  return out;
}

/** The `ner` suite of `eval/run.ts`: CoNLL-2003 eng.testb (and CoNLL++ when present). */
export async function evalNer(dataDir: string): Promise<void> {
  const dir = path.join(dataDir, "conll2003-ner");
  const testb = path.join(dir, "eng.testb");
  if (!existsSync(testb)) {
    console.log(`CoNLL-2003 not found at ${dir}: skipping ner`);
    return;
  }
  console.log("CoNLL-2003 eng.testb (PER/ORG/LOC, exact match; GPE counted as LOC):");
  scoreConll(testb);
  const pp = path.join(dir, "conllpp_test.txt");
  if (existsSync(pp)) {
    console.log("CoNLL++ corrected test:");
    scoreConll(pp, { compromise: false });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dataDir = path.resolve(process.argv[2] ?? path.join(process.cwd(), "../shared/data"));
  const which = process.argv[3];
  const errors = Number(process.argv[4] ?? 0);
  if (which) {
    const name = which === "conllpp" ? "conllpp_test.txt" : `eng.${which}`;
    const rules = new Map<string, number>();
    scoreConll(path.join(dataDir, "conll2003-ner", name), { compromise: false, errors, rules });
    if (process.env.NER_RULES)
      for (const [k, n] of [...rules].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${k}\t${n}`);
  } else await evalNer(dataDir);
}
