/**
 * Event coding evaluation. Every sentence runs through the full pipeline (createDoc, one
 * paragraph, segment, mentions, times, events); nothing is special-cased.
 *
 * 1. petrarch2-gsr-validation (78 sentences, CAMEO codes, Phoenix actor codes): precision and
 *    recall on (root code, source country, target country) with country = first three letters of
 *    the actor code; exact-code rate among matched tuples. Negated and hypothetical events are not
 *    counted as coded facts. A reciprocal event (one event, both sides) is scored as A→B and B→A,
 *    which is how the gold writes it.
 * 2. plover-gsr-cameo (322 records): PLOVER event type of the sentence's first coded event, and of
 *    any coded event; source/target country of the event of the gold type (else the first event).
 *    The GSR uses PLOVER 0.5b1 categories, which follow CAMEO roots more closely than the 0.8
 *    crosswalk in the codebook; predictions are mapped to 0.5b1 by CAMEO root (08 split into
 *    CONCEDE 080–083 / RETREAT 084–087, 02 appeals → DEMAND, 20 → ASSAULT).
 * 3. conflibert-cameo test split (451 sentences): five-way class of the first coded event (no
 *    event → class 0) and actor-span F1 (source S, target T, reciprocal R) exact and by overlap.
 *    As in the gold, R is for sides named together ("X and Y met"); "X met Y" is S and T.
 *
 * Run: `npx tsx eval/events.ts [dataDir] [--show N] [--split train]` or `npm run eval -- events`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDoc, type Doc, type EventActor, type EventFact, type Stage } from "../src/core/index.ts";
import { eventsStage } from "../src/stages/events/index.ts";
import { segmentStage } from "../src/stages/segment/index.ts";

let timesFailures = 0;

async function loadStages(): Promise<Stage[]> {
  const stages: Stage[] = [segmentStage];
  const m = await import("../src/stages/mentions/index.ts");
  stages.push(m.mentionsStage);
  try {
    const t = await import("../src/stages/times/index.ts");
    // A times stage that fails on a document is skipped for it (dates then come from the events
    // stage's own reader) rather than sinking the run; failures are counted.
    stages.push({
      ...t.timesStage,
      run(doc: Doc) {
        try {
          t.timesStage.run(doc);
        } catch {
          timesFailures++;
          delete doc.layers.times;
        }
      },
    });
  } catch {
    console.log("(times stage not available: dates from the events stage's own reader)");
  }
  stages.push(eventsStage);
  return stages;
}

function runDoc(stages: Stage[], text: string, published?: string): Doc {
  const doc = createDoc("eval", text, published ? { published } : {});
  doc.layers.paragraphs = [{ start: 0, end: text.length, kind: "p", prov: { stage: "eval", rule: "eval" } }];
  for (const s of stages) s.run(doc);
  return doc;
}

/** Events counted as coded facts (negated and hypothetical ones are flagged, not facts). */
const factual = (e: EventFact) => e.modality !== "negated" && e.modality !== "hypothetical";
const isRecip = (e: EventFact) => /reciprocal/.test(e.prov.rule);

/** Country part of an actor: first three letters of its CAMEO code, else its ISO3. */
function country(a: EventActor | null | undefined): string {
  if (!a) return "---";
  if (a.code && a.code.length >= 3) return a.code.slice(0, 3);
  return a.country ?? "---";
}

/** KB CAMEO codes and the gold's older codes differ from ISO3 for a few states; both sides are normalised. */
const norm = (c: string) =>
  ({ ROM: "ROU", TMP: "TLS", MTN: "MNE", JAP: "JPN", ITL: "ITA", VTN: "VNM" })[c] ?? c;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function evalPetrarch(dataDir: string, stages: Stage[], show: number): Promise<void> {
  const file = path.join(dataDir, "petrarch2-gsr-validation/PETR2_GSR_validation.jsonl");
  if (!existsSync(file)) return void console.log("petrarch2-gsr-validation: absent, skipped");
  const recs = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map(
      (l) =>
        JSON.parse(l) as {
          id: string;
          date: string;
          text: string;
          events: Array<{ source: string; target: string; eventcode: string }>;
        },
    );
  let tp = 0;
  let nPred = 0;
  let nGold = 0;
  let exact = 0;
  let rootOnlyTp = 0;
  let negFalse = 0;
  let negSent = 0;
  const misses: string[] = [];
  for (const r of recs) {
    const pub = `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}`;
    const doc = runDoc(stages, r.text.replace(/\s+/g, " ").trim(), pub);
    const pred: Array<{ key: string; code: string }> = [];
    for (const e of (doc.layers.events ?? []).filter(factual)) {
      const s = norm(country(e.source));
      const t = norm(country(e.target));
      pred.push({ key: `${e.root}|${s}|${t}`, code: e.cameo });
      if (isRecip(e) && e.target) pred.push({ key: `${e.root}|${t}|${s}`, code: e.cameo });
    }
    const gold = r.events.map((g) => ({
      key: `${g.eventcode.slice(0, 2)}|${norm(g.source.slice(0, 3)) || "---"}|${norm(g.target.slice(0, 3)) || "---"}`,
      code: g.eventcode,
    }));
    if (gold.length === 0) {
      negSent++;
      if (pred.length > 0) negFalse++;
    }
    nPred += pred.length;
    nGold += gold.length;
    const left = [...pred];
    for (const g of gold) {
      const k = left.findIndex((p) => p.key === g.key);
      if (k >= 0) {
        tp++;
        if (left[k].code === g.code) exact++;
        left.splice(k, 1);
      } else if (misses.length < show) {
        misses.push(
          `  MISS ${g.code} ${g.key} | got ${pred.map((p) => `${p.code} ${p.key}`).join("; ") || "-"} | ${r.text.replace(/\s+/g, " ").slice(0, 160)}`,
        );
      }
    }
    const predRoots = pred.map((p) => p.key.split("|")[0]);
    for (const g of gold) if (predRoots.includes(g.key.split("|")[0])) rootOnlyTp++;
    for (const p of left)
      if (misses.length < show)
        misses.push(
          `  ${gold.length === 0 ? "FALSE" : "EXTRA"} ${p.code} ${p.key} | ${r.text.replace(/\s+/g, " ").slice(0, 160)}`,
        );
  }
  console.log(`petrarch2-gsr-validation: ${recs.length} sentences, ${nGold} gold events, ${nPred} coded`);
  console.log("| measure | value |\n| --- | --- |");
  console.log(
    `| precision (root, source country, target country) | ${pct(tp / Math.max(1, nPred))} (${tp}/${nPred}) |`,
  );
  console.log(
    `| recall (root, source country, target country) | ${pct(tp / Math.max(1, nGold))} (${tp}/${nGold}) |`,
  );
  console.log(`| exact code among matched | ${pct(exact / Math.max(1, tp))} (${exact}/${tp}) |`);
  console.log(`| recall of the root alone | ${pct(rootOnlyTp / Math.max(1, nGold))} |`);
  console.log(`| no-event sentences wrongly coded | ${negFalse}/${negSent} |`);
  for (const m of misses) console.log(m);
}

/** PLOVER 0.5b1 category of a CAMEO code (the GSR's ontology version). */
function plover05(code: string): string | undefined {
  const root = code.slice(0, 2);
  if (root === "08") return Number(code.slice(0, 3)) <= 83 ? "CONCEDE" : "RETREAT";
  return (
    {
      "02": "DEMAND",
      "03": "AGREE",
      "04": "CONSULT",
      "05": "SUPPORT",
      "06": "COOPERATE",
      "07": "AID",
      "09": "INVESTIGATE",
      "10": "DEMAND",
      "11": "DISAPPROVE",
      "12": "REJECT",
      "13": "THREATEN",
      "14": "PROTEST",
      "15": "MOBILIZE",
      "16": "SANCTION",
      "17": "COERCE",
      "18": "ASSAULT",
      "19": "FIGHT",
      "20": "ASSAULT",
    } as Record<string, string>
  )[root];
}

async function evalPlover(dataDir: string, stages: Stage[], show: number): Promise<void> {
  const file = path.join(dataDir, "plover-gsr-cameo/PLOVER_GSR_CAMEO.json");
  if (!existsSync(file)) return void console.log("plover-gsr-cameo: absent, skipped");
  type Rec = {
    id: string;
    event?: string;
    text: string;
    source?: Array<{ code: string }>;
    target?: Array<{ code: string }> | "";
  };
  const recs = (JSON.parse(readFileSync(file, "utf8")) as Rec[]).filter(
    (r) => r.event && typeof r.text === "string" && r.id !== "DOCUMENT",
  );
  let first = 0;
  let any = 0;
  let srcOk = 0;
  let tgtOk = 0;
  let tgtN = 0;
  let coded = 0;
  const misses: string[] = [];
  const cache = new Map<string, EventFact[]>();
  for (const r of recs) {
    let evs = cache.get(r.text);
    if (!evs) {
      evs = (runDoc(stages, r.text).layers.events ?? []).filter((e) => e.modality !== "negated");
      cache.set(r.text, evs);
    }
    if (evs.length > 0) coded++;
    const types = evs.map((e) => plover05(e.cameo));
    if (types[0] === r.event) first++;
    if (types.includes(r.event)) any++;
    else if (misses.length < show)
      misses.push(
        `  MISS ${r.event} | got ${evs.map((e) => `${e.cameo}:${country(e.source)}>${country(e.target)}`).join(" ") || "-"} | ${r.text.slice(0, 150)}`,
      );
    const ev = evs.find((e) => plover05(e.cameo) === r.event) ?? evs[0];
    const gs = (r.source ?? []).map((a) => norm(a.code));
    const gt = Array.isArray(r.target) ? r.target.map((a) => norm(a.code)) : [];
    const es = ev ? [norm(country(ev.source))] : [];
    const et = ev?.target ? [norm(country(ev.target))] : [];
    // Reciprocal events list both sides on either end.
    if (ev && isRecip(ev)) {
      es.push(...et);
      et.push(...es);
    }
    if (gs.length > 0 && es.some((c) => gs.includes(c))) srcOk++;
    if (gt.length > 0) {
      tgtN++;
      if (et.some((c) => gt.includes(c))) tgtOk++;
      else if (misses.length < show)
        misses.push(`  TARGET ${gt.join(",")} | got ${et.join(",") || "-"} | ${r.text.slice(0, 150)}`);
    }
  }
  const n = recs.length;
  console.log(`\nplover-gsr-cameo: ${n} records, ${coded} with at least one coded event`);
  console.log("| measure | value |\n| --- | --- |");
  console.log(`| PLOVER type of the first event | ${pct(first / n)} |`);
  console.log(`| PLOVER type among the sentence's events | ${pct(any / n)} |`);
  console.log(`| source country | ${pct(srcOk / n)} |`);
  console.log(`| target country (records with a gold target) | ${pct(tgtOk / Math.max(1, tgtN))} |`);
  for (const m of misses) console.log(m);
}

/** ConfliBERT PentaClass of a CAMEO root. */
function pentaClass(root: string): number {
  const r = Number(root);
  if (r <= 2) return 0;
  if (r <= 5) return 1;
  if (r <= 8) return 2;
  if (r <= 13 || r === 16) return 3;
  return 4;
}

async function evalConflibert(dataDir: string, stages: Stage[], split = "test"): Promise<void> {
  const cls = path.join(dataDir, `conflibert-cameo/cameo_class/${split}.tsv`);
  const ner = path.join(dataDir, `conflibert-cameo/cameo_ner/${split}.txt`);
  if (!existsSync(cls) || !existsSync(ner)) return void console.log("conflibert-cameo: absent, skipped");
  const rows = readFileSync(cls, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => ({ text: l.slice(0, l.lastIndexOf("\t")), label: Number(l.split("\t").pop()) }));
  const labels = rows.map((r) => r.label);
  const sents: Array<Array<[string, string]>> = [];
  let cur: Array<[string, string]> = [];
  for (const l of readFileSync(ner, "utf8").split(/\r?\n/)) {
    if (l.trim() === "") {
      if (cur.length) sents.push(cur);
      cur = [];
      continue;
    }
    const k = l.lastIndexOf(" ");
    cur.push([l.slice(0, k), l.slice(k + 1)]);
  }
  if (cur.length) sents.push(cur);
  let correct = 0;
  const confusion = Array.from({ length: 5 }, () => new Array(5).fill(0));
  // The test split's two files hold the same sentences in the same order; the training split's
  // do not, so there the class is scored on the class file's own sentences.
  const aligned = rows.length === sents.length;
  if (!aligned)
    for (const r of rows) {
      const evs = (runDoc(stages, r.text).layers.events ?? []).filter((e) => e.modality !== "negated");
      const predClass = evs.length > 0 ? pentaClass(evs[0].root) : 0;
      confusion[r.label][predClass]++;
      if (predClass === r.label) correct++;
    }
  const span = { exact: { tp: 0, p: 0, g: 0 }, overlap: { tp: 0, p: 0, g: 0 } };
  for (let i = 0; i < sents.length; i++) {
    const toks = sents[i];
    let text = "";
    const offs: Array<[number, number]> = [];
    for (const [w] of toks) {
      if (text) text += " ";
      offs.push([text.length, text.length + w.length]);
      text += w;
    }
    const gold: Array<{ role: string; start: number; end: number }> = [];
    toks.forEach(([, tag], k) => {
      if (tag.startsWith("B-")) gold.push({ role: tag.slice(2), start: offs[k][0], end: offs[k][1] });
      else if (tag.startsWith("I-") && gold.length) gold[gold.length - 1].end = offs[k][1];
    });
    const evs = (runDoc(stages, text).layers.events ?? []).filter((e) => e.modality !== "negated");
    if (aligned) {
      const predClass = evs.length > 0 ? pentaClass(evs[0].root) : 0;
      const g = labels[i] ?? 0;
      confusion[g][predClass]++;
      if (predClass === g) correct++;
    }
    const pred: Array<{ role: string; start: number; end: number }> = [];
    const e = evs[0];
    if (e) {
      // The gold marks R only for sides named together ("X and Y met", "talks between X and
      // Y"); "X met Y" is S and T there, as we code it.
      const r = /reciprocal-(coordinated|between)/.test(e.prov.rule);
      if (e.source.mention) pred.push({ role: r ? "R" : "S", ...e.source.mention });
      if (e.target?.mention) pred.push({ role: r ? "R" : "T", ...e.target.mention });
    }
    for (const mode of ["exact", "overlap"] as const) {
      const s = span[mode];
      s.p += pred.length;
      s.g += gold.length;
      const left = [...gold];
      for (const p of pred) {
        const k = left.findIndex(
          (x) =>
            x.role === p.role &&
            (mode === "exact" ? x.start === p.start && x.end === p.end : x.start < p.end && p.start < x.end),
        );
        if (k >= 0) {
          s.tp++;
          left.splice(k, 1);
        }
      }
    }
  }
  const f1 = (s: { tp: number; p: number; g: number }) => {
    const p = s.tp / Math.max(1, s.p);
    const r = s.tp / Math.max(1, s.g);
    return `P ${pct(p)} R ${pct(r)} F1 ${pct(p + r > 0 ? (2 * p * r) / (p + r) : 0)}`;
  };
  console.log(
    `\nconflibert-cameo (${split}): ${rows.length} class sentences, ${sents.length} span sentences`,
  );
  console.log("| measure | value |\n| --- | --- |");
  console.log(`| five-way class accuracy (first event; none → 0) | ${pct(correct / rows.length)} |`);
  console.log(`| actor spans, exact | ${f1(span.exact)} |`);
  console.log(`| actor spans, overlap | ${f1(span.overlap)} |`);
  console.log(
    `confusion (rows gold 0-4, columns predicted): ${confusion.map((r) => r.join(" ")).join(" / ")}`,
  );
}

/** Runs the three event evaluations on the data sets under `dataDir` (each skipped when absent). */
export async function evalEvents(dataDir: string, show = 0, split = "test"): Promise<void> {
  const stages = await loadStages();
  await evalPetrarch(dataDir, stages, show);
  await evalPlover(dataDir, stages, show);
  await evalConflibert(dataDir, stages, split);
  if (timesFailures > 0)
    console.log(`(times stage failed on ${timesFailures} documents; those used the own date reader)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const si = args.indexOf("--show");
  const show = si >= 0 ? Number(args[si + 1]) : 0;
  // `--split train`: the ConfliBERT training split, read only to see error types on unseen text.
  const sp = args.indexOf("--split");
  const split = sp >= 0 ? args[sp + 1] : "test";
  const dir = args.find((a, i) => !a.startsWith("--") && i !== si + 1 && i !== sp + 1);
  await evalEvents(path.resolve(dir ?? path.join(process.cwd(), "../shared/data")), show, split);
}
